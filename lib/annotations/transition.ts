import "server-only";

import { lockAnnotation } from "@/lib/annotations/records";
import type { VerifiedSpan } from "@/lib/annotations/spans";
import { eventParticiple, nextStatus, statusLabel, type AnnotationEvent } from "@/lib/annotations/state";
import { annotationSelect, toAnnotationView, type AnnotationRecord, type AnnotationView } from "@/lib/annotations/views";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { annotationFeed } from "@/lib/live/notice";

// The one way an annotation changes state: lock the row, check who may act,
// check the version the actor saw, ask the state table for the next status,
// write, and record the audit event — all in the caller's transaction.

/** A span row as an edit writes it: verified, and placed on a source version (lib/versions/records.ts). */
export type SpanWrite = VerifiedSpan & {
  id?: string;
  versionId: string;
  intactVersionId: string;
  anchorStatus: "unchanged" | "changed" | "orphaned";
  anchorStart: number | null;
  anchorEnd: number | null;
  anchorExact: string | null;
  keptAt: Date | null;
  keptById: string | null;
};

export type AnnotationChange = {
  id: string;
  event: AnnotationEvent;
  /** The version the actor based the change on. */
  version: number;
  /** Throws an AppError when the actor may not apply the event to this annotation. */
  authorize: (current: AnnotationRecord) => void | Promise<void>;
  /** Field changes of an edit (kind, rationale, …). */
  fields?: (current: AnnotationRecord) => Prisma.AnnotationUpdateInput | Promise<Prisma.AnnotationUpdateInput>;
  /** New spans of an edit, replacing the old ones. */
  spans?: (current: AnnotationRecord) => SpanWrite[] | null | Promise<SpanWrite[] | null>;
  /** Writes that belong to the event (a review row) and extra audit details. */
  record?: (current: AnnotationRecord, next: AnnotationView) => Promise<Record<string, unknown>>;
};

export type AppliedChange = { before: AnnotationRecord; after: AnnotationView };

export function conflictError(message: string, current: AnnotationView): AppError {
  return new AppError("conflict", message, { extra: { current } });
}

const auditAction: Record<AnnotationEvent, AuditAction> = {
  edit: "annotation.update",
  submit: "annotation.submit",
  withdraw: "annotation.withdraw",
  approve: "annotation.approve",
  request_changes: "annotation.request_changes",
  reject: "annotation.reject",
};

function timestamps(event: AnnotationEvent, isStatusChange: boolean, now: Date): Prisma.AnnotationUpdateInput {
  if (event === "submit") return { submittedAt: now, decidedAt: null };
  if (event === "approve" || event === "request_changes" || event === "reject") return { decidedAt: now };
  return isStatusChange ? { submittedAt: null, decidedAt: null } : {};
}

export async function applyAnnotationEvent(tx: Tx, actor: Actor, change: AnnotationChange): Promise<AppliedChange> {
  const current = await lockAnnotation(tx, actor, change.id);
  await change.authorize(current);
  const currentView = toAnnotationView(current);
  if (current.version !== change.version) {
    throw conflictError(
      `This annotation changed since you loaded it (you had version ${change.version}, it is now ${current.version}).`,
      currentView,
    );
  }
  const status = nextStatus(current.status, change.event);
  if (!status) {
    throw conflictError(
      `An annotation that is ${statusLabel[current.status].toLowerCase()} cannot be ${eventParticiple[change.event]}.`,
      currentView,
    );
  }
  const fields = change.fields ? await change.fields(current) : {};
  const spans = change.spans ? await change.spans(current) : null;
  await tx.annotation.update({
    where: { id: current.id },
    data: { ...fields, status, version: { increment: 1 }, ...timestamps(change.event, status !== current.status, new Date()) },
    select: { id: true },
  });
  if (spans) {
    await tx.span.deleteMany({ where: { annotationId: current.id } });
    await tx.span.createMany({ data: spans.map((span) => ({ ...span, annotationId: current.id })) });
  }
  const after = toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: current.id }, select: annotationSelect }));
  const details = change.record ? await change.record(current, after) : {};
  const isEdit = change.event === "edit";
  await recordAudit(tx, {
    actorId: actor.id,
    action: auditAction[change.event],
    entityType: "annotation",
    entityId: current.id,
    comparisonId: current.comparisonId,
    before: isEdit ? currentView : { status: current.status, version: current.version },
    after: isEdit ? { ...after, ...details } : { status, version: after.version, ...details },
    feed: annotationFeed(current, status, current.status, after.version),
  });
  return { before: current, after };
}
