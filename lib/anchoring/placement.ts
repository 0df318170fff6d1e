// Where each annotation's spans sit in the text on screen. Spans are stored
// with offsets and a quote; before painting they are re-anchored against the
// displayed text (lib/anchoring), so a span whose text is no longer there is
// reported as orphaned instead of highlighting whatever now sits at its offsets.

import { holdsAt } from "@/lib/anchoring/anchor";
import { anchorAll } from "@/lib/anchoring/anchor-all";
import type { Selector } from "@/lib/anchoring/quote";
import type { AnnotationView } from "@/lib/annotations/views";

export type Placement = {
  /** The annotations with every span moved to where it anchors now; orphaned spans left out. */
  placed: AnnotationView[];
  /** Ids of the spans that could not be found, by annotation id. */
  orphans: Map<string, Set<string>>;
};

type SpanRef = { annotation: number; span: number };

export function placeAnnotations(annotations: readonly AnnotationView[], texts: ReadonlyMap<string, string>): Placement {
  const bySource = new Map<string, { refs: SpanRef[]; selectors: Selector[] }>();
  annotations.forEach((annotation, a) =>
    annotation.spans.forEach((span, s) => {
      // The common case (the text has not changed) costs one comparison, not a trip through anchorAll.
      const text = texts.get(span.sourceId);
      if (text !== undefined && holdsAt(text, span, span.start)) return;
      const group = bySource.get(span.sourceId) ?? { refs: [], selectors: [] };
      group.refs.push({ annotation: a, span: s });
      group.selectors.push(span);
      bySource.set(span.sourceId, group);
    }),
  );

  type PlacedSpan = AnnotationView["spans"][number];
  const anchored: Array<Array<PlacedSpan | null>> = annotations.map((annotation) => [...annotation.spans]);
  const orphans = new Map<string, Set<string>>();
  for (const [sourceId, { refs, selectors }] of bySource) {
    const text = texts.get(sourceId);
    const results = text === undefined ? null : anchorAll(text, selectors);
    refs.forEach((ref, i) => {
      const result = results?.[i];
      const span = annotations[ref.annotation]!.spans[ref.span]!;
      if (result && result.status !== "orphaned") {
        const hasShifted = result.start !== span.start || result.end !== span.end;
        if (hasShifted) anchored[ref.annotation]![ref.span] = { ...span, start: result.start, end: result.end };
        return;
      }
      anchored[ref.annotation]![ref.span] = null;
      const id = annotations[ref.annotation]!.id;
      orphans.set(id, (orphans.get(id) ?? new Set()).add(span.id));
    });
  }

  // Unchanged annotations keep their identity, so memoised consumers do not redo work.
  const placed = annotations.map((annotation, a) => {
    const spans = anchored[a]!;
    const isUnchanged = spans.every((span, s) => span === annotation.spans[s]);
    return isUnchanged ? annotation : { ...annotation, spans: spans.filter((span): span is PlacedSpan => span !== null) };
  });
  return { placed, orphans };
}
