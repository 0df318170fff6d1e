import "server-only";

import { isAuthorOrAdmin } from "@/lib/annotations/access";
import { canDeleteAssessment } from "@/lib/assessments/access";
import { checkCitations } from "@/lib/assessments/citations";
import { assertComparisonExists, findAssessment, lockAssessment, noAssessment, viewFor } from "@/lib/assessments/records";
import {
  assessmentReviewSchema,
  assessmentVersionSchema,
  putAssessmentSchema,
  type AssessmentReviewInput,
  type PutAssessmentInput,
} from "@/lib/assessments/schemas";
import { applyAssessmentEvent, assessmentConflict, auditSnapshot, writeCitations } from "@/lib/assessments/transition";
import { assessmentSelect, type AssessmentView } from "@/lib/assessments/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput, type UntrustedInput } from "@/lib/validation";

// A comparison's assessment: its bottom line (ICD 203 likelihood, analytic
// confidence, the findings it rests on), written by one analyst and reviewed
// by another under the four-eyes rule, exactly like an annotation.

function forbidden(message: string): AppError {
  return new AppError("forbidden", message);
}

/** The assessment as the actor may see it; 404 when there is none (or it is someone else's draft). */
export async function getAssessment(actor: Actor, comparisonId: string): Promise<AssessmentView> {
  const found = await loadAssessment(actor, comparisonId);
  if (!found) throw noAssessment();
  return found;
}

/**
 * For pages and the PDF report: the assessment the actor may see, or null.
 * Shape: AssessmentView (lib/assessments/views.ts) — judgment, likelihood,
 * confidence, status, version, author, the cited findings the actor may see
 * (id, kind, status, rationale, author), the latest review and the decision
 * that applies to the current version.
 */
export async function loadAssessment(actor: Actor, comparisonId: string): Promise<AssessmentView | null> {
  assertPermission(actor, "comparison.read");
  const id = await assertComparisonExists(db, comparisonId);
  const { record } = await findAssessment(db, actor, id);
  return record ? viewFor(actor, record) : null;
}

async function submitInTransaction(tx: Tx, actor: Actor, comparisonId: string, version: number): Promise<AssessmentView> {
  return applyAssessmentEvent(tx, actor, {
    comparisonId,
    event: "submit",
    version,
    authorize: async (current) => {
      if (current.author.id !== actor.id) throw forbidden("Only the author may submit this assessment.");
      await checkCitations(
        tx,
        actor,
        current.comparisonId,
        current.findings.map((f) => f.annotation.id),
        { isSubmitting: true },
      );
    },
  });
}

/**
 * Writes the assessment: creates it (the actor becomes its author) or, given
 * the `version` it was based on, edits it. With `submit: true` it is submitted
 * in the same transaction.
 */
export async function putAssessment(
  actor: Actor,
  comparisonId: string,
  input: PutAssessmentInput | UntrustedInput,
): Promise<AssessmentView> {
  assertPermission(actor, "annotation.create");
  const data = parseInput(putAssessmentSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const id = await assertComparisonExists(tx, comparisonId);
      await lockAssessment(tx, id);
      const { record, isHidden } = await findAssessment(tx, actor, id);
      if (isHidden) throw new AppError("conflict", "Someone else is drafting the assessment of this comparison.");
      const fields = { judgment: data.judgment, likelihood: data.likelihood, confidence: data.confidence };
      const annotationIds = await checkCitations(tx, actor, id, data.annotationIds, { isSubmitting: data.submit });
      let view: AssessmentView;
      if (!record) {
        if (data.version !== undefined) throw noAssessment();
        const created = await tx.assessment.create({ data: { ...fields, comparisonId: id, authorId: actor.id }, select: { id: true } });
        await writeCitations(tx, created.id, annotationIds);
        view = viewFor(actor, await tx.assessment.findUniqueOrThrow({ where: { id: created.id }, select: assessmentSelect }));
        await recordAudit(tx, {
          actorId: actor.id,
          action: "assessment.create",
          entityType: "assessment",
          entityId: created.id,
          comparisonId: id,
          after: auditSnapshot(view),
        });
      } else {
        if (data.version === undefined) {
          throw new AppError("bad_request", "version: Give the version you edited; the assessment exists already.", {
            errors: { version: "Give the version you edited." },
          });
        }
        view = await applyAssessmentEvent(tx, actor, {
          comparisonId: id,
          event: "edit",
          version: data.version,
          authorize: (current) => {
            if (!isAuthorOrAdmin(actor, current)) {
              throw forbidden("Only the author (or an admin) may edit this assessment.");
            }
          },
          fields,
          annotationIds,
        });
      }
      return data.submit ? submitInTransaction(tx, actor, id, view.version) : view;
    });
  } catch (error) {
    // Two first drafts at once: the unique comparison index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "Someone else has just started the assessment of this comparison; reload to see it.");
    }
    throw error;
  }
}

export async function submitAssessment(
  actor: Actor,
  comparisonId: string,
  input: { version: number } | UntrustedInput,
): Promise<AssessmentView> {
  assertPermission(actor, "annotation.create");
  const { version } = parseInput(assessmentVersionSchema, input);
  return db.$transaction(async (tx) => submitInTransaction(tx, actor, await assertComparisonExists(tx, comparisonId), version));
}

/** Back from review to draft while nobody has decided on it. */
export async function withdrawAssessment(
  actor: Actor,
  comparisonId: string,
  input: { version: number } | UntrustedInput,
): Promise<AssessmentView> {
  assertPermission(actor, "annotation.create");
  const { version } = parseInput(assessmentVersionSchema, input);
  return db.$transaction(async (tx) =>
    applyAssessmentEvent(tx, actor, {
      comparisonId: await assertComparisonExists(tx, comparisonId),
      event: "withdraw",
      version,
      authorize: (current) => {
        if (current.author.id !== actor.id) throw forbidden("Only the author may withdraw this assessment.");
      },
    }),
  );
}

/** Nobody who wrote or edited the assessment decides on it (four-eyes rule). */
async function assertNotContributor(tx: Tx, actor: Actor, assessment: { id: string; author: { id: string } }): Promise<void> {
  if (assessment.author.id === actor.id) throw forbidden("You cannot review your own assessment (four-eyes rule).");
  const edit = await tx.auditEvent.findFirst({
    where: {
      entityType: "assessment",
      entityId: assessment.id,
      actorId: actor.id,
      action: { in: ["assessment.create", "assessment.update"] },
    },
    select: { id: true },
  });
  if (edit) throw forbidden("You edited this assessment, so someone else must review it (four-eyes rule).");
}

export async function reviewAssessment(
  actor: Actor,
  comparisonId: string,
  input: AssessmentReviewInput | UntrustedInput,
): Promise<AssessmentView> {
  assertPermission(actor, "annotation.review");
  const data = parseInput(assessmentReviewSchema, input);
  const comment = data.comment || null;
  if (data.decision !== "approve" && !comment) {
    throw new AppError("unprocessable", "Say what should change: a comment is required unless you approve.", {
      errors: { comment: "A comment is required to request changes or reject." },
    });
  }
  return db.$transaction(async (tx) =>
    applyAssessmentEvent(tx, actor, {
      comparisonId: await assertComparisonExists(tx, comparisonId),
      event: data.decision,
      version: data.version,
      authorize: (current) => assertNotContributor(tx, actor, current),
      record: async (current) => {
        const row = await tx.assessmentReview.create({
          data: { assessmentId: current.id, reviewerId: actor.id, decision: data.decision, comment, assessmentVersion: data.version },
          select: { id: true },
        });
        return { decision: data.decision, comment, reviewId: row.id };
      },
    }),
  );
}

/** Authors delete their drafts and rejected assessments; admins any (audited). */
export async function deleteAssessment(actor: Actor, comparisonId: string): Promise<void> {
  assertPermission(actor, "annotation.create");
  await db.$transaction(async (tx) => {
    const id = await assertComparisonExists(tx, comparisonId);
    await lockAssessment(tx, id);
    const { record } = await findAssessment(tx, actor, id);
    if (!record) throw noAssessment();
    if (!canDeleteAssessment(actor, record)) {
      if (record.author.id !== actor.id) throw forbidden("Only the author (or an admin) may delete this assessment.");
      throw assessmentConflict("Authors can delete their draft or rejected assessment only.", viewFor(actor, record));
    }
    await tx.assessment.delete({ where: { id: record.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "assessment.delete",
      entityType: "assessment",
      entityId: record.id,
      comparisonId: id,
      before: auditSnapshot(viewFor(actor, record)),
    });
  });
}
