import { hasPermission, type Permission, type Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** The signed-in person as every service receives them. */
export type Actor = { id: string; email: string; name: string; role: Role };

export function assertPermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) {
    throw new AppError("forbidden", "Your role does not allow this.");
  }
}
