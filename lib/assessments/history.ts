import "server-only";

import { findAssessment } from "@/lib/assessments/records";
import { assessmentReviewSelect, toAssessmentReviewView, type AssessmentReviewView } from "@/lib/assessments/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assertId } from "@/lib/validation";

// Everything that happened to a comparison's assessment, oldest first: each
// write with what it changed, each submission and decision with its comment.

export const assessmentFields = ["judgment", "likelihood", "confidence", "annotationIds"] as const;
export type AssessmentField = (typeof assessmentFields)[number];
export type AssessmentChange = { field: AssessmentField; before: unknown; after: unknown };

export type AssessmentEvent = {
  id: string;
  action: string;
  createdAt: string;
  actor: { id: string; name: string } | null;
  version: number | null;
  changes: AssessmentChange[];
  comment: string | null;
};

export type AssessmentHistory = { reviews: AssessmentReviewView[]; events: AssessmentEvent[] };

type Snapshot = Record<string, unknown> | null;
const asSnapshot = (value: unknown): Snapshot => (value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : null);

/** Field by field, what one audit row changed (a create lists every field it set). */
export function diffAssessment(beforeValue: unknown, afterValue: unknown): AssessmentChange[] {
  const before = asSnapshot(beforeValue);
  const after = asSnapshot(afterValue);
  if (!after) return [];
  return assessmentFields
    .filter((field) => field in after && (!before || JSON.stringify(before[field]) !== JSON.stringify(after[field])))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after[field] }));
}

export async function getAssessmentHistory(actor: Actor, comparisonId: string): Promise<AssessmentHistory | null> {
  assertPermission(actor, "comparison.read");
  const { record } = await findAssessment(db, actor, assertId(comparisonId, "comparison"));
  if (!record) return null;
  const [reviews, audit] = await Promise.all([
    db.assessmentReview.findMany({ where: { assessmentId: record.id }, select: assessmentReviewSelect, orderBy: { createdAt: "asc" } }),
    db.auditEvent.findMany({
      where: { entityType: "assessment", entityId: record.id },
      select: { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    reviews: reviews.map(toAssessmentReviewView),
    events: audit.map((event) => {
      const after = asSnapshot(event.after);
      return {
        id: event.id,
        action: event.action,
        createdAt: event.createdAt.toISOString(),
        actor: event.actor,
        version: typeof after?.version === "number" ? after.version : null,
        changes: diffAssessment(event.before, event.after),
        comment: typeof after?.comment === "string" ? after.comment : null,
      };
    }),
  };
}
