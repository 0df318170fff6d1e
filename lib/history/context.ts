// Passages shown with some of the text around them, for reviewing in context.

export type Excerpt = { sourceId: string; before: string; exact: string; after: string; start: number; end: number };

export const CONTEXT_RADIUS = 240;

/** Up to `radius` characters each side, cut back to a word boundary, with an ellipsis where text was cut. */
export function excerptAround(text: string, start: number, end: number, radius = CONTEXT_RADIUS): Omit<Excerpt, "sourceId"> {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > end) to = space;
  }
  return {
    before: `${from > 0 ? "…" : ""}${text.slice(from, start)}`,
    exact: text.slice(start, end),
    after: `${text.slice(end, to)}${to < text.length ? "…" : ""}`,
    start,
    end,
  };
}

/** Whether [start, end) lies within `margin` characters of any of the ranges. */
export function isNear(ranges: Array<{ start: number; end: number }>, start: number, end: number, margin = CONTEXT_RADIUS * 2): boolean {
  return ranges.some((range) => start < range.end + margin && end > range.start - margin);
}
