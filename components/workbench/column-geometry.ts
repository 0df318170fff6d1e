// Where text sits inside one column, in content coordinates (pixels from the
// top of the text, independent of scrolling). Paragraph boxes are measured
// once per layout (one read each, after a single forced layout); a span's
// vertical centre is interpolated inside its paragraph, and measured exactly
// (one Range) only when its paragraph comes near the view, then cached. On
// scroll nothing is measured again: screen y = content y − scrollTop + offset.

import { paragraphIndexAt } from "@/lib/anchoring/paragraphs";

import { rangeFromOffsets, type TextIndex } from "./text-dom";

export type ColumnView = {
  /** Visible slice of the text, in content coordinates. */
  top: number;
  bottom: number;
  /** Content y → viewport y: add this. */
  toViewport: number;
  /** The text area's box in viewport coordinates (what connectors are clipped to). */
  clipTop: number;
  clipBottom: number;
};

export class ColumnGeometry {
  readonly index: TextIndex;
  readonly scroller: HTMLElement;
  private tops: Float64Array = new Float64Array(0);
  private heights: Float64Array = new Float64Array(0);
  private exact = new Map<number, number>();
  /** Bumped at every measurement, so derived positions know when to recompute. */
  version = 0;
  /** The tallest paragraph: interpolated positions are off by less than this. */
  maxParagraphHeight = 0;
  /** Text root top relative to the scroller's content box top (padding), and the scroller's viewport box. */
  private rootOffset = 0;
  private box = { top: 0, bottom: 0, height: 0 };
  private isMeasured = false;

  constructor(index: TextIndex) {
    this.index = index;
    this.scroller = index.root.closest<HTMLElement>("[data-scroll-side]") ?? index.root.parentElement ?? index.root;
  }

  /**
   * The column's box moved or changed height (its title collapsed, the window
   * grew taller) but the text did not reflow: re-read the box only, keeping
   * paragraph positions and exact span positions, which are relative to the text.
   */
  refreshBox(): void {
    if (!this.isMeasured) return;
    const rootRect = this.index.root.getBoundingClientRect();
    const scrollerRect = this.scroller.getBoundingClientRect();
    this.rootOffset = rootRect.top - scrollerRect.top + this.scroller.scrollTop;
    this.box = { top: scrollerRect.top, bottom: scrollerRect.bottom, height: scrollerRect.height };
  }

  /** Forget every measurement (the text reflowed: width changed, fonts loaded, column re-rendered). */
  invalidate(): void {
    this.isMeasured = false;
    this.exact.clear();
  }

  measure(): void {
    if (this.isMeasured) return;
    const { paragraphs, nodes, root } = this.index;
    const rootRect = root.getBoundingClientRect();
    const scrollerRect = this.scroller.getBoundingClientRect();
    this.rootOffset = rootRect.top - scrollerRect.top + this.scroller.scrollTop;
    this.box = { top: scrollerRect.top, bottom: scrollerRect.bottom, height: scrollerRect.height };
    this.tops = new Float64Array(paragraphs.length);
    this.heights = new Float64Array(paragraphs.length);
    let tallest = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      const rect = (nodes[i]?.parentElement ?? root).getBoundingClientRect();
      this.tops[i] = rect.top - rootRect.top;
      this.heights[i] = rect.height;
      tallest = Math.max(tallest, rect.height);
    }
    this.maxParagraphHeight = tallest;
    this.version++;
    this.isMeasured = true;
  }

  /** The visible part of the text now; reads scrollTop only (after the first measurement). */
  view(): ColumnView {
    this.measure();
    const scrollTop = this.scroller.scrollTop;
    const top = scrollTop - this.rootOffset;
    return {
      top,
      bottom: top + this.box.height,
      toViewport: this.box.top - top,
      clipTop: this.box.top,
      clipBottom: this.box.bottom,
    };
  }

  /** Text offsets of the paragraphs overlapping content pixels [from, to]. */
  offsetsBetween(from: number, to: number): { start: number; end: number } | null {
    this.measure();
    const { paragraphs } = this.index;
    if (paragraphs.length === 0) return null;
    const first = this.paragraphAtY(from);
    const last = this.paragraphAtY(to);
    return { start: paragraphs[first]!.start, end: paragraphs[last]!.end };
  }

  /** Index of the paragraph at content y (the nearest one in gaps). */
  paragraphAtY(y: number): number {
    let lo = 0;
    let hi = this.tops.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tops[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** Content y of the first line's centre of [start, end); exact near `near` (content pixels), interpolated elsewhere. */
  yOf(start: number, end: number, near?: { top: number; bottom: number }): number {
    this.measure();
    const key = start * 4_194_304 + (end - start);
    const cached = this.exact.get(key);
    if (cached !== undefined) return cached;
    const { paragraphs } = this.index;
    if (paragraphs.length === 0) return 0;
    const i = paragraphIndexAt(paragraphs, start);
    const paragraph = paragraphs[i]!;
    const top = this.tops[i]!;
    const height = this.heights[i]!;
    if (near && top + height >= near.top && top <= near.bottom) {
      const rect = rangeFromOffsets(this.index, start, end)?.getClientRects()[0];
      if (rect) {
        // Relative to the text root as it is now (not a cached box, which may be a frame old).
        const y = rect.top + rect.height / 2 - this.index.root.getBoundingClientRect().top;
        this.exact.set(key, y);
        return y;
      }
    }
    const fraction = (start - paragraph.start) / Math.max(1, paragraph.end - paragraph.start);
    return top + fraction * height;
  }

  /** Scrolls so content y sits a third of the way down the column. */
  scrollToY(y: number): void {
    this.measure();
    this.scroller.scrollTop = Math.max(0, y + this.rootOffset - this.box.height / 3);
  }
}
