import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";

// The annotation life cycle in one table. `applyAnnotationEvent` asks it
// before every change and refuses anything it does not list with a 409.
//
//   draft ──submit──▶ in_review ──approve──▶ approved
//     ▲  ◀──withdraw──┘   │  └──reject──▶ rejected
//     │                   └──request_changes──▶ changes_requested
//     └──────── edit (author; admin) from any state but in_review ────────┘

export const annotationEvents = ["edit", "submit", "withdraw", "approve", "request_changes", "reject"] as const;
export type AnnotationEvent = (typeof annotationEvents)[number];

export const transitions: Record<AnnotationStatus, Partial<Record<AnnotationEvent, AnnotationStatus>>> = {
  draft: { edit: "draft", submit: "in_review" },
  // Withdrawing is possible only while in review: nobody has decided on this submission yet.
  in_review: { approve: "approved", request_changes: "changes_requested", reject: "rejected", withdraw: "draft" },
  changes_requested: { edit: "draft", submit: "in_review" },
  approved: { edit: "draft" },
  // A rejected annotation can be revised into a new draft (or deleted by its author).
  rejected: { edit: "draft" },
};

export function nextStatus(status: AnnotationStatus, event: AnnotationEvent): AnnotationStatus | null {
  return transitions[status][event] ?? null;
}

export function canEditStatus(status: AnnotationStatus): boolean {
  return nextStatus(status, "edit") !== null;
}

/** Editing this status and saving sends it back to draft, which matters to the author. */
export function isReopenedByEdit(status: AnnotationStatus): boolean {
  return status === "approved" || status === "rejected";
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

/** The verb for messages: "cannot be submitted". */
export const eventParticiple: Record<AnnotationEvent, string> = {
  edit: "edited",
  submit: "submitted",
  withdraw: "withdrawn",
  approve: "approved",
  request_changes: "sent back",
  reject: "rejected",
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
