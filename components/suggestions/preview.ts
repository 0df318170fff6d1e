// Paints the passages of the suggestion being previewed with the CSS Custom
// Highlight API, under its own name and above every annotation highlight.
// The workbench turns offsets into DOM ranges (it owns the text index) and
// hands the ranges here.

export const SUGGESTION_HIGHLIGHT = "pa-suggestion";

export function paintSuggestionPreview(ranges: readonly Range[] | null): void {
  if (typeof CSS === "undefined" || !("highlights" in CSS) || typeof Highlight === "undefined") return;
  if (!ranges || ranges.length === 0) {
    CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = 10;
  CSS.highlights.set(SUGGESTION_HIGHLIGHT, highlight);
}
