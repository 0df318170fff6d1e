import { annotationKinds, type AnnotationKind } from "@/lib/annotations/schemas";
import { reviewDecisions, type ReviewDecision } from "@/lib/annotations/state";

// The review queue's filters travel with the reviewer from the list to each
// item and on to the next one, so "next" stays within what they chose.

export type QueueFilter = { comparisonId?: string; kind?: AnnotationKind };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export function queueFilterFrom(query: Record<string, string | string[] | undefined>): QueueFilter {
  const comparisonId = one(query.comparison);
  const kind = one(query.kind);
  return {
    comparisonId: comparisonId && uuid.test(comparisonId) ? comparisonId : undefined,
    kind: annotationKinds.find((k) => k === kind),
  };
}

function queryOf(filter: QueueFilter): string {
  const params = new URLSearchParams();
  if (filter.comparisonId) params.set("comparison", filter.comparisonId);
  if (filter.kind) params.set("kind", filter.kind);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function reviewItemHref(annotationId: string, filter: QueueFilter = {}): string {
  return `/review/${annotationId}${queryOf(filter)}`;
}

export function reviewQueueHref(filter: QueueFilter = {}): string {
  return `/review${queryOf(filter)}`;
}

/** The decision just made, from the `done` parameter the review panel adds after deciding. */
export function decisionFrom(value: string | string[] | undefined): ReviewDecision | null {
  const text = Array.isArray(value) ? value[0] : value;
  return reviewDecisions.find((decision) => decision === text) ?? null;
}
