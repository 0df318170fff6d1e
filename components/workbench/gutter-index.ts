// Positions of a gutter's link ends sorted by height, per layout: each frame
// then finds the few links near the view with two binary searches instead of
// visiting all of them (5,000 links cost what the ~100 near the view cost).

import type { ColumnGeometry } from "./column-geometry";
import type { GutterData } from "./gutter-links";

type Sorted = { ys: Float64Array; order: Uint32Array };

export type GutterIndex = { key: string; left: Sorted; right: Sorted; chips: Sorted };

function sortBy(ys: Float64Array): Sorted {
  const order = Uint32Array.from(ys.keys());
  order.sort((a, b) => ys[a]! - ys[b]!);
  return { ys, order };
}

export function buildGutterIndex(data: GutterData, left: ColumnGeometry, right: ColumnGeometry, key: string): GutterIndex {
  left.measure();
  right.measure();
  const leftYs = new Float64Array(data.links.length);
  const rightYs = new Float64Array(data.links.length);
  data.links.forEach((link, i) => {
    leftYs[i] = left.yOf(link.left.start, link.left.end);
    rightYs[i] = right.yOf(link.right.start, link.right.end);
  });
  const chipYs = new Float64Array(data.chips.length);
  data.chips.forEach((chip, i) => {
    chipYs[i] = (chip.side === "left" ? left : right).yOf(chip.end.start, chip.end.end);
  });
  return { key, left: sortBy(leftYs), right: sortBy(rightYs), chips: sortBy(chipYs) };
}

/** Indices whose position lies in [from, to]. */
export function indicesBetween({ ys, order }: Sorted, from: number, to: number): number[] {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ys[order[mid]!]! < from) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < order.length && ys[order[i]!]! <= to; i++) found.push(order[i]!);
  return found;
}

/** The key that changes whenever positions must be computed again. */
export function gutterIndexKey(dataKey: string, left: ColumnGeometry, right: ColumnGeometry): string {
  left.measure();
  right.measure();
  return `${dataKey}|${left.version}|${right.version}`;
}
