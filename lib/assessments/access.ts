// Who may do what to an assessment. It follows the annotation rules exactly
// (lib/annotations/access.ts, the same state table): the author writes,
// submits and withdraws; an admin may also edit; drafts are the author's
// alone; reviewers decide on others' work only.

import {
  canDeleteAnnotation,
  canEditAnnotation,
  canSeeAnnotation,
  canSubmitAnnotation,
  canWithdrawAnnotation,
} from "@/lib/annotations/access";
import type { AnnotationStatus } from "@/lib/annotations/schemas";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { canReviewAnnotation } from "@/lib/reviews/eligibility";

export type AssessmentFacts = { status: AnnotationStatus; author: { id: string } };
type Who = Pick<Actor, "id" | "role">;

export const canSeeAssessment = (actor: Who, assessment: AssessmentFacts) => canSeeAnnotation(actor, assessment);
export const canEditAssessment = (actor: Who, assessment: AssessmentFacts) => canEditAnnotation(actor, assessment);
export const canSubmitAssessment = (actor: Who, assessment: AssessmentFacts) => canSubmitAnnotation(actor, assessment);
export const canWithdrawAssessment = (actor: Who, assessment: AssessmentFacts) => canWithdrawAnnotation(actor, assessment);
export const canDeleteAssessment = (actor: Who, assessment: AssessmentFacts) => canDeleteAnnotation(actor, assessment);
/** Whether to offer the decision buttons; the service also refuses anyone who edited it. */
export const canReviewAssessment = (actor: Who, assessment: AssessmentFacts) => canReviewAnnotation(actor, assessment);

/** Anyone who may annotate may write the first assessment of a comparison. */
export function canStartAssessment(actor: Who): boolean {
  return hasPermission(actor.role, "annotation.create");
}
