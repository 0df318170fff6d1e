import { canSeeAnnotation, type AnnotationActor } from "@/lib/annotations/access";
import type { AnnotationStatus } from "@/lib/annotations/schemas";
import { hasPermission } from "@/lib/auth/permissions";
import type { FeedEvent } from "@/lib/live/events";
import type { ChangeNotice, FeedFacts } from "@/lib/live/notice";

// Who hears of which change, as one pure function of the notice, the
// recipient and what their stream follows. The rules are the ones the API
// applies (lib/annotations/access.ts): someone else's draft is never
// mentioned, except to admins; an annotation that stops being visible to a
// recipient (withdrawn, edited back to draft, deleted) is announced as removed
// only to those who could see it before.

/** A stream follows the review queue and nav counts, plus one comparison when it has an id. */
export type StreamScope = { comparisonId: string | null };

export type RoutingContext = {
  /** For source changes: the comparisons each changed source belongs to. */
  sourceComparisons?: ReadonlyMap<string, ReadonlySet<string>>;
};

function sees(recipient: AnnotationActor, feed: FeedFacts, status: AnnotationStatus | null): boolean {
  return status !== null && canSeeAnnotation(recipient, { status, author: { id: feed.authorId } });
}

/** Changes elsewhere matter to the review queue (reviewers) and to "Returned to me" (the author). */
function mattersToQueue(recipient: AnnotationActor, feed: FeedFacts): boolean {
  return feed.authorId === recipient.id || hasPermission(recipient.role, "annotation.review");
}

function annotationEvent(notice: ChangeNotice, recipient: AnnotationActor, scope: StreamScope): FeedEvent | null {
  const feed = notice.feed;
  if (!feed || !notice.comparisonId) return null;
  if (notice.comparisonId !== scope.comparisonId && !mattersToQueue(recipient, feed)) return null;
  if (sees(recipient, feed, feed.status)) {
    return {
      type: "annotation",
      data: { id: feed.annotationId, comparisonId: notice.comparisonId, version: feed.version, action: notice.action, by: notice.actorId },
    };
  }
  if (sees(recipient, feed, feed.previousStatus)) {
    return { type: "annotation-removed", data: { id: feed.annotationId, comparisonId: notice.comparisonId } };
  }
  return null;
}

export function feedEventFor(
  notice: ChangeNotice,
  recipient: AnnotationActor,
  scope: StreamScope,
  context: RoutingContext = {},
): FeedEvent | null {
  switch (notice.entityType) {
    case "annotation":
      return annotationEvent(notice, recipient, scope);
    case "comment": {
      const feed = notice.feed;
      if (!feed || !notice.comparisonId || notice.comparisonId !== scope.comparisonId || !sees(recipient, feed, feed.status)) return null;
      return { type: "comment", data: { id: notice.entityId, annotationId: feed.annotationId, comparisonId: notice.comparisonId } };
    }
    case "comparison":
      return scope.comparisonId && notice.entityId === scope.comparisonId
        ? { type: "comparison", data: { id: scope.comparisonId, action: notice.action } }
        : null;
    case "source":
      return scope.comparisonId && context.sourceComparisons?.get(notice.entityId)?.has(scope.comparisonId)
        ? { type: "comparison", data: { id: scope.comparisonId, action: notice.action } }
        : null;
    case "user":
      // Nothing to show; access changes (disabled, role, revoked sessions) are re-read at every event.
      return null;
    default:
      // Anything else that belongs to a comparison (suggestions accepted or dismissed, sign-offs, source
      // checks) changes what its viewers see: they refetch what they show of it.
      return scope.comparisonId && notice.comparisonId === scope.comparisonId
        ? { type: "comparison", data: { id: scope.comparisonId, action: notice.action } }
        : null;
  }
}
