// Paints annotations with the CSS Custom Highlight API: one Highlight per
// style, each holding many ranges. No DOM is wrapped, so painting 5,000
// annotations costs tens of milliseconds instead of seconds.

import type { AnnotationView } from "@/lib/annotations/views";

import { rangeFromOffsets, type TextIndex } from "./text-dom";

/** A slice of a text, as offsets. */
export type OffsetWindow = { start: number; end: number };

export type HighlightInputs = {
  annotations: AnnotationView[];
  indexes: Map<string, TextIndex>;
  selectedId?: string | null;
  pending?: Array<{ sourceId: string; start: number; end: number }>;
  /** Paint only spans overlapping these offsets (by source); sources without a window are painted whole. */
  windows?: ReadonlyMap<string, OffsetWindow>;
};

const kinds = ["agreement", "contradiction", "note"] as const;
const statuses = ["draft", "in_review", "changes_requested", "approved", "rejected"] as const;

/**
 * One highlight per kind and status ("pa-contradiction-approved"), so each
 * passage is in exactly one of them: Chromium's cost per frame grows with the
 * number of registered ranges, and layering a kind highlight, a fill and a
 * status mark per passage tripled it.
 */
const names = [...kinds.flatMap((kind) => statuses.map((status) => `pa-${kind}-${status}`)), "pa-selected", "pa-pending"];

export function isHighlightSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

export function paintHighlights({ annotations, indexes, selectedId, pending = [], windows }: HighlightInputs): void {
  if (!isHighlightSupported()) return;
  const groups = new Map<string, Range[]>(names.map((name) => [name, []]));
  const add = (name: string, range: Range) => groups.get(name)!.push(range);

  for (const annotation of annotations) {
    for (const span of annotation.spans) {
      const window = windows?.get(span.sourceId);
      if (window && (span.end < window.start || span.start > window.end)) continue;
      const index = indexes.get(span.sourceId);
      const range = index && rangeFromOffsets(index, span.start, span.end);
      if (!range) continue;
      add(`pa-${annotation.kind}-${annotation.status}`, range);
      if (annotation.id === selectedId) add("pa-selected", range);
    }
  }
  for (const span of pending) {
    const index = indexes.get(span.sourceId);
    const range = index && rangeFromOffsets(index, span.start, span.end);
    if (range) add("pa-pending", range);
  }
  for (const [name, ranges] of groups) {
    if (ranges.length === 0) CSS.highlights.delete(name);
    else CSS.highlights.set(name, new Highlight(...ranges));
  }
}

export function flashRanges(ranges: Range[], durationMs = 1200): void {
  if (!isHighlightSupported() || ranges.length === 0) return;
  CSS.highlights.set("pa-flash", new Highlight(...ranges));
  window.setTimeout(() => CSS.highlights.delete("pa-flash"), durationMs);
}

export function clearHighlights(): void {
  if (!isHighlightSupported()) return;
  for (const name of [...names, "pa-flash"]) CSS.highlights.delete(name);
}
