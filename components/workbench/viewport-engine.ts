// Everything the workbench redraws while the reader scrolls, kept out of
// React: scrolling never re-renders a component. Columns and gutters register
// their elements here; data changes (annotations, selection, the passages
// being composed) arrive through `update`. A scroll or resize schedules one
// animation frame, which
//   - repaints highlights only when the view leaves the painted slice of a text,
//   - redraws each gutter's visible connectors (gutter-draw.ts),
//   - collapses a column's long title once its text is scrolled.

import type { AnnotationView } from "@/lib/annotations/views";

import { ColumnGeometry } from "./column-geometry";
import { hitGutter, layoutGutter, paintGutter, type GutterFrame } from "./gutter-draw";
import { buildGutterIndex, gutterIndexKey, type GutterIndex } from "./gutter-index";
import { deriveGutterData, type GutterData, type LinkEnd } from "./gutter-links";
import { flashRanges, paintHighlights } from "./highlights";
import { paintSuggestionPreview } from "@/components/suggestions/preview";

import { rangeFromOffsets, type TextIndex } from "./text-dom";
import type { OffsetWindow } from "./highlights";

/** Highlights cover the view plus this many view heights above and below… */
const PAINT_MARGIN = 1;
/** …and are repainted once the view plus this margin leaves the painted slice. */
const REPAINT_MARGIN = 0.25;
const COLLAPSE_AFTER_PX = 48;

export type EngineData = {
  annotations: readonly AnnotationView[];
  selectedId: string | null;
  pending: ReadonlyArray<{ sourceId: string; start: number; end: number }>;
  /** A suggestion being previewed (Suggestions tab): painted above everything else. */
  preview?: ReadonlyArray<{ sourceId: string; start: number; end: number }>;
};

export type EngineHandlers = {
  onChoose: (id: string) => void;
  /** A chip names sources linked from a passage; bring the first one on screen for this annotation. */
  onChip: (annotationId: string, targets: string[]) => void;
  labelOf: (sourceId: string) => string;
};

type Column = { sourceId: string; geometry: ColumnGeometry; section: HTMLElement | null; onScroll: () => void };

export class ViewportEngine {
  private columns: Array<Column | undefined> = [];
  private gutters: Array<HTMLCanvasElement | undefined> = [];
  private gutterData: Array<{ key: string; data: GutterData; index?: GutterIndex } | undefined> = [];
  private dataVersion = 0;
  private gutterBoxes = new Map<HTMLCanvasElement, { top: number; width: number; height: number }>();
  private frames: Array<GutterFrame | undefined> = [];
  private data: EngineData = { annotations: [], selectedId: null, pending: [] };
  private painted = new Map<string, OffsetWindow>();
  private isPaintDirty = true;
  private frame = 0;
  private resizeObserver: ResizeObserver | null = null;
  /** Called after each frame; tests and the bench read `lastFrame`. */
  lastFrame = { at: 0, connectors: 0 };

  constructor(private handlers: EngineHandlers) {
    if (typeof ResizeObserver !== "undefined") this.resizeObserver = new ResizeObserver((entries) => this.onResize(entries));
  }

  setHandlers(handlers: EngineHandlers): void {
    this.handlers = handlers;
  }

  attachColumn(position: number, sourceId: string, index: TextIndex): () => void {
    const geometry = new ColumnGeometry(index);
    const onScroll = () => this.schedule();
    const section = index.root.closest<HTMLElement>("section");
    geometry.scroller.addEventListener("scroll", onScroll, { passive: true });
    this.resizeObserver?.observe(geometry.scroller);
    this.resizeObserver?.observe(index.root);
    const column: Column = { sourceId, geometry, section, onScroll };
    this.columns[position] = column;
    this.isPaintDirty = true;
    this.gutterData = [];
    this.schedule();
    return () => {
      geometry.scroller.removeEventListener("scroll", onScroll);
      this.resizeObserver?.unobserve(geometry.scroller);
      this.resizeObserver?.unobserve(index.root);
      if (this.columns[position] === column) this.columns[position] = undefined;
      this.isPaintDirty = true;
      this.gutterData = [];
      this.schedule();
    };
  }

  attachGutter(position: number, canvas: HTMLCanvasElement): () => void {
    this.gutters[position] = canvas;
    this.resizeObserver?.observe(canvas);
    const onClick = (event: MouseEvent) => this.onGutterClick(position, event);
    const onMove = (event: MouseEvent) => (canvas.style.cursor = this.hitAt(position, event) ? "pointer" : "");
    canvas.addEventListener("click", onClick);
    canvas.addEventListener("mousemove", onMove);
    this.schedule();
    return () => {
      canvas.removeEventListener("click", onClick);
      canvas.removeEventListener("mousemove", onMove);
      this.resizeObserver?.unobserve(canvas);
      if (this.gutters[position] === canvas) this.gutters[position] = undefined;
      this.frames[position] = undefined;
    };
  }

  update(data: EngineData): void {
    if (data.annotations !== this.data.annotations) {
      this.gutterData = [];
      this.dataVersion++;
    }
    this.data = data;
    this.isPaintDirty = true;
    this.schedule();
  }

  /** Widths that reflow the text, per observed element: only a width change needs a full measurement. */
  private widths = new WeakMap<Element, number>();

  private onResize(entries: ResizeObserverEntry[]): void {
    let reflowed = false;
    for (const entry of entries) {
      const width = entry.contentRect.width;
      if (this.widths.has(entry.target) && this.widths.get(entry.target) !== width) reflowed = true;
      this.widths.set(entry.target, width);
    }
    if (reflowed) return this.invalidate();
    this.refreshBoxes();
  }

  /** Something above the text changed height (a title collapsed): boxes moved, the text did not reflow. */
  private refreshBoxes(): void {
    for (const column of this.columns) column?.geometry.refreshBox();
    this.gutterBoxes.clear();
    this.schedule();
  }

  /** Layout changed (resize, fonts): measure again on the next frame. */
  invalidate(): void {
    for (const column of this.columns) column?.geometry.invalidate();
    this.gutterBoxes.clear();
    this.isPaintDirty = true;
    this.schedule();
  }

  schedule(): void {
    if (this.frame || typeof requestAnimationFrame === "undefined") return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.resizeObserver?.disconnect();
    paintSuggestionPreview(null);
  }

  private visible(): Column[] {
    return this.columns.filter((column): column is Column => column !== undefined && column.geometry.index.root.isConnected);
  }

  /** Brings the passage into view in its column, if the column is on screen; returns its range for flashing. */
  scrollToPassage(sourceId: string, start: number, end: number): Range | null {
    const column = this.visible().find((c) => c.sourceId === sourceId);
    if (!column) return null;
    const y = column.geometry.yOf(start, end, { top: -Infinity, bottom: Infinity });
    column.geometry.scrollToY(y);
    this.schedule();
    return rangeFromOffsets(column.geometry.index, start, end);
  }

  /** Scrolls every on-screen column to the annotation's first passage there, and flashes the passages. */
  reveal(annotation: AnnotationView): void {
    const ranges: Range[] = [];
    const seen = new Set<string>();
    for (const span of annotation.spans) {
      if (seen.has(span.sourceId)) continue;
      seen.add(span.sourceId);
      const range = this.scrollToPassage(span.sourceId, span.start, span.end);
      if (range) ranges.push(range);
    }
    flashRanges(ranges);
  }

  private hitAt(position: number, event: MouseEvent) {
    const canvas = this.gutters[position];
    const frame = this.frames[position];
    if (!canvas || !frame) return null;
    const rect = canvas.getBoundingClientRect();
    return hitGutter(frame, event.clientX - rect.left, event.clientY - rect.top);
  }

  private onGutterClick(position: number, event: MouseEvent): void {
    const hit = this.hitAt(position, event);
    if (!hit) return;
    if (hit.type === "connector") return this.handlers.onChoose(hit.id);
    if (hit.type === "chip") return this.handlers.onChip(hit.id, hit.targets);
    const column = this.visible()[hit.corner.startsWith("left") ? position : position + 1];
    if (column) this.scrollToEnd(column, hit.target.end);
  }

  private scrollToEnd(column: Column, end: LinkEnd): void {
    column.geometry.scrollToY(column.geometry.yOf(end.start, end.end, { top: -Infinity, bottom: Infinity }));
    const range = rangeFromOffsets(column.geometry.index, end.start, end.end);
    if (range) flashRanges([range], 900);
    this.schedule();
  }

  private draw(): void {
    const columns = this.visible();
    // Collapse long titles first: the text area moves, and this frame must draw with the new boxes.
    for (const column of columns) {
      const isCollapsed = column.geometry.scroller.scrollTop > COLLAPSE_AFTER_PX;
      if (!column.section || (column.section.dataset.collapsed === "true") === isCollapsed) continue;
      column.section.dataset.collapsed = String(isCollapsed);
      column.geometry.refreshBox();
      this.gutterBoxes.clear();
    }
    const views = columns.map((column) => column.geometry.view());
    this.paintIfNeeded(columns, views);
    let connectors = 0;
    for (let i = 0; i + 1 < columns.length; i++) {
      const canvas = this.gutters[i];
      if (!canvas || !canvas.isConnected) continue;
      const left = columns[i]!;
      const right = columns[i + 1]!;
      const key = `${left.sourceId}|${right.sourceId}|${this.dataVersion}`;
      let entry = this.gutterData[i];
      if (!entry || entry.key !== key) {
        entry = { key, data: deriveGutterData(this.data.annotations, left.sourceId, right.sourceId) };
        this.gutterData[i] = entry;
      }
      const indexKey = gutterIndexKey(key, left.geometry, right.geometry);
      if (entry.index?.key !== indexKey) entry.index = buildGutterIndex(entry.data, left.geometry, right.geometry, indexKey);
      let box = this.gutterBoxes.get(canvas);
      if (!box) {
        const rect = canvas.getBoundingClientRect();
        box = { top: rect.top, width: rect.width, height: rect.height };
        this.gutterBoxes.set(canvas, box);
      }
      const frame = layoutGutter({
        data: entry.data,
        index: entry.index,
        left: { geometry: left.geometry, view: views[i]! },
        right: { geometry: right.geometry, view: views[i + 1]! },
        box,
        selectedId: this.data.selectedId,
        labelOf: this.handlers.labelOf,
      });
      paintGutter(canvas, frame);
      this.frames[i] = frame;
      // For tests and the bench: what was drawn (a property: no DOM work).
      (canvas as HTMLCanvasElement & { gutterFrame?: GutterFrame }).gutterFrame = frame;
      connectors += frame.connectors.length;
    }
    this.lastFrame = { at: performance.now(), connectors };
    // Tests and the bench wait for this; a property, not an attribute, so it costs no style work.
    (window as unknown as { __workbenchFrameAt?: number }).__workbenchFrameAt = this.lastFrame.at;
  }

  private paintIfNeeded(columns: Column[], views: ReturnType<ColumnGeometry["view"]>[]): void {
    const windowsAt = (margin: number) => {
      const windows = new Map<string, OffsetWindow>();
      columns.forEach((column, i) => {
        const view = views[i]!;
        const extra = margin * (view.bottom - view.top);
        const window = column.geometry.offsetsBetween(view.top - extra, view.bottom + extra);
        if (window) windows.set(column.sourceId, window);
      });
      return windows;
    };
    if (!this.isPaintDirty && covers(this.painted, windowsAt(REPAINT_MARGIN))) return;
    const windows = windowsAt(PAINT_MARGIN);
    const indexes = new Map(columns.map((column) => [column.sourceId, column.geometry.index]));
    paintHighlights({
      annotations: this.data.annotations as AnnotationView[],
      indexes,
      selectedId: this.data.selectedId,
      pending: [...this.data.pending],
      windows,
    });
    // A preview is two passages: painted whole, wherever they are.
    paintSuggestionPreview(
      (this.data.preview ?? []).flatMap((span) => {
        const index = indexes.get(span.sourceId);
        return (index && rangeFromOffsets(index, span.start, span.end)) || [];
      }),
    );
    this.painted = windows;
    this.isPaintDirty = false;
  }
}

function covers(outer: ReadonlyMap<string, OffsetWindow>, inner: ReadonlyMap<string, OffsetWindow>): boolean {
  for (const [sourceId, window] of inner) {
    const painted = outer.get(sourceId);
    if (!painted || window.start < painted.start || window.end > painted.end) return false;
  }
  return true;
}
