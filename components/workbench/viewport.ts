// Which part of each text is on screen, as text offsets. Highlights are only
// painted for spans near the visible part of a column: Chromium's cost per
// frame grows with the number of highlight ranges (5,000 annotations are
// ~20,000 ranges across the styles), while a viewport holds a few hundred.

import type { TextIndex } from "./text-dom";

export type OffsetWindow = { start: number; end: number };

/** Highlights are painted this many viewport heights above and below the visible text… */
export const PAINT_MARGIN = 1;
/** …and repainted once the visible text plus this margin leaves the painted part. */
export const REPAINT_MARGIN = 0.25;

function scrollContainerOf(index: TextIndex): HTMLElement {
  return index.root.closest<HTMLElement>("[data-scroll-side]") ?? index.root.parentElement ?? index.root;
}

/** Offsets of the paragraphs within `margin` viewport heights above or below the visible part of the column. */
export function visibleWindow(index: TextIndex, margin: number): OffsetWindow | null {
  const { paragraphs, nodes } = index;
  if (paragraphs.length === 0) return null;
  const view = scrollContainerOf(index).getBoundingClientRect();
  const top = view.top - margin * view.height;
  const bottom = view.bottom + margin * view.height;
  const rectOf = (i: number) => (nodes[i]!.parentElement ?? index.root).getBoundingClientRect();
  // Paragraph boxes ascend in document order: binary search the first and last in range.
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rectOf(mid).bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rectOf(mid).top > bottom) hi = mid - 1;
    else lo = mid;
  }
  return { start: paragraphs[first]!.start, end: paragraphs[Math.max(first, lo)]!.end };
}

export function visibleWindows(indexes: ReadonlyMap<string, TextIndex>, margin: number): Map<string, OffsetWindow> {
  const windows = new Map<string, OffsetWindow>();
  for (const [sourceId, index] of indexes) {
    const window = visibleWindow(index, margin);
    if (window) windows.set(sourceId, window);
  }
  return windows;
}

/** True when every window of `inner` lies inside the matching window of `outer`. */
export function coversWindows(outer: ReadonlyMap<string, OffsetWindow>, inner: ReadonlyMap<string, OffsetWindow>): boolean {
  for (const [sourceId, window] of inner) {
    const painted = outer.get(sourceId);
    if (!painted || window.start < painted.start || window.end > painted.end) return false;
  }
  return true;
}
