// Geometry of the connector gutter, apart from React so it can be measured on
// its own (bench/workbench.bench.ts). One connector per annotation that links
// both sources, anchored at the first span on each side.

import { paragraphIndexAt } from "@/lib/anchoring/paragraphs";
import type { AnnotationView } from "@/lib/annotations/views";

import { rangeFromOffsets, type TextIndex } from "./text-dom";

export type Connector = { id: string; kind: AnnotationView["kind"]; status: AnnotationView["status"]; y1: number; y2: number };

export type ConnectorInputs = {
  annotations: readonly AnnotationView[];
  leftSourceId: string;
  rightSourceId: string;
  leftIndex: TextIndex | undefined;
  rightIndex: TextIndex | undefined;
  /** The gutter's box in viewport coordinates. */
  box: { top: number; height: number };
};

type Box = ConnectorInputs["box"];

/**
 * Vertical centre of a span relative to the gutter. Spans in paragraphs near
 * the visible area are measured exactly (one range each); the rest are placed
 * by interpolating within their paragraph's box, which is all a line running
 * off the edge of the gutter needs — measuring thousands of ranges costs a
 * frame or more.
 */
function makeLocator(index: TextIndex | undefined, box: Box): (start: number, end: number) => number | null {
  if (!index || index.paragraphs.length === 0) return () => null;
  const rects = new Map<number, DOMRect>();
  const rectOf = (i: number) => {
    let rect = rects.get(i);
    if (!rect) rects.set(i, (rect = (index.nodes[i]?.parentElement ?? index.root).getBoundingClientRect()));
    return rect;
  };
  return (start, end) => {
    const i = paragraphIndexAt(index.paragraphs, start);
    const paragraph = index.paragraphs[i]!;
    const rect = rectOf(i);
    if (rect.bottom < box.top || rect.top > box.top + box.height) {
      const fraction = (start - paragraph.start) / Math.max(1, paragraph.end - paragraph.start);
      return rect.top + fraction * rect.height - box.top;
    }
    const line = rangeFromOffsets(index, start, end)?.getClientRects()[0];
    return line ? line.top + line.height / 2 - box.top : null;
  };
}

export function layoutConnectors({ annotations, leftSourceId, rightSourceId, leftIndex, rightIndex, box }: ConnectorInputs): Connector[] {
  const connectors: Connector[] = [];
  const leftY = makeLocator(leftIndex, box);
  const rightY = makeLocator(rightIndex, box);
  for (const annotation of annotations) {
    const left = annotation.spans.find((s) => s.sourceId === leftSourceId);
    const right = annotation.spans.find((s) => s.sourceId === rightSourceId);
    if (!left || !right) continue;
    const y1 = leftY(left.start, left.end);
    const y2 = rightY(right.start, right.end);
    if (y1 === null || y2 === null) continue;
    // Lines wholly above or below the visible gutter are not drawn.
    if ((y1 < 0 && y2 < 0) || (y1 > box.height && y2 > box.height)) continue;
    connectors.push({ id: annotation.id, kind: annotation.kind, status: annotation.status, y1, y2 });
  }
  return connectors;
}

/** The cubic curve from the left edge at y1 to the right edge at y2. */
export function connectorPath(connector: Pick<Connector, "y1" | "y2">, width: number): string {
  const bend = width * 0.45;
  return `M 2 ${connector.y1} C ${bend} ${connector.y1}, ${width - bend} ${connector.y2}, ${width - 2} ${connector.y2}`;
}
