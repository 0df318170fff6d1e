import type { AnnotationStatus } from "@/lib/annotations/schemas";

// What the change feed publishes for each audit row, and nothing more: ids,
// action, version and status. A trigger on "AuditEvent" (migration
// 20261202031500_live_feed_presence) sends it with pg_notify, so it reaches
// listeners only when the transaction commits. Recipients are told which record
// changed and fetch what they may see through the API.

export const CHANGES_CHANNEL = "parallax_changes";
export const PRESENCE_CHANNEL = "parallax_presence";

/** Stored in AuditEvent.feed: the facts needed to decide who may hear of the change. */
export type FeedFacts = {
  annotationId: string;
  authorId: string;
  /** The annotation's status after the change; null once it is deleted. */
  status: AnnotationStatus | null;
  /** Its status before the change; null when it was just created. */
  previousStatus: AnnotationStatus | null;
  version: number | null;
};

export type ChangeNotice = {
  seq: number;
  action: string;
  entityType: string;
  entityId: string;
  comparisonId: string | null;
  actorId: string | null;
  feed: FeedFacts | null;
};

type AnnotationFacts = { id: string; author: { id: string }; version?: number };

/** The feed facts of a change to an annotation (or to its comment thread). */
export function annotationFeed(
  annotation: AnnotationFacts,
  status: AnnotationStatus | null,
  previousStatus: AnnotationStatus | null,
  version: number | null = annotation.version ?? null,
): FeedFacts {
  return { annotationId: annotation.id, authorId: annotation.author.id, status, previousStatus, version };
}

/**
 * A NOTIFY payload as the listener receives it. A payload with only a seq
 * (the trigger's fallback past 8000 bytes) is returned as such; the listener
 * then reads the row. Anything unreadable is null.
 */
export function parseNotice(payload: string): ChangeNotice | { seq: number } | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const record = value as Record<string, unknown>;
  if (typeof record.seq !== "number" || !Number.isSafeInteger(record.seq)) return null;
  if (typeof record.action !== "string") return { seq: record.seq };
  return {
    seq: record.seq,
    action: record.action,
    entityType: String(record.entityType),
    entityId: String(record.entityId),
    comparisonId: typeof record.comparisonId === "string" ? record.comparisonId : null,
    actorId: typeof record.actorId === "string" ? record.actorId : null,
    feed: isFeedFacts(record.feed) ? record.feed : null,
  };
}

function isFeedFacts(value: unknown): value is FeedFacts {
  if (!value || typeof value !== "object") return false;
  const facts = value as Record<string, unknown>;
  return typeof facts.annotationId === "string" && typeof facts.authorId === "string";
}
