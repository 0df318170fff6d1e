import "server-only";

import { canDeleteAnnotation, isAuthor, isAuthorOrAdmin } from "@/lib/annotations/access";
import { loadAnnotation, lockAnnotation } from "@/lib/annotations/records";
import {
  createAnnotationSchema,
  updateAnnotationSchema,
  versionSchema,
  type CreateAnnotationInput,
  type UpdateAnnotationInput,
} from "@/lib/annotations/schemas";
import { lockComparisonTexts, verifyOnLatest } from "@/lib/annotations/latest-texts";
import { applyAnnotationEvent, conflictError } from "@/lib/annotations/transition";
import { annotationSelect, toAnnotationView, type AnnotationRecord, type AnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { annotationFeed } from "@/lib/live/notice";
import { parseInput, type UntrustedInput } from "@/lib/validation";
import { latestSpanInputs } from "@/lib/versions/placement";

function forbidden(message: string): AppError {
  return new AppError("forbidden", message);
}

export async function getAnnotation(actor: Actor, id: string): Promise<AnnotationView> {
  assertPermission(actor, "comparison.read");
  return toAnnotationView(await loadAnnotation(db, actor, id));
}

export async function createAnnotation(
  actor: Actor,
  comparisonId: string,
  input: CreateAnnotationInput | UntrustedInput,
): Promise<AnnotationView> {
  return db.$transaction((tx) => createAnnotationInTransaction(tx, actor, comparisonId, input));
}

/** Where an annotation came from, kept in its creation's audit row (e.g. the suggestion it was accepted from). */
export type AnnotationOrigin = Record<string, unknown>;

/** createAnnotation inside a caller's transaction, optionally recording the annotation's origin in its history. */
export async function createAnnotationInTransaction(
  tx: Tx,
  actor: Actor,
  comparisonId: string,
  input: CreateAnnotationInput | UntrustedInput,
  origin?: AnnotationOrigin,
): Promise<AnnotationView> {
  assertPermission(actor, "annotation.create");
  const data = parseInput(createAnnotationSchema, input);
  const spans = verifyOnLatest(data.kind, data.spans, await lockComparisonTexts(tx, comparisonId));
  const now = new Date();
  const created = await tx.annotation.create({
    data: {
      comparisonId: comparisonId.toLowerCase(),
      authorId: actor.id,
      kind: data.kind,
      rationale: data.rationale,
      confidence: data.confidence,
      credibility: data.credibility,
      tags: data.tags,
      status: data.submit ? "in_review" : "draft",
      submittedAt: data.submit ? now : null,
      spans: { create: spans },
    },
    select: annotationSelect,
  });
  const view = toAnnotationView(created);
  const audit = { actorId: actor.id, entityType: "annotation", entityId: created.id, comparisonId: created.comparisonId } as const;
  const after = data.submit ? { ...view, status: "draft" } : view;
  await recordAudit(tx, {
    ...audit,
    action: "annotation.create",
    after: origin ? { ...after, origin } : after,
    feed: annotationFeed(created, "draft", null),
  });
  if (data.submit) {
    await recordAudit(tx, {
      ...audit,
      action: "annotation.submit",
      before: { status: "draft" },
      after: { status: "in_review", version: 1 },
      feed: annotationFeed(created, "in_review", "draft"),
    });
  }
  return view;
}

// Who may act is checked here (403); whether the state allows it is the state table's (409).

function assertCanEdit(actor: Actor, current: AnnotationRecord): void {
  if (!isAuthorOrAdmin(actor, current)) throw forbidden("Only the author (or an admin) may edit this annotation.");
}

/** Edits an annotation; with `submit: true` also submits it, in the same transaction. */
export async function updateAnnotation(actor: Actor, id: string, input: UpdateAnnotationInput | UntrustedInput): Promise<AnnotationView> {
  assertPermission(actor, "annotation.create");
  const data = parseInput(updateAnnotationSchema, input);
  return db.$transaction(async (tx) => {
    const edited = await applyAnnotationEvent(tx, actor, {
      id,
      event: "edit",
      version: data.version,
      authorize: (current) => assertCanEdit(actor, current),
      fields: (current) => ({
        kind: data.kind,
        rationale: data.rationale,
        confidence: data.confidence,
        credibility: data.credibility,
        tags: data.tags ?? current.tags,
      }),
      // Re-verify even unchanged spans when the kind changes: a note turned agreement needs two sources.
      spans: async (current) =>
        data.spans || data.kind
          ? verifyOnLatest(
              data.kind ?? current.kind,
              data.spans ?? latestSpanInputs(current.spans),
              await lockComparisonTexts(tx, current.comparisonId),
            )
          : null,
    });
    if (!data.submit) return edited.after;
    return submitInTransaction(tx, actor, id, edited.after.version);
  });
}

async function submitInTransaction(tx: Tx, actor: Actor, id: string, version: number): Promise<AnnotationView> {
  const { after } = await applyAnnotationEvent(tx, actor, {
    id,
    event: "submit",
    version,
    authorize: (current) => {
      if (!isAuthor(actor, current)) throw forbidden("Only the author may submit this annotation.");
    },
  });
  return after;
}

export async function submitAnnotation(actor: Actor, id: string, input: { version: number } | UntrustedInput): Promise<AnnotationView> {
  assertPermission(actor, "annotation.create");
  const { version } = parseInput(versionSchema, input);
  return db.$transaction((tx) => submitInTransaction(tx, actor, id, version));
}

/** Takes an annotation back from review to draft while nobody has decided on it. */
export async function withdrawAnnotation(actor: Actor, id: string, input: { version: number } | UntrustedInput): Promise<AnnotationView> {
  assertPermission(actor, "annotation.create");
  const { version } = parseInput(versionSchema, input);
  return db.$transaction(async (tx) => {
    const { after } = await applyAnnotationEvent(tx, actor, {
      id,
      event: "withdraw",
      version,
      authorize: (current) => {
        if (!isAuthor(actor, current)) throw forbidden("Only the author may withdraw this annotation.");
      },
    });
    return after;
  });
}

export async function deleteAnnotation(actor: Actor, id: string): Promise<void> {
  assertPermission(actor, "annotation.create");
  await db.$transaction(async (tx) => {
    const current = await lockAnnotation(tx, actor, id);
    if (!canDeleteAnnotation(actor, current)) {
      if (!isAuthor(actor, current)) throw forbidden("Only the author (or an admin) may delete this annotation.");
      throw conflictError("Authors can delete their drafts and rejected annotations only.", toAnnotationView(current));
    }
    await tx.annotation.delete({ where: { id: current.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.delete",
      entityType: "annotation",
      entityId: current.id,
      comparisonId: current.comparisonId,
      before: toAnnotationView(current),
      feed: annotationFeed(current, null, current.status),
    });
  });
}
