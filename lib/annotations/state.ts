import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";

// The annotation life cycle (SPEC §2) in one table. Services ask it before
// every change and refuse anything it does not list with a 409.

export type AnnotationEvent = "edit" | "submit" | "approve" | "request_changes" | "reject";

export const transitions: Record<AnnotationStatus, Partial<Record<AnnotationEvent, AnnotationStatus>>> = {
  draft: { edit: "draft", submit: "in_review" },
  in_review: { approve: "approved", request_changes: "changes_requested", reject: "rejected" },
  changes_requested: { edit: "draft", submit: "in_review" },
  approved: { edit: "draft" },
  rejected: {},
};

export function nextStatus(status: AnnotationStatus, event: AnnotationEvent): AnnotationStatus | null {
  return transitions[status][event] ?? null;
}

export function canEditStatus(status: AnnotationStatus): boolean {
  return nextStatus(status, "edit") !== null;
}

export const kindLabel: Record<AnnotationKind, string> = {
  agreement: "Agreement",
  contradiction: "Contradiction",
  note: "Note",
};

export const statusLabel: Record<AnnotationStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  changes_requested: "Changes requested",
  rejected: "Rejected",
};

export const reviewDecisions = ["approve", "request_changes", "reject"] as const satisfies readonly AnnotationEvent[];
export type ReviewDecision = (typeof reviewDecisions)[number];

/** Past tense, for history lines and messages ("Rey approved this"). */
export const decisionLabel: Record<ReviewDecision, string> = {
  approve: "approved",
  request_changes: "requested changes",
  reject: "rejected",
};

export function isReviewable(status: AnnotationStatus): boolean {
  return reviewDecisions.some((decision) => nextStatus(status, decision) !== null);
}
