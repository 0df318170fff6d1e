import "server-only";

import { eventParticiple, nextStatus, statusLabel, type AnnotationEvent } from "@/lib/annotations/state";
import { findAssessment, lockAssessment, noAssessment, viewFor } from "@/lib/assessments/records";
import { assessmentSelect, type AssessmentRecord, type AssessmentView } from "@/lib/assessments/views";
import type { Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// The one way an assessment changes state, as applyAnnotationEvent does for
// annotations: lock, authorize, check the version, ask the shared state table,
// write, audit — all in the caller's transaction.

export type AssessmentChange = {
  comparisonId: string;
  event: AnnotationEvent;
  version: number;
  authorize: (current: AssessmentRecord) => void | Promise<void>;
  /** Field changes of an edit, and the cited findings to store (in order). */
  fields?: Prisma.AssessmentUpdateInput;
  annotationIds?: string[];
  /** Writes that belong to the event (a review row); returns extra audit details. */
  record?: (current: AssessmentRecord) => Promise<Record<string, unknown>>;
};

const auditAction: Record<AnnotationEvent, AuditAction> = {
  edit: "assessment.update",
  submit: "assessment.submit",
  withdraw: "assessment.withdraw",
  approve: "assessment.approve",
  request_changes: "assessment.request_changes",
  reject: "assessment.reject",
};

export function assessmentConflict(message: string, current: AssessmentView): AppError {
  return new AppError("conflict", message, { extra: { current } });
}

function timestamps(event: AnnotationEvent, isStatusChange: boolean, now: Date): Prisma.AssessmentUpdateInput {
  if (event === "submit") return { submittedAt: now, decidedAt: null };
  if (event === "approve" || event === "request_changes" || event === "reject") return { decidedAt: now };
  return isStatusChange ? { submittedAt: null, decidedAt: null } : {};
}

/** What the audit trail keeps of an assessment: the fields a person wrote. */
export function auditSnapshot(view: AssessmentView) {
  const { judgment, likelihood, confidence, annotationIds, status, version } = view;
  return { judgment, likelihood, confidence, annotationIds, status, version };
}

export async function writeCitations(tx: Tx, assessmentId: string, annotationIds: string[]): Promise<void> {
  await tx.assessmentFinding.deleteMany({ where: { assessmentId } });
  await tx.assessmentFinding.createMany({
    data: annotationIds.map((annotationId, position) => ({ assessmentId, annotationId, position })),
  });
}

export async function applyAssessmentEvent(tx: Tx, actor: Actor, change: AssessmentChange): Promise<AssessmentView> {
  await lockAssessment(tx, change.comparisonId);
  const { record: current } = await findAssessment(tx, actor, change.comparisonId);
  if (!current) throw noAssessment();
  await change.authorize(current);
  const currentView = viewFor(actor, current);
  if (current.version !== change.version) {
    throw assessmentConflict(
      `The assessment changed since you loaded it (you had version ${change.version}, it is now ${current.version}).`,
      currentView,
    );
  }
  const status = nextStatus(current.status, change.event);
  if (!status) {
    throw assessmentConflict(
      `An assessment that is ${statusLabel[current.status].toLowerCase()} cannot be ${eventParticiple[change.event]}.`,
      currentView,
    );
  }
  await tx.assessment.update({
    where: { id: current.id },
    data: { ...change.fields, status, version: { increment: 1 }, ...timestamps(change.event, status !== current.status, new Date()) },
    select: { id: true },
  });
  if (change.annotationIds) await writeCitations(tx, current.id, change.annotationIds);
  const details = change.record ? await change.record(current) : {};
  const after = viewFor(actor, await tx.assessment.findUniqueOrThrow({ where: { id: current.id }, select: assessmentSelect }));
  const isEdit = change.event === "edit";
  await recordAudit(tx, {
    actorId: actor.id,
    action: auditAction[change.event],
    entityType: "assessment",
    entityId: current.id,
    comparisonId: current.comparisonId,
    before: isEdit ? auditSnapshot(currentView) : { status: current.status, version: current.version },
    after: isEdit ? auditSnapshot(after) : { status, version: after.version, ...details },
  });
  return after;
}
