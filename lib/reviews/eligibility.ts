import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { isReviewable } from "@/lib/annotations/state";
import type { AnnotationStatus } from "@/lib/annotations/schemas";

/** Whether to offer review buttons; the service re-checks all of it. */
export function canReviewAnnotation(
  actor: Pick<Actor, "id" | "role">,
  annotation: { status: AnnotationStatus; author: { id: string } },
): boolean {
  return hasPermission(actor.role, "annotation.review") && annotation.author.id !== actor.id && isReviewable(annotation.status);
}
