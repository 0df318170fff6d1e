import "server-only";

import {
  createAnnotationSchema,
  updateAnnotationSchema,
  versionSchema,
  type CreateAnnotationInput,
  type UpdateAnnotationInput,
} from "@/lib/annotations/schemas";
import { verifySpans, type ComparisonTexts } from "@/lib/annotations/spans";
import { nextStatus, type AnnotationEvent } from "@/lib/annotations/state";
import { annotationSelect, toAnnotationView, type AnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId, parseInput } from "@/lib/validation";

async function loadComparisonTexts(tx: Tx, comparisonId: string): Promise<ComparisonTexts> {
  const comparison = await tx.comparison.findUnique({
    where: { id: assertId(comparisonId, "comparison") },
    select: {
      leftSource: { select: { id: true, text: true } },
      rightSource: { select: { id: true, text: true } },
    },
  });
  if (!comparison) throw new AppError("not_found", "No comparison with this id.");
  const { leftSource: left, rightSource: right } = comparison;
  return {
    leftSourceId: left.id,
    rightSourceId: right.id,
    texts: new Map([
      [left.id, left.text],
      [right.id, right.text],
    ]),
  };
}

async function loadForChange(tx: Tx, id: string) {
  const annotation = await tx.annotation.findUnique({ where: { id: assertId(id, "annotation") }, select: annotationSelect });
  if (!annotation) throw new AppError("not_found", "No annotation with this id.");
  return annotation;
}

function conflict(message: string, current: ReturnType<typeof toAnnotationView>): AppError {
  return new AppError("conflict", message, { extra: { current } });
}

/** Refuses a write based on an older version, returning the newer state with the 409. */
function assertVersion(annotation: Parameters<typeof toAnnotationView>[0], version: number): void {
  if (annotation.version !== version) {
    throw conflict(
      `This annotation changed since you loaded it (you had version ${version}, it is now ${annotation.version}).`,
      toAnnotationView(annotation),
    );
  }
}

function assertTransition(annotation: Parameters<typeof toAnnotationView>[0], event: AnnotationEvent) {
  const next = nextStatus(annotation.status, event);
  if (!next) {
    throw conflict(
      `An annotation that is ${annotation.status.replace("_", " ")} cannot be ${event === "edit" ? "edited" : `${event}ed`}.`,
      toAnnotationView(annotation),
    );
  }
  return next;
}

function isAuthorOrAdmin(actor: Actor, authorId: string): boolean {
  return actor.id === authorId || hasPermission(actor.role, "annotation.manageAny");
}

export async function getAnnotation(actor: Actor, id: string): Promise<AnnotationView> {
  assertPermission(actor, "comparison.read");
  return toAnnotationView(await loadForChange(db, id));
}

export async function createAnnotation(actor: Actor, comparisonId: string, input: CreateAnnotationInput): Promise<AnnotationView> {
  assertPermission(actor, "annotation.create");
  const data = parseInput(createAnnotationSchema, input);
  return db.$transaction(async (tx) => {
    const texts = await loadComparisonTexts(tx, comparisonId);
    const spans = verifySpans(data.kind, data.spans, texts);
    const now = new Date();
    const created = await tx.annotation.create({
      data: {
        comparisonId,
        authorId: actor.id,
        kind: data.kind,
        rationale: data.rationale,
        confidence: data.confidence,
        tags: data.tags,
        status: data.submit ? "in_review" : "draft",
        submittedAt: data.submit ? now : null,
        spans: { create: spans },
      },
      select: annotationSelect,
    });
    const view = toAnnotationView(created);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.create",
      entityType: "annotation",
      entityId: created.id,
      comparisonId,
      after: view,
    });
    if (data.submit) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "annotation.submit",
        entityType: "annotation",
        entityId: created.id,
        comparisonId,
        before: { status: "draft" },
        after: { status: "in_review", version: 1 },
      });
    }
    return view;
  });
}

export async function updateAnnotation(actor: Actor, id: string, input: UpdateAnnotationInput): Promise<AnnotationView> {
  assertPermission(actor, "annotation.create");
  const data = parseInput(updateAnnotationSchema, input);
  return db.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    if (!isAuthorOrAdmin(actor, current.author.id))
      throw new AppError("forbidden", "Only the author (or an admin) may edit this annotation.");
    assertVersion(current, data.version);
    const status = assertTransition(current, "edit");
    const kind = data.kind ?? current.kind;
    const spanInputs = data.spans ?? current.spans;
    // Re-verify even unchanged spans when the kind changes: a note turned agreement needs both sides.
    const spans = data.spans || data.kind ? verifySpans(kind, spanInputs, await loadComparisonTexts(tx, current.comparisonId)) : null;
    const { count } = await tx.annotation.updateMany({
      where: { id: current.id, version: current.version },
      data: {
        kind,
        rationale: data.rationale ?? current.rationale,
        confidence: data.confidence ?? current.confidence,
        tags: data.tags ?? current.tags,
        status,
        version: { increment: 1 },
        ...(status !== current.status ? { submittedAt: null, decidedAt: null } : {}),
      },
    });
    if (count === 0) throw conflict("This annotation changed while you were saving.", toAnnotationView(await loadForChange(tx, id)));
    if (spans) {
      await tx.span.deleteMany({ where: { annotationId: current.id } });
      await tx.span.createMany({ data: spans.map((span) => ({ ...span, annotationId: current.id })) });
    }
    const updated = toAnnotationView(await loadForChange(tx, id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.update",
      entityType: "annotation",
      entityId: id,
      comparisonId: current.comparisonId,
      before: toAnnotationView(current),
      after: updated,
    });
    return updated;
  });
}

export async function submitAnnotation(actor: Actor, id: string, input: { version: number }): Promise<AnnotationView> {
  assertPermission(actor, "annotation.create");
  const { version } = parseInput(versionSchema, input);
  return db.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    if (current.author.id !== actor.id) throw new AppError("forbidden", "Only the author may submit this annotation.");
    assertVersion(current, version);
    const status = assertTransition(current, "submit");
    const { count } = await tx.annotation.updateMany({
      where: { id: current.id, version: current.version, status: current.status },
      data: { status, submittedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw conflict("This annotation changed while you were submitting it.", toAnnotationView(await loadForChange(tx, id)));
    const updated = toAnnotationView(await loadForChange(tx, id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.submit",
      entityType: "annotation",
      entityId: id,
      comparisonId: current.comparisonId,
      before: { status: current.status, version: current.version },
      after: { status, version: updated.version },
    });
    return updated;
  });
}

export async function deleteAnnotation(actor: Actor, id: string): Promise<void> {
  assertPermission(actor, "annotation.create");
  await db.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    const isAdmin = hasPermission(actor.role, "annotation.manageAny");
    if (!isAdmin) {
      if (current.author.id !== actor.id) throw new AppError("forbidden", "Only the author (or an admin) may delete this annotation.");
      if (current.status !== "draft") throw conflict("Only drafts can be deleted by their author.", toAnnotationView(current));
    }
    await tx.annotation.delete({ where: { id: current.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.delete",
      entityType: "annotation",
      entityId: id,
      comparisonId: current.comparisonId,
      before: toAnnotationView(current),
    });
  });
}
