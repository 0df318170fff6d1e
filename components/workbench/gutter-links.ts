// What a gutter between two adjacent columns can draw, derived once per data
// change: the links (annotations with a passage on both sides, anchored at
// the first passage on each side) and the "chips" (a passage on one side
// whose annotation links sources that are not on the other side).

import type { AnnotationView } from "@/lib/annotations/views";

export type LinkEnd = { start: number; end: number };

export type GutterLink = {
  id: string;
  kind: AnnotationView["kind"];
  status: AnnotationView["status"];
  left: LinkEnd;
  right: LinkEnd;
};

export type GutterChip = { id: string; side: "left" | "right"; end: LinkEnd; targets: string[] };

export type GutterData = { links: GutterLink[]; chips: GutterChip[] };

export function deriveGutterData(annotations: readonly AnnotationView[], leftId: string, rightId: string): GutterData {
  const links: GutterLink[] = [];
  const chips: GutterChip[] = [];
  for (const annotation of annotations) {
    let left: LinkEnd | undefined;
    let right: LinkEnd | undefined;
    const others: string[] = [];
    for (const span of annotation.spans) {
      if (span.sourceId === leftId) left ??= span;
      else if (span.sourceId === rightId) right ??= span;
      else if (!others.includes(span.sourceId)) others.push(span.sourceId);
    }
    if (left && right) {
      links.push({
        id: annotation.id,
        kind: annotation.kind,
        status: annotation.status,
        left: { start: left.start, end: left.end },
        right: { start: right.start, end: right.end },
      });
    } else if (others.length > 0 && (left || right)) {
      const end = (left ?? right)!;
      chips.push({ id: annotation.id, side: left ? "left" : "right", end: { start: end.start, end: end.end }, targets: others });
    }
  }
  return { links, chips };
}
