import { hasPermission, type Permission, type Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { TokenScope } from "@/lib/tokens/schemas";

/** The signed-in person as every service receives them. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Set when the request came with an API token (lib/tokens) rather than a session cookie. */
  token?: { id: string; scopes: TokenScope[] };
};

export function assertPermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) {
    throw new AppError("forbidden", "Your role does not allow this.");
  }
}
