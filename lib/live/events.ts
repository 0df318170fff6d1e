import type { PresenceActivity } from "@/lib/live/presence-activity";

// The events a live stream sends to the browser (Server-Sent Events). Events
// that come from the change feed carry its seq as their SSE id, so a client
// that reconnects with Last-Event-ID gets what it missed. They say which
// record changed; the client fetches the record through the API, where the
// usual access rules apply.

export type AnnotationChanged = { id: string; comparisonId: string; version: number | null; action: string; by: string | null };
export type AnnotationRemoved = { id: string; comparisonId: string };
export type CommentAdded = { id: string; annotationId: string; comparisonId: string };
export type ComparisonChanged = { id: string; action: string };

export type PresenceEntry = {
  user: { id: string; name: string };
  /** What they have open; an annotation the recipient may not see is left out. */
  annotations: Array<{ id: string; activity: Exclude<PresenceActivity, "viewing"> }>;
};

export type LiveEventMap = {
  /** First event of every stream: the connection's id (for presence updates) and which app instance holds it. */
  hello: { connectionId: string; heartbeatSeconds: number; instanceId: string };
  annotation: AnnotationChanged;
  "annotation-removed": AnnotationRemoved;
  comment: CommentAdded;
  comparison: ComparisonChanged;
  presence: { comparisonId: string; people: PresenceEntry[] };
  /** The server lost its database feed (live: false) or has it again. */
  status: { live: boolean };
  /** The server may have missed changes (its database connection came back): refetch. */
  resync: Record<string, never>;
  /** Too much was missed to replay (older than the replay window): refetch. */
  reload: Record<string, never>;
  ping: Record<string, never>;
  /** The account was disabled or signed out: the stream ends. */
  "signed-out": Record<string, never>;
};

export type LiveEventType = keyof LiveEventMap;

export type FeedEvent =
  | { type: "annotation"; data: AnnotationChanged }
  | { type: "annotation-removed"; data: AnnotationRemoved }
  | { type: "comment"; data: CommentAdded }
  | { type: "comparison"; data: ComparisonChanged };

export const liveEventTypes = [
  "hello",
  "annotation",
  "annotation-removed",
  "comment",
  "comparison",
  "presence",
  "status",
  "resync",
  "reload",
  "ping",
  "signed-out",
] as const satisfies readonly LiveEventType[];
