// Who may change a comparison (rename, archive, add, remove and reorder its
// sources): the person who created it, and admins. Everyone signed in reads.
// Grading its sources is open to every analyst, reviewer and admin; each grade
// records who gave it.

import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";

export function canManageComparison(actor: Pick<Actor, "id" | "role">, comparison: { createdBy: { id: string } | null }): boolean {
  if (!hasPermission(actor.role, "comparison.update")) return false;
  return comparison.createdBy?.id === actor.id || hasPermission(actor.role, "comparison.manageAny");
}

export function canGradeSources(actor: Pick<Actor, "role">): boolean {
  return hasPermission(actor.role, "comparison.grade");
}
