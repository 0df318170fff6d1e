// One gutter frame: which connectors, edge markers and chips are in view
// (layoutGutter, pure geometry) and painting them on the gutter's <canvas>
// (paintGutter). Only connectors with at least one end in view are drawn,
// each clipped to the text areas of its two columns; an end scrolled out of
// view stops at the text area's edge, where one edge marker per corner counts
// them. A canvas rather than SVG elements: redrawing ~100 short curves costs
// about a millisecond and touches no DOM, so a scroll frame does no style,
// layout or paint work outside the canvas.

import type { ColumnGeometry, ColumnView } from "./column-geometry";
import { indicesBetween, type GutterIndex } from "./gutter-index";
import type { GutterData, LinkEnd } from "./gutter-links";

export type GutterSide = { geometry: ColumnGeometry; view: ColumnView };

export type GutterInput = {
  data: GutterData;
  index: GutterIndex;
  left: GutterSide;
  right: GutterSide;
  /** The canvas's box in viewport coordinates. */
  box: { top: number; width: number; height: number };
  selectedId: string | null;
  labelOf: (sourceId: string) => string;
};

export type Corner = "left-top" | "left-bottom" | "right-top" | "right-bottom";
type Where = "in" | "top" | "bottom";

/** What one frame drew, in canvas coordinates; clicks are hit-tested against it and tests read it. */
export type GutterFrame = {
  connectors: Array<{ id: string; kind: keyof typeof colors; status: string; y1: number; y2: number; isIn1: boolean; isIn2: boolean }>;
  edges: Array<{ corner: Corner; count: number; x: number; y: number; target: { id: string; end: LinkEnd } }>;
  chips: Array<{ id: string; side: "left" | "right"; targets: string[]; label: string; x: number; y: number }>;
  width: number;
  height: number;
  selectedId: string | null;
};

const colors = { agreement: "#0f7b46", contradiction: "#c5221f", note: "#1a5fb4" } as const;

/** Content pixels around the view in which span positions are measured exactly (interpolation is off by less than a paragraph). */
function marginOf(side: GutterSide): number {
  return side.geometry.maxParagraphHeight + 8;
}

function endAt(side: GutterSide, end: LinkEnd, boxTop: number): { y: number; content: number; where: Where } {
  const { view, geometry } = side;
  const margin = marginOf(side);
  const content = geometry.yOf(end.start, end.end, { top: view.top - margin, bottom: view.bottom + margin });
  if (content < view.top) return { y: view.clipTop - boxTop, content, where: "top" };
  if (content > view.bottom) return { y: view.clipBottom - boxTop, content, where: "bottom" };
  return { y: content + view.toViewport - boxTop, content, where: "in" };
}

export function layoutGutter(input: GutterInput): GutterFrame {
  const { data, index, left, right, box, selectedId } = input;
  const width = box.width;
  const frame: GutterFrame = { connectors: [], edges: [], chips: [], width, height: box.height, selectedId };
  const counts = new Map<Corner, { count: number; best: number; target: { id: string; end: LinkEnd } }>();
  const offScreen = (corner: Corner, id: string, end: LinkEnd, y: number) => {
    const current = counts.get(corner);
    const isCloser = !current || (corner.endsWith("top") ? y > current.best : y < current.best);
    counts.set(corner, {
      count: (current?.count ?? 0) + 1,
      best: isCloser ? y : current.best,
      target: isCloser ? { id, end } : current.target,
    });
  };

  const near = new Set([
    ...indicesBetween(index.left, left.view.top - marginOf(left), left.view.bottom + marginOf(left)),
    ...indicesBetween(index.right, right.view.top - marginOf(right), right.view.bottom + marginOf(right)),
  ]);
  for (const i of [...near].sort((a, b) => a - b)) {
    const link = data.links[i]!;
    const a = endAt(left, link.left, box.top);
    const b = endAt(right, link.right, box.top);
    if (a.where !== "in" && b.where !== "in") continue;
    if (a.where !== "in") offScreen(`left-${a.where}`, link.id, link.left, a.content);
    if (b.where !== "in") offScreen(`right-${b.where}`, link.id, link.right, b.content);
    frame.connectors.push({
      id: link.id,
      kind: link.kind,
      status: link.status,
      y1: a.y,
      y2: b.y,
      isIn1: a.where === "in",
      isIn2: b.where === "in",
    });
  }

  for (const [corner, { count, target }] of counts) {
    const isLeft = corner.startsWith("left");
    const view = (isLeft ? left : right).view;
    frame.edges.push({
      corner,
      count,
      x: isLeft ? 12 : width - 12,
      y: (corner.endsWith("top") ? view.clipTop : view.clipBottom) - box.top,
      target,
    });
  }

  const chipMargin = Math.max(marginOf(left), marginOf(right));
  const from = Math.min(left.view.top, right.view.top) - chipMargin;
  const to = Math.max(left.view.bottom, right.view.bottom) + chipMargin;
  for (const i of indicesBetween(index.chips, from, to)) {
    const chip = data.chips[i]!;
    const at = endAt(chip.side === "left" ? left : right, chip.end, box.top);
    if (at.where !== "in") continue;
    const label = `→${chip.targets.map(input.labelOf).join(" ")}`;
    frame.chips.push({ id: chip.id, side: chip.side, targets: chip.targets, label, x: chip.side === "left" ? 4 : width - 4, y: at.y });
  }
  return frame;
}

function curve(ctx: CanvasRenderingContext2D, width: number, y1: number, y2: number): void {
  const bend = width * 0.45;
  ctx.beginPath();
  ctx.moveTo(3, y1);
  ctx.bezierCurveTo(bend, y1, width - bend, y2, width - 3, y2);
}

export function paintGutter(canvas: HTMLCanvasElement, frame: GutterFrame): void {
  const ratio = window.devicePixelRatio || 1;
  const pixelWidth = Math.round(frame.width * ratio);
  const pixelHeight = Math.round(frame.height * ratio);
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
  }
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, frame.width, frame.height);
  ctx.strokeStyle = "#e2e8f0";
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(frame.width / 2, 0);
  ctx.lineTo(frame.width / 2, frame.height);
  ctx.stroke();

  for (const c of frame.connectors) {
    const isSelected = c.id === frame.selectedId;
    ctx.globalAlpha = c.status === "draft" ? 0.55 : 0.9;
    ctx.strokeStyle = colors[c.kind];
    ctx.lineWidth = isSelected ? 3.5 : c.status === "approved" ? 2.5 : 1.75;
    ctx.setLineDash(c.kind === "contradiction" ? [6, 4] : []);
    curve(ctx, frame.width, c.y1, c.y2);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors[c.kind];
    if (c.isIn1) ctx.fillRect(0, c.y1 - 3, 6, 6);
    if (c.isIn2) ctx.fillRect(frame.width - 6, c.y2 - 3, 6, 6);
  }

  ctx.setLineDash([]);
  ctx.font = "600 10px ui-sans-serif, system-ui, sans-serif";
  ctx.textAlign = "center";
  for (const edge of frame.edges) {
    const isTop = edge.corner.endsWith("top");
    const tip = isTop ? edge.y + 2 : edge.y - 2;
    const base = isTop ? edge.y + 10 : edge.y - 10;
    ctx.fillStyle = "#334155";
    ctx.beginPath();
    ctx.moveTo(edge.x - 6, base);
    ctx.lineTo(edge.x, tip);
    ctx.lineTo(edge.x + 6, base);
    ctx.closePath();
    ctx.fill();
    if (edge.count > 1) ctx.fillText(String(edge.count), edge.x, isTop ? base + 11 : base - 3);
  }

  for (const chip of frame.chips) {
    const isLeft = chip.side === "left";
    ctx.strokeStyle = "#64748b";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(chip.x, chip.y);
    ctx.lineTo(isLeft ? chip.x + 12 : chip.x - 12, chip.y);
    ctx.stroke();
    ctx.fillStyle = "#334155";
    ctx.textAlign = isLeft ? "left" : "right";
    ctx.fillText(chip.label, isLeft ? chip.x + 14 : chip.x - 14, chip.y + 3.5);
  }
  ctx.textAlign = "center";
}

export type GutterHit =
  | { type: "connector"; id: string }
  | { type: "edge"; corner: Corner; target: { id: string; end: LinkEnd } }
  | { type: "chip"; id: string; targets: string[] };

/** What a click at (x, y) in canvas coordinates hits: a marker or chip first, else the nearest connector within 6 px. */
export function hitGutter(frame: GutterFrame, x: number, y: number): GutterHit | null {
  for (const edge of frame.edges) {
    if (Math.abs(x - edge.x) <= 10 && Math.abs(y - edge.y) <= 22) return { type: "edge", corner: edge.corner, target: edge.target };
  }
  for (const chip of frame.chips) {
    const isLeft = chip.side === "left";
    const from = isLeft ? chip.x : chip.x - 40;
    if (x >= from && x <= from + 40 && Math.abs(y - chip.y) <= 7) return { type: "chip", id: chip.id, targets: chip.targets };
  }
  let best: { id: string; distance: number } | null = null;
  for (const c of frame.connectors) {
    const bend = frame.width * 0.45;
    for (let step = 0; step <= 24; step++) {
      const t = step / 24;
      const u = 1 - t;
      const px = u * u * u * 3 + 3 * u * u * t * bend + 3 * u * t * t * (frame.width - bend) + t * t * t * (frame.width - 3);
      const py = u * u * u * c.y1 + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y2;
      const distance = Math.hypot(px - x, py - y);
      if (distance <= 6 && (!best || distance < best.distance)) best = { id: c.id, distance };
    }
  }
  return best ? { type: "connector", id: best.id } : null;
}
