// Draws one gutter frame into its <svg> without React: only the connectors
// with at least one end in view are drawn, each clipped to the text areas of
// its two columns; an end scrolled out of view stops at the text area's edge,
// where one edge marker per corner counts them (a click there scrolls to the
// nearest). Elements are keyed and reused between frames, so a scroll frame
// changes a few attributes instead of rebuilding the drawing.

import type { ColumnGeometry, ColumnView } from "./column-geometry";
import { indicesBetween, type GutterIndex } from "./gutter-index";
import type { GutterData, LinkEnd } from "./gutter-links";

export type GutterSide = { geometry: ColumnGeometry; view: ColumnView };

export type GutterFrame = {
  data: GutterData;
  index: GutterIndex;
  left: GutterSide;
  right: GutterSide;
  /** The svg's box in viewport coordinates. */
  box: { top: number; width: number };
  selectedId: string | null;
  labelOf: (sourceId: string) => string;
};

/** Nearest off-screen passage per corner, for the edge markers' click. */
export type EdgeTargets = Record<Corner, { id: string; end: LinkEnd } | null>;
type Corner = "left-top" | "left-bottom" | "right-top" | "right-bottom";

const SVG = "http://www.w3.org/2000/svg";
const colors = { agreement: "#0f7b46", contradiction: "#c5221f", note: "#1a5fb4" } as const;

type Item = { key: string; tag: "g"; build: (g: SVGGElement) => void; attrs: Record<string, string> };

const registry = new WeakMap<SVGSVGElement, Map<string, SVGGElement>>();

function child<K extends keyof SVGElementTagNameMap>(g: SVGGElement, index: number, tag: K): SVGElementTagNameMap[K] {
  let element = g.children[index] as SVGElementTagNameMap[K] | undefined;
  if (!element) element = g.appendChild(document.createElementNS(SVG, tag));
  return element;
}

function set(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Content pixels around the view in which span positions are measured exactly (interpolation is off by less than a paragraph). */
function marginOf(side: GutterSide): number {
  return side.geometry.maxParagraphHeight + 8;
}

function endAt(side: GutterSide, end: LinkEnd, boxTop: number): { y: number; content: number; where: "in" | "top" | "bottom" } {
  const { view, geometry } = side;
  const margin = marginOf(side);
  const content = geometry.yOf(end.start, end.end, { top: view.top - margin, bottom: view.bottom + margin });
  if (content < view.top) return { y: view.clipTop - boxTop, content, where: "top" };
  if (content > view.bottom) return { y: view.clipBottom - boxTop, content, where: "bottom" };
  return { y: content + view.toViewport - boxTop, content, where: "in" };
}

export function drawGutter(svg: SVGSVGElement, frame: GutterFrame): { drawn: number; edges: EdgeTargets } {
  const { data, index, left, right, box, selectedId } = frame;
  const width = box.width;
  const items: Item[] = [];
  const edges: EdgeTargets = { "left-top": null, "left-bottom": null, "right-top": null, "right-bottom": null };
  const counts: Record<Corner, number> = { "left-top": 0, "left-bottom": 0, "right-top": 0, "right-bottom": 0 };
  const best: Record<Corner, number> = { "left-top": -Infinity, "left-bottom": Infinity, "right-top": -Infinity, "right-bottom": Infinity };
  const nearest = (corner: Corner, id: string, end: LinkEnd, y: number) => {
    counts[corner]++;
    const isCloser = corner.endsWith("top") ? y > best[corner] : y < best[corner];
    if (!isCloser) return;
    best[corner] = y;
    edges[corner] = { id, end };
  };

  const near = new Set([
    ...indicesBetween(index.left, left.view.top - marginOf(left), left.view.bottom + marginOf(left)),
    ...indicesBetween(index.right, right.view.top - marginOf(right), right.view.bottom + marginOf(right)),
  ]);
  let drawn = 0;
  for (const i of [...near].sort((a, b) => a - b)) {
    const link = data.links[i]!;
    const a = endAt(left, link.left, box.top);
    const b = endAt(right, link.right, box.top);
    if (a.where !== "in" && b.where !== "in") continue;
    if (a.where !== "in") nearest(`left-${a.where}`, link.id, link.left, a.content);
    if (b.where !== "in") nearest(`right-${b.where}`, link.id, link.right, b.content);
    drawn++;
    const isSelected = link.id === selectedId;
    const bend = width * 0.45;
    items.push({
      key: `c:${link.id}`,
      tag: "g",
      attrs: { "data-connector": link.id, "data-kind": link.kind, "data-status": link.status, class: "cursor-pointer" },
      build: (g) => {
        const path = child(g, 0, "path");
        set(
          path,
          "d",
          `M 3 ${a.y.toFixed(1)} C ${bend} ${a.y.toFixed(1)}, ${width - bend} ${b.y.toFixed(1)}, ${width - 3} ${b.y.toFixed(1)}`,
        );
        set(path, "fill", "none");
        set(path, "stroke", colors[link.kind]);
        set(path, "stroke-width", isSelected ? "3.5" : link.status === "approved" ? "2.5" : "1.75");
        set(path, "stroke-dasharray", link.kind === "contradiction" ? "6 4" : "none");
        set(path, "stroke-opacity", link.status === "draft" ? "0.55" : "0.9");
        const dotA = child(g, 1, "circle");
        set(dotA, "cx", "3");
        set(dotA, "cy", a.y.toFixed(1));
        set(dotA, "r", a.where === "in" ? "3" : "0");
        set(dotA, "fill", colors[link.kind]);
        const dotB = child(g, 2, "circle");
        set(dotB, "cx", String(width - 3));
        set(dotB, "cy", b.y.toFixed(1));
        set(dotB, "r", b.where === "in" ? "3" : "0");
        set(dotB, "fill", colors[link.kind]);
      },
    });
  }

  for (const corner of Object.keys(counts) as Corner[]) {
    const count = counts[corner];
    if (count === 0) continue;
    const isLeft = corner.startsWith("left");
    const isTop = corner.endsWith("top");
    const view = (isLeft ? left : right).view;
    const y = (isTop ? view.clipTop : view.clipBottom) - box.top;
    const x = isLeft ? 12 : width - 12;
    const tip = isTop ? y + 2 : y - 2;
    const base = isTop ? y + 10 : y - 10;
    items.push({
      key: `e:${corner}`,
      tag: "g",
      attrs: { "data-edge": corner, "data-count": String(count), class: "cursor-pointer" },
      build: (g) => {
        const arrow = child(g, 0, "path");
        set(arrow, "d", `M ${x - 6} ${base} L ${x} ${tip} L ${x + 6} ${base} Z`);
        set(arrow, "fill", "#334155");
        const text = child(g, 1, "text");
        set(text, "x", String(x));
        set(text, "y", String(isTop ? base + 11 : base - 3));
        set(text, "text-anchor", "middle");
        set(text, "font-size", "10");
        set(text, "fill", "#1e293b");
        const label = count > 1 ? String(count) : "";
        if (text.textContent !== label) text.textContent = label;
      },
    });
  }

  const chipMargin = Math.max(marginOf(left), marginOf(right));
  const chipRange = [
    Math.min(left.view.top, right.view.top) - chipMargin,
    Math.max(left.view.bottom, right.view.bottom) + chipMargin,
  ] as const;
  for (const i of indicesBetween(index.chips, ...chipRange)) {
    const chip = data.chips[i]!;
    const side = chip.side === "left" ? left : right;
    const at = endAt(side, chip.end, box.top);
    if (at.where !== "in") continue;
    const label = chip.targets.map(frame.labelOf).join(" ");
    const x = chip.side === "left" ? 4 : width - 4;
    items.push({
      key: `h:${chip.id}`,
      tag: "g",
      attrs: { "data-chip": chip.id, "data-targets": chip.targets.join(" "), class: "cursor-pointer" },
      build: (g) => {
        const line = child(g, 0, "path");
        set(line, "d", `M ${x} ${at.y.toFixed(1)} H ${chip.side === "left" ? x + 12 : x - 12}`);
        set(line, "stroke", "#64748b");
        set(line, "stroke-width", "1.5");
        const text = child(g, 1, "text");
        set(text, "x", String(chip.side === "left" ? x + 14 : x - 14));
        set(text, "y", (at.y + 3.5).toFixed(1));
        set(text, "text-anchor", chip.side === "left" ? "start" : "end");
        set(text, "font-size", "10");
        set(text, "font-weight", "600");
        set(text, "fill", "#334155");
        const value = `→${label}`;
        if (text.textContent !== value) text.textContent = value;
      },
    });
  }

  reconcile(svg, items);
  set(svg, "data-connectors", String(drawn));
  return { drawn, edges };
}

function reconcile(svg: SVGSVGElement, items: Item[]): void {
  let elements = registry.get(svg);
  if (!elements) registry.set(svg, (elements = new Map()));
  const wanted = new Set<string>();
  for (const item of items) {
    wanted.add(item.key);
    let g = elements.get(item.key);
    if (!g) {
      g = document.createElementNS(SVG, "g");
      elements.set(item.key, g);
      svg.appendChild(g);
    }
    for (const [name, value] of Object.entries(item.attrs)) set(g, name, value);
    item.build(g);
  }
  for (const [key, g] of elements) {
    if (wanted.has(key)) continue;
    g.remove();
    elements.delete(key);
  }
}

/** Removes everything drawn (column layout changed). */
export function clearGutter(svg: SVGSVGElement): void {
  registry.get(svg)?.forEach((g) => g.remove());
  registry.delete(svg);
}
