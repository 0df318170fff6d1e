// Who may do what with source versions, shared by the services and the UI.
// Adding a version (paste, upload, Check for updates) rewrites what every
// annotation on the source points into, so it is the source's own business:
// the person who imported it, and admins (the same rule as editing the
// source). Everyone else reads versions and diffs; admins run Check all.
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { canManageSource } from "@/lib/sources/access";

export function canAddSourceVersion(actor: Pick<Actor, "id" | "role">, source: { createdById: string | null }): boolean {
  return canManageSource(actor, source);
}

export function canCheckAllSources(actor: Pick<Actor, "role">): boolean {
  return hasPermission(actor.role, "source.checkAll");
}
