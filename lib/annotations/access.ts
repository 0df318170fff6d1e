// Who may do what to one annotation, as pure functions of the actor and the
// record. The services enforce these (and re-check on the locked row); the UI
// imports the same functions to decide which buttons to offer.

import type { AnnotationStatus } from "@/lib/annotations/schemas";
import { nextStatus, type AnnotationEvent } from "@/lib/annotations/state";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AnnotationActor = Pick<Actor, "id" | "role">;
export type AnnotationFacts = { status: AnnotationStatus; author: { id: string } };

export function isAuthor(actor: AnnotationActor, annotation: AnnotationFacts): boolean {
  return annotation.author.id === actor.id;
}

function allows(annotation: AnnotationFacts, event: AnnotationEvent): boolean {
  return nextStatus(annotation.status, event) !== null;
}

/** Whose annotation it is to change: its author, or an admin. */
export function isAuthorOrAdmin(actor: AnnotationActor, annotation: AnnotationFacts): boolean {
  return isAuthor(actor, annotation) || hasPermission(actor.role, "annotation.manageAny");
}

/** The author, or an admin, while the state allows editing. */
export function canEditAnnotation(actor: AnnotationActor, annotation: AnnotationFacts): boolean {
  return isAuthorOrAdmin(actor, annotation) && allows(annotation, "edit");
}

/** Only the author submits, and only from draft or changes requested. */
export function canSubmitAnnotation(actor: AnnotationActor, annotation: AnnotationFacts): boolean {
  return isAuthor(actor, annotation) && allows(annotation, "submit");
}

/** The author takes an annotation back from review while nobody has decided on it. */
export function canWithdrawAnnotation(actor: AnnotationActor, annotation: AnnotationFacts): boolean {
  return isAuthor(actor, annotation) && allows(annotation, "withdraw");
}

/** Authors delete their own drafts and rejected annotations; admins anything (audited). */
export function canDeleteAnnotation(actor: AnnotationActor, annotation: AnnotationFacts): boolean {
  if (hasPermission(actor.role, "annotation.manageAny")) return true;
  return isAuthor(actor, annotation) && (annotation.status === "draft" || annotation.status === "rejected");
}

/** Drafts are their author's alone until submitted; admins see everything. */
export function canSeeAnnotation(actor: AnnotationActor, annotation: AnnotationFacts): boolean {
  return annotation.status !== "draft" || isAuthor(actor, annotation) || hasPermission(actor.role, "annotation.readDrafts");
}

/** The same rule as a database filter. */
export function visibleAnnotationsWhere(actor: AnnotationActor): Prisma.AnnotationWhereInput {
  if (hasPermission(actor.role, "annotation.readDrafts")) return {};
  return { OR: [{ status: { not: "draft" } }, { authorId: actor.id }] };
}
