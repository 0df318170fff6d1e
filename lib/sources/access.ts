import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";

/** A source's metadata and text may be changed by its creator and by admins. */
export function canManageSource(actor: Pick<Actor, "id" | "role">, source: { createdById: string | null }): boolean {
  if (!hasPermission(actor.role, "source.update")) return false;
  return source.createdById === actor.id || hasPermission(actor.role, "source.manageAny");
}
