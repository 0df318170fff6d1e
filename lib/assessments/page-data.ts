import "server-only";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { getAssessmentHistory, type AssessmentHistory } from "@/lib/assessments/history";
import { findAssessment, viewFor } from "@/lib/assessments/records";
import type { AssessmentView, CitedFinding } from "@/lib/assessments/views";
import type { Actor } from "@/lib/auth/actor";
import { getComparisonRecord } from "@/lib/comparisons/record-service";
import type { ComparisonRecord } from "@/lib/comparisons/views";
import { db } from "@/lib/db";

// Everything the assessment page needs in one call: the comparison, its
// assessment as the actor may see it (or that someone else is drafting one),
// the findings it can cite, and its history.

export type AssessmentPageData = {
  comparison: ComparisonRecord;
  assessment: AssessmentView | null;
  /** Someone else has a draft: the actor cannot see or start one. */
  isOthersDraft: boolean;
  findings: CitedFinding[];
  history: AssessmentHistory | null;
};

export async function getAssessmentPage(actor: Actor, comparisonId: string): Promise<AssessmentPageData> {
  const comparison = await getComparisonRecord(actor, comparisonId);
  const [{ record, isHidden }, findings] = await Promise.all([
    findAssessment(db, actor, comparison.id),
    db.annotation.findMany({
      where: { comparisonId: comparison.id, ...visibleAnnotationsWhere(actor) },
      select: { id: true, kind: true, status: true, rationale: true, author: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
      take: 2_000,
    }),
  ]);
  const assessment = record ? viewFor(actor, record) : null;
  return {
    comparison,
    assessment,
    isOthersDraft: isHidden,
    findings,
    history: assessment ? await getAssessmentHistory(actor, comparison.id) : null,
  };
}
