import "server-only";

import { applyAnnotationEvent } from "@/lib/annotations/transition";
import { annotationSelect, toAnnotationView, type AnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reviewInputSchema, reviewQueueFilterSchema, type ReviewInput, type ReviewQueueFilter } from "@/lib/reviews/schemas";
import { reviewSelect, toReviewView, type NavCounts, type ReviewView } from "@/lib/reviews/views";
import { parseInput, type UntrustedInput } from "@/lib/validation";

// Review decisions: reviewers and admins only, never on an annotation they
// wrote or edited, always on the version the reviewer saw. Two reviewers
// deciding at once: the row lock lets exactly one through; the other gets 409.

export type ReviewResult = { annotation: AnnotationView; review: ReviewView };

/**
 * Nobody who wrote or edited an annotation may decide on it: not the author,
 * and not an admin or anyone else who edited it before it was submitted.
 */
async function assertNotContributor(tx: Tx, actor: Actor, annotation: { id: string; author: { id: string } }): Promise<void> {
  if (annotation.author.id === actor.id) throw new AppError("forbidden", "You cannot review your own annotation (four-eyes rule).");
  const edit = await tx.auditEvent.findFirst({
    where: {
      entityType: "annotation",
      entityId: annotation.id,
      actorId: actor.id,
      action: { in: ["annotation.create", "annotation.update"] },
    },
    select: { id: true },
  });
  if (edit) throw new AppError("forbidden", "You edited this annotation, so someone else must review it (four-eyes rule).");
}

export async function reviewAnnotation(actor: Actor, id: string, input: ReviewInput | UntrustedInput): Promise<ReviewResult> {
  assertPermission(actor, "annotation.review");
  const data = parseInput(reviewInputSchema, input);
  const comment = data.comment || null;
  if (data.decision !== "approve" && !comment) {
    throw new AppError("unprocessable", "Say what should change: a comment is required unless you approve.", {
      errors: { comment: "A comment is required to request changes or reject." },
    });
  }
  return db.$transaction(async (tx) => {
    let review: ReviewView | null = null;
    const { after } = await applyAnnotationEvent(tx, actor, {
      id,
      event: data.decision,
      version: data.version,
      authorize: (current) => assertNotContributor(tx, actor, current),
      record: async (current) => {
        const row = await tx.review.create({
          data: { annotationId: current.id, reviewerId: actor.id, decision: data.decision, comment, annotationVersion: data.version },
          select: reviewSelect,
        });
        review = toReviewView(row);
        return { decision: data.decision, comment, reviewId: row.id };
      },
    });
    return { annotation: after, review: review! };
  });
}

export type QueueItem = AnnotationView & { comparison: { id: string; title: string } };
export type ReviewQueue = {
  items: QueueItem[];
  /** Counts over the whole queue (before filtering), for the filter controls. */
  counts: { total: number; byKind: Record<string, number>; byComparison: Array<{ id: string; title: string; count: number }> };
};

export async function listReviewQueue(actor: Actor, filter: ReviewQueueFilter = {}): Promise<ReviewQueue> {
  assertPermission(actor, "annotation.review");
  const { comparisonId, kind } = parseInput(reviewQueueFilterSchema, filter);
  const where = { status: "in_review" as const, authorId: { not: actor.id } };
  const [rows, groups] = await Promise.all([
    db.annotation.findMany({
      where: { ...where, comparisonId, kind },
      select: { ...annotationSelect, comparison: { select: { id: true, title: true } } },
      orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 500,
    }),
    db.annotation.groupBy({ by: ["comparisonId", "kind"], where, _count: { _all: true } }),
  ]);
  const comparisons = await db.comparison.findMany({
    where: { id: { in: [...new Set(groups.map((g) => g.comparisonId))] } },
    select: { id: true, title: true },
    orderBy: { title: "asc" },
  });
  const byKind: Record<string, number> = {};
  for (const group of groups) byKind[group.kind] = (byKind[group.kind] ?? 0) + group._count._all;
  return {
    items: rows.map(({ comparison, ...row }) => ({ ...toAnnotationView(row), comparison })),
    counts: {
      total: groups.reduce((sum, g) => sum + g._count._all, 0),
      byKind,
      byComparison: comparisons.map((c) => ({
        ...c,
        count: groups.filter((g) => g.comparisonId === c.id).reduce((sum, g) => sum + g._count._all, 0),
      })),
    },
  };
}

export type ReturnedItem = QueueItem & { latestReview: ReviewView | null };

/** Statuses in which a reviewer's decision sends an annotation back to its author. */
export const returnedStatuses = ["changes_requested", "rejected"] as const;

/** The actor's own annotations sent back or rejected, with the reviewer's reason, newest decision first. */
export async function listReturnedToMe(actor: Actor): Promise<ReturnedItem[]> {
  assertPermission(actor, "annotation.create");
  const rows = await db.annotation.findMany({
    where: { authorId: actor.id, status: { in: [...returnedStatuses] } },
    select: {
      ...annotationSelect,
      comparison: { select: { id: true, title: true } },
      reviews: { select: reviewSelect, orderBy: { createdAt: "desc" }, take: 1 },
    },
    orderBy: { decidedAt: "desc" },
  });
  return rows.map(({ comparison, reviews, ...row }) => ({
    ...toAnnotationView(row),
    comparison,
    latestReview: reviews[0] ? toReviewView(reviews[0]) : null,
  }));
}

export async function getNavCounts(actor: Actor): Promise<NavCounts> {
  const canReview = hasPermission(actor.role, "annotation.review");
  const inReview = { status: "in_review" as const, authorId: { not: actor.id } };
  const returnedWhere = { authorId: actor.id, status: { in: [...returnedStatuses] } };
  const [toReview, assessmentsToReview, returned, assessmentsReturned] = await Promise.all([
    canReview ? db.annotation.count({ where: inReview }) : undefined,
    canReview ? db.assessment.count({ where: inReview }) : 0,
    db.annotation.count({ where: returnedWhere }),
    db.assessment.count({ where: returnedWhere }),
  ]);
  return { toReview: toReview === undefined ? undefined : toReview + assessmentsToReview, returned: returned + assessmentsReturned };
}

/**
 * The item to review after `currentId`, in queue order (within the same
 * filters): the one after it, else the first other one; null when the queue
 * holds nothing else.
 */
export async function findNextInQueue(actor: Actor, currentId: string, filter: ReviewQueueFilter = {}): Promise<string | null> {
  assertPermission(actor, "annotation.review");
  const { comparisonId, kind } = parseInput(reviewQueueFilterSchema, filter);
  const ids = (
    await db.annotation.findMany({
      where: { status: "in_review", authorId: { not: actor.id }, comparisonId, kind },
      select: { id: true },
      orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 500,
    })
  ).map((row) => row.id);
  const index = ids.indexOf(currentId);
  const after = index >= 0 ? ids.slice(index + 1) : ids;
  return after[0] ?? ids.find((id) => id !== currentId) ?? null;
}
