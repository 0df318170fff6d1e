import "server-only";

import { canSeeAssessment } from "@/lib/assessments/access";
import { assessmentSelect, toAssessmentView, type AssessmentRecord, type AssessmentView } from "@/lib/assessments/views";
import { canSeeAnnotation } from "@/lib/annotations/access";
import type { Actor } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId } from "@/lib/validation";

// Reading one comparison's assessment as the actor may see it. Someone else's
// draft reads like no assessment at all, as annotations' drafts do.

export function noAssessment(): AppError {
  return new AppError("not_found", "This comparison has no assessment yet.");
}

export async function assertComparisonExists(client: Db | Tx, comparisonId: string): Promise<string> {
  const id = assertId(comparisonId, "comparison");
  const found = await client.comparison.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new AppError("not_found", "No comparison with this id.");
  return id;
}

/** The record, or null when there is none; `hidden` when it exists but is someone else's draft. */
export async function findAssessment(
  client: Db | Tx,
  actor: Actor,
  comparisonId: string,
): Promise<{ record: AssessmentRecord | null; isHidden: boolean }> {
  const record = await client.assessment.findUnique({ where: { comparisonId }, select: assessmentSelect });
  if (!record) return { record: null, isHidden: false };
  if (!canSeeAssessment(actor, record)) return { record: null, isHidden: true };
  return { record, isHidden: false };
}

/** Locks the comparison's assessment row (if any) until the transaction ends. */
export async function lockAssessment(tx: Tx, comparisonId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Assessment" WHERE "comparisonId" = ${comparisonId}::uuid FOR UPDATE`;
}

export function viewFor(actor: Actor, record: AssessmentRecord): AssessmentView {
  return toAssessmentView(record, (finding) => canSeeAnnotation(actor, finding));
}
