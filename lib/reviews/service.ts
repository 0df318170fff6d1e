import "server-only";

import { nextStatus } from "@/lib/annotations/state";
import { annotationSelect, toAnnotationView, type AnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reviewInputSchema, reviewQueueFilterSchema, type ReviewInput, type ReviewQueueFilter } from "@/lib/reviews/schemas";
import { reviewSelect, toReviewView, type NavCounts, type ReviewView } from "@/lib/reviews/views";
import { assertId, parseInput } from "@/lib/validation";

// Review decisions (SPEC §1, §2): reviewers and admins only, never on their
// own annotation, always on the version the reviewer saw. Two reviewers
// deciding at once: the conditional update lets exactly one through.

export type ReviewResult = { annotation: AnnotationView; review: ReviewView };

async function loadAnnotation(tx: Tx, id: string) {
  const annotation = await tx.annotation.findUnique({ where: { id: assertId(id, "annotation") }, select: annotationSelect });
  if (!annotation) throw new AppError("not_found", "No annotation with this id.");
  return annotation;
}

function conflict(message: string, current: AnnotationView): AppError {
  return new AppError("conflict", message, { extra: { current } });
}

export async function reviewAnnotation(actor: Actor, id: string, input: ReviewInput): Promise<ReviewResult> {
  assertPermission(actor, "annotation.review");
  const data = parseInput(reviewInputSchema, input);
  const comment = data.comment || null;
  if (data.decision !== "approve" && !comment) {
    throw new AppError("unprocessable", "Say what should change: a comment is required unless you approve.", {
      errors: { comment: "A comment is required to request changes or reject." },
    });
  }
  return db.$transaction(async (tx) => {
    const current = await loadAnnotation(tx, id);
    if (current.author.id === actor.id) throw new AppError("forbidden", "You cannot review your own annotation (four-eyes rule).");
    const view = toAnnotationView(current);
    if (current.version !== data.version) {
      throw conflict(`This annotation changed since you opened it (you saw version ${data.version}, it is now ${current.version}).`, view);
    }
    const status = nextStatus(current.status, data.decision);
    if (!status) throw conflict(`This annotation is ${current.status.replace("_", " ")}, not in review.`, view);

    const decidedAt = new Date();
    const { count } = await tx.annotation.updateMany({
      where: { id: current.id, version: data.version, status: "in_review" },
      data: { status, decidedAt, version: { increment: 1 } },
    });
    if (count === 0) {
      throw conflict("Someone else decided on this annotation a moment ago.", toAnnotationView(await loadAnnotation(tx, id)));
    }
    const review = await tx.review.create({
      data: { annotationId: current.id, reviewerId: actor.id, decision: data.decision, comment, annotationVersion: data.version },
      select: reviewSelect,
    });
    const annotation = toAnnotationView(await loadAnnotation(tx, id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: `annotation.${data.decision}`,
      entityType: "annotation",
      entityId: current.id,
      comparisonId: current.comparisonId,
      before: { status: current.status, version: current.version },
      after: { status, version: annotation.version, decision: data.decision, comment, reviewId: review.id },
    });
    return { annotation, review: toReviewView(review) };
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

/** The actor's own annotations sent back with "request changes", newest decision first. */
export async function listReturnedToMe(actor: Actor): Promise<ReturnedItem[]> {
  assertPermission(actor, "annotation.create");
  const rows = await db.annotation.findMany({
    where: { authorId: actor.id, status: "changes_requested" },
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
  const [toReview, returned] = await Promise.all([
    canReview ? db.annotation.count({ where: { status: "in_review", authorId: { not: actor.id } } }) : undefined,
    db.annotation.count({ where: { status: "changes_requested", authorId: actor.id } }),
  ]);
  return { toReview, returned };
}
