import "server-only";

import { loadAnnotation } from "@/lib/annotations/records";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { createCommentSchema, type CreateCommentInput } from "@/lib/comments/schemas";
import { commentSelect, toCommentView, type CommentView } from "@/lib/comments/views";
import { db } from "@/lib/db";
import { annotationFeed } from "@/lib/live/notice";
import { AppError } from "@/lib/errors";
import { parseInput, type UntrustedInput } from "@/lib/validation";

// The discussion thread on an annotation: authors and reviewers talk here.
// Comments are append-only, like reviews.

export async function addComment(actor: Actor, annotationId: string, input: CreateCommentInput | UntrustedInput): Promise<CommentView> {
  assertPermission(actor, "annotation.comment");
  const data = parseInput(createCommentSchema, input);
  return db.$transaction(async (tx) => {
    const annotation = await loadAnnotation(tx, actor, annotationId);
    if (data.parentId) {
      const parent = await tx.comment.findUnique({ where: { id: data.parentId }, select: { annotationId: true } });
      if (parent?.annotationId !== annotation.id) {
        throw new AppError("unprocessable", "The comment you reply to is not on this annotation.", {
          errors: { parentId: "Not a comment on this annotation." },
        });
      }
    }
    const comment = await tx.comment.create({
      data: { annotationId: annotation.id, authorId: actor.id, parentId: data.parentId ?? null, body: data.body },
      select: commentSelect,
    });
    const view = toCommentView(comment);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "comment.create",
      entityType: "comment",
      entityId: comment.id,
      comparisonId: annotation.comparisonId,
      after: view,
      feed: annotationFeed(annotation, annotation.status, annotation.status),
    });
    return view;
  });
}

export async function listComments(actor: Actor, annotationId: string): Promise<CommentView[]> {
  assertPermission(actor, "comparison.read");
  const annotation = await loadAnnotation(db, actor, annotationId);
  const rows = await db.comment.findMany({
    where: { annotationId: annotation.id },
    select: commentSelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toCommentView);
}
