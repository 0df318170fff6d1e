import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env.js";

/** PARALLAX_REQUIRE_2FA_FOR: the roles that must enrol two-factor before using Parallax. */
export function rolesRequiringTwoFactor(value = env.PARALLAX_REQUIRE_2FA_FOR): Role[] {
  return (value ?? "")
    .split(",")
    .map((role) => role.trim())
    .filter((role): role is Role => role === "analyst" || role === "reviewer" || role === "admin");
}

/**
 * Whether this person must set up two-factor before anything else: their
 * role requires it, they signed in with a password (single sign-on relies on
 * the provider's MFA), and they have not enrolled.
 */
export async function mustEnrolTwoFactor(
  actor: Actor,
  method: "password" | "sso" | undefined,
  required: Role[] = rolesRequiringTwoFactor(),
): Promise<boolean> {
  if (method === "sso" || !required.includes(actor.role)) return false;
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { twoFactorEnabledAt: true } });
  return !user?.twoFactorEnabledAt;
}
