// Where an annotation's passages lie in the text being shown. A span's
// selector belongs to the version it was made on; its anchor to the latest
// version. The workbench paints the latest version by default (anchored
// places; orphaned passages are listed, never painted) and an older version
// with the spans made on it. Pure: the UI and the services share it.
import { placeAnnotations, type Placement } from "@/lib/anchoring/placement";
import { describeSpan } from "@/lib/anchoring/quote";
import type { AnnotationView, SpanView } from "@/lib/annotations/views";
import { AppError } from "@/lib/errors";

/** Which version of a source is on screen: its number, or null for the latest. */
export type ShownVersions = ReadonlyMap<string, number | null>;

/** A span as painted on the shown text: offsets and wording there. */
export type PlacedSpan = SpanView & { start: number; end: number; exact: string };

/** The span's offsets on the shown version, or null when it has no place there. */
export function placeSpan(span: SpanView, shownNumber: number | null): PlacedSpan | null {
  if (shownNumber === null) {
    // Made on the latest version and still there: the selector is the place.
    if (span.anchor.status === "unchanged" && span.version.id === span.anchor.intactVersion.id) return span;
    const { start, end, exact } = span.anchor;
    return start === null || end === null || exact === null ? null : { ...span, start, end, exact };
  }
  return span.version.number === shownNumber ? span : null;
}

/**
 * What the workbench paints: each span at its place on the shown version of
 * its source (context re-described from the shown text), spans without a
 * place reported as orphans. The client-side check of lib/anchoring/placement
 * then runs on the result, so a text that is not what the server anchored on
 * still never gets a highlight in the wrong place.
 */
export function placeOnVersions(
  annotations: readonly AnnotationView[],
  texts: ReadonlyMap<string, string>,
  shown: ShownVersions = new Map(),
): Placement {
  const unplaced = new Map<string, Set<string>>();
  const onVersion = annotations.map((annotation) => {
    let isSame = true;
    const spans = annotation.spans.flatMap((span) => {
      const placed = placeSpan(span, shown.get(span.sourceId) ?? null);
      if (placed !== span) isSame = false;
      if (!placed) {
        unplaced.set(annotation.id, (unplaced.get(annotation.id) ?? new Set()).add(span.id));
        return [];
      }
      const text = texts.get(span.sourceId);
      const isDescribed = placed === span || text === undefined || text.slice(placed.start, placed.end) !== placed.exact;
      return [isDescribed ? placed : { ...placed, ...describeSpan(text, placed.start, placed.end) }];
    });
    return isSame ? annotation : { ...annotation, spans };
  });
  const { placed, orphans } = placeAnnotations(onVersion, texts);
  for (const [id, spanIds] of unplaced) orphans.set(id, new Set([...(orphans.get(id) ?? []), ...spanIds]));
  return { placed, orphans };
}

type StoredSpan = {
  sourceId: string;
  anchorStatus: string;
  anchorStart: number | null;
  anchorEnd: number | null;
  anchorExact: string | null;
};

/** The spans as they stand in the latest texts, for an edit that keeps them: an orphaned one must be re-selected first. */
export function latestSpanInputs(spans: readonly StoredSpan[]): Array<{ sourceId: string; start: number; end: number; exact: string }> {
  return spans.map((span, index) => {
    if (span.anchorStart === null || span.anchorEnd === null || span.anchorExact === null) {
      throw new AppError("unprocessable", `spans.${index}: This passage is no longer in the source's latest version; re-select it first.`, {
        errors: { [`spans.${index}`]: "Orphaned by a new version: re-select it first." },
      });
    }
    return { sourceId: span.sourceId, start: span.anchorStart, end: span.anchorEnd, exact: span.anchorExact };
  });
}

/** Versions older than the latest that findings on this source were made on, newest first. */
export function olderVersionsUsed(annotations: readonly AnnotationView[], sourceId: string, latestNumber: number): number[] {
  const numbers = new Set<number>();
  for (const annotation of annotations)
    for (const span of annotation.spans)
      if (span.sourceId === sourceId && span.version.number < latestNumber) numbers.add(span.version.number);
  return [...numbers].sort((a, b) => b - a);
}

/** `?version=<sourceId>:<number>` entries: which older versions the workbench shows. */
export function parseShownVersions(values: string | string[] | undefined): Map<string, number> {
  const shown = new Map<string, number>();
  for (const value of [values ?? []].flat()) {
    const [sourceId, number] = value.split(":");
    if (sourceId && number && /^\d{1,7}$/.test(number)) shown.set(sourceId.toLowerCase(), Number(number));
  }
  return shown;
}
