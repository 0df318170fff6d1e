import type { AnnotationKind } from "@/lib/annotations/schemas";

// Near duplicates: an annotation of the same kind over the same sources whose
// passages nearly coincide with the new one's (in every source, the two
// passages overlap by at least DUPLICATE_OVERLAP of their combined extent).
// The composer warns and offers to open the existing one; nothing is refused.

export const DUPLICATE_OVERLAP = 0.6;

type SpanLike = { sourceId: string; start: number; end: number };
type Candidate = { kind: AnnotationKind; spans: readonly SpanLike[] };

function overlapRatio(a: SpanLike, b: SpanLike): number {
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (common <= 0) return 0;
  return common / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

export function isNearDuplicate(candidate: Candidate, existing: Candidate): boolean {
  if (candidate.kind !== existing.kind || candidate.spans.length === 0) return false;
  const sources = new Set(candidate.spans.map((s) => s.sourceId));
  const existingSources = new Set(existing.spans.map((s) => s.sourceId));
  if (sources.size !== existingSources.size || [...sources].some((id) => !existingSources.has(id))) return false;
  return candidate.spans.every((span) =>
    existing.spans.some((other) => other.sourceId === span.sourceId && overlapRatio(span, other) >= DUPLICATE_OVERLAP),
  );
}

/** The annotations that `candidate` nearly duplicates (at most `limit`), skipping `exceptId` (the one being edited). */
export function findNearDuplicates<T extends Candidate & { id: string }>(
  candidate: Candidate,
  annotations: readonly T[],
  exceptId?: string | null,
  limit = 3,
): T[] {
  const found: T[] = [];
  for (const annotation of annotations) {
    if (annotation.id !== exceptId && isNearDuplicate(candidate, annotation)) found.push(annotation);
    if (found.length >= limit) break;
  }
  return found;
}
