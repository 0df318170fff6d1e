import "server-only";

import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { trimTrailingSlashes } from "@/lib/text/trim-slashes";

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

/** What someone who must enrol may still call: see and set up two-factor, sign out everywhere. */
const ENROLMENT_PATHS = new Set(["/api/v1/account/two-factor", "/api/v1/account/two-factor/setup", "/api/v1/account/sessions"]);

export const ENROL_FIRST_MESSAGE = "Set up two-factor authentication first: your role requires it. Open /two-factor-setup, then try again.";

/**
 * For API calls of a cookie session: 403 while this person must enrol and has
 * not, except the endpoints enrolment needs. Pages redirect instead
 * (requirePageUser); next-auth's own routes (session, sign-out) never get here.
 */
export async function assertTwoFactorSettled(
  actor: Actor,
  method: "password" | "sso" | undefined,
  pathname: string,
  required: Role[] = rolesRequiringTwoFactor(),
): Promise<void> {
  if (ENROLMENT_PATHS.has(trimTrailingSlashes(pathname))) return;
  if (await mustEnrolTwoFactor(actor, method, required)) throw new AppError("forbidden", ENROL_FIRST_MESSAGE);
}
