import "server-only";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { loadAnnotation } from "@/lib/annotations/records";
import { toAnnotationView, type AnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { commentSelect, toCommentView, type CommentView } from "@/lib/comments/views";
import { positionLetter } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { excerptAround, isNear, type Excerpt } from "@/lib/history/context";
import { diffSnapshots, versionOf, type FieldChange } from "@/lib/history/diff";
import { reviewSelect, toReviewView, type ReviewView } from "@/lib/reviews/views";

// Everything that happened to one annotation (SPEC §4 history), and the
// annotation shown in its comparison for reviewing.

export type HistoryEvent = {
  id: string;
  action: string;
  createdAt: string;
  actor: { id: string; name: string } | null;
  /** The annotation version this event produced, when it produced one. */
  version: number | null;
  changes: FieldChange[];
  comment: string | null;
  /** Where the annotation came from, on its creation event (e.g. a suggestion: engine version and score). */
  origin: { type: string; engineVersion?: string; score?: number } | null;
};

export type AnnotationHistory = { annotation: AnnotationView; reviews: ReviewView[]; comments: CommentView[]; events: HistoryEvent[] };

export async function getAnnotationHistory(actor: Actor, id: string): Promise<AnnotationHistory> {
  assertPermission(actor, "comparison.read");
  const annotation = await loadAnnotation(db, actor, id);
  const [reviews, comments, audit] = await Promise.all([
    db.review.findMany({ where: { annotationId: annotation.id }, select: reviewSelect, orderBy: { createdAt: "asc" } }),
    db.comment.findMany({ where: { annotationId: annotation.id }, select: commentSelect, orderBy: { createdAt: "asc" } }),
    db.auditEvent.findMany({
      where: { entityType: "annotation", entityId: annotation.id },
      select: { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const events = audit.map((event): HistoryEvent => {
    const after = event.after as Record<string, unknown> | null;
    return {
      id: event.id,
      action: event.action,
      createdAt: event.createdAt.toISOString(),
      actor: event.actor,
      version: versionOf(event.after),
      changes: diffSnapshots(event.before, event.after),
      comment: typeof after?.comment === "string" ? after.comment : null,
      origin: after?.origin && typeof after.origin === "object" ? (after.origin as HistoryEvent["origin"]) : null,
    };
  });
  return { annotation: toAnnotationView(annotation), reviews: reviews.map(toReviewView), comments: comments.map(toCommentView), events };
}

type SourceSummary = { id: string; title: string; outlet: string | null; label: string };
export type NearbyAnnotation = Pick<AnnotationView, "id" | "kind" | "status" | "rationale"> & { author: { id: string; name: string } };
export type AnnotationContext = {
  annotation: AnnotationView;
  comparison: { id: string; title: string; question: string | null; sources: SourceSummary[] };
  excerpts: Excerpt[];
  nearby: NearbyAnnotation[];
};

/** The annotation with the text around its passages and the other annotations on those passages. */
export async function getAnnotationContext(actor: Actor, id: string): Promise<AnnotationContext> {
  assertPermission(actor, "comparison.read");
  const annotation = await loadAnnotation(db, actor, id);
  const comparison = await db.comparison.findUniqueOrThrow({
    where: { id: annotation.comparisonId },
    select: {
      id: true,
      title: true,
      question: true,
      sources: {
        select: { position: true, label: true, source: { select: { id: true, title: true, outlet: true } } },
        orderBy: { position: "asc" },
      },
    },
  });
  // Each passage in the text of the version it was made on: what the analyst quoted, in its own context.
  const versionIds = [...new Set(annotation.spans.map((span) => span.versionId))];
  const texts = new Map(
    (await db.sourceVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, text: true } })).map((v) => [v.id, v.text]),
  );
  const excerpts = annotation.spans.map((span) => ({
    sourceId: span.sourceId,
    ...excerptAround(texts.get(span.versionId) ?? "", span.start, span.end),
  }));
  const others = await db.annotation.findMany({
    where: { comparisonId: annotation.comparisonId, id: { not: annotation.id }, ...visibleAnnotationsWhere(actor) },
    select: {
      id: true,
      kind: true,
      status: true,
      rationale: true,
      author: { select: { id: true, name: true } },
      spans: { select: { sourceId: true, start: true, end: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const nearby = others
    .filter((other) =>
      other.spans.some((span) =>
        isNear(
          annotation.spans.filter((own) => own.sourceId === span.sourceId),
          span.start,
          span.end,
        ),
      ),
    )
    .map(({ spans: _spans, ...rest }) => rest);
  return {
    annotation: toAnnotationView(annotation),
    comparison: {
      id: comparison.id,
      title: comparison.title,
      question: comparison.question,
      sources: comparison.sources.map(({ source, position, label }) => ({ ...source, label: label ?? positionLetter(position) })),
    },
    excerpts,
    nearby,
  };
}
