import "server-only";

import { assessmentSelect, type AssessmentView } from "@/lib/assessments/views";
import { viewFor } from "@/lib/assessments/records";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

// Assessments in the reviewers' queue and in their authors' "Returned to me".

export type AssessmentQueueItem = AssessmentView & { comparison: { id: string; title: string } };

const withComparison = { ...assessmentSelect, comparison: { select: { id: true, title: true } } };

/** In review, by someone else, oldest submission first. */
export async function listAssessmentsToReview(actor: Actor): Promise<AssessmentQueueItem[]> {
  assertPermission(actor, "annotation.review");
  const rows = await db.assessment.findMany({
    where: { status: "in_review", authorId: { not: actor.id } },
    select: withComparison,
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 200,
  });
  return rows.map(({ comparison, ...row }) => ({ ...viewFor(actor, row), comparison }));
}

/** The actor's assessments a reviewer sent back or rejected, newest decision first. */
export async function listReturnedAssessments(actor: Actor): Promise<AssessmentQueueItem[]> {
  assertPermission(actor, "annotation.create");
  const rows = await db.assessment.findMany({
    where: { authorId: actor.id, status: { in: ["changes_requested", "rejected"] } },
    select: withComparison,
    orderBy: { decidedAt: "desc" },
    take: 200,
  });
  return rows.map(({ comparison, ...row }) => ({ ...viewFor(actor, row), comparison }));
}
