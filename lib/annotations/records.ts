import "server-only";

import { canSeeAnnotation } from "@/lib/annotations/access";
import { annotationSelect, type AnnotationRecord } from "@/lib/annotations/views";
import type { Actor } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId } from "@/lib/validation";

// The one way services read a single annotation: by id, as the actor may see
// it. Someone else's draft is answered like a missing record (404), so ids of
// private drafts cannot be probed.

function notFound(): AppError {
  return new AppError("not_found", "No annotation with this id.");
}

export async function loadAnnotation(client: Db | Tx, actor: Actor, id: string): Promise<AnnotationRecord> {
  const row = await client.annotation.findUnique({ where: { id: assertId(id, "annotation") }, select: annotationSelect });
  if (!row || !canSeeAnnotation(actor, row)) throw notFound();
  return row;
}

/** Loads the annotation with its row locked until the transaction ends, so checks and write see the same state. */
export async function lockAnnotation(tx: Tx, actor: Actor, id: string): Promise<AnnotationRecord> {
  const annotationId = assertId(id, "annotation");
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Annotation" WHERE "id" = ${annotationId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound();
  return loadAnnotation(tx, actor, annotationId);
}
