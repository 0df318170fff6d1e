import "server-only";

import { loadAnnotation } from "@/lib/annotations/records";
import { toAnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { diffSnapshots, type FieldChange } from "@/lib/history/diff";
import { reviewSelect, toReviewView, type ReviewView } from "@/lib/reviews/views";

// For a reviewer looking at an annotation that came back to review: what the
// previous reviewer asked for, and what the author changed since that
// decision (the annotation as it was reviewed, from the audit trail, against
// the annotation now).

export type Resubmission = {
  earlier: ReviewView;
  /** Field by field; null when the reviewed version cannot be rebuilt from the audit trail. */
  changes: FieldChange[] | null;
};

/** Full annotation views are written by create and update events (older seeds wrote only status and version). */
function isFullSnapshot(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && "rationale" in value && "spans" in value;
}

export async function getResubmission(actor: Actor, annotationId: string): Promise<Resubmission | null> {
  assertPermission(actor, "comparison.read");
  const annotation = await loadAnnotation(db, actor, annotationId);
  const latest = await db.review.findFirst({
    where: { annotationId: annotation.id },
    select: reviewSelect,
    orderBy: { createdAt: "desc" },
  });
  if (!latest || latest.decision === "approve" || annotation.version <= latest.annotationVersion + 1) return null;
  const reviewed = await db.auditEvent.findFirst({
    where: {
      entityType: "annotation",
      entityId: annotation.id,
      action: { in: ["annotation.create", "annotation.update"] },
      createdAt: { lte: latest.createdAt },
    },
    select: { after: true },
    orderBy: { createdAt: "desc" },
  });
  const changes = isFullSnapshot(reviewed?.after)
    ? diffSnapshots(reviewed.after, toAnnotationView(annotation)).filter((change) => change.field !== "status")
    : null;
  return { earlier: toReviewView(latest), changes };
}
