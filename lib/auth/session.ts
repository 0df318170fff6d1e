import "server-only";

import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { authOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { actorFromSession } from "@/lib/auth/sessions";
import { assertTwoFactorSettled, mustEnrolTwoFactor } from "@/lib/auth/two-factor-policy";
import { AppError } from "@/lib/errors";
import { setRequestUser } from "@/lib/log";
import { actorFromToken, bearerSecret } from "@/lib/tokens/authenticate";

export type { Actor } from "@/lib/auth/actor";

export const getSession = cache(() => getServerSession(authOptions));

/** The session cookie's token, decoded and signature-checked by next-auth (no other check yet). */
async function readSessionToken() {
  // Cookies only: an Authorization header is for API tokens, resolved separately.
  return getToken({
    req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: process.env.NEXTAUTH_SECRET,
  });
}

/**
 * Who is making this request: resolved once per request from the session
 * cookie, re-checked against the database (disabled, role, session version,
 * absolute lifetime — lib/auth/sessions.ts), so a change takes effect at
 * once, not at token expiry. This is the one place a request becomes an
 * Actor; another credential (an API token) belongs beside the session here.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const actor = await actorFromSession(await readSessionToken());
  setRequestUser(actor?.id ?? null);
  return actor;
});

/**
 * For route handlers: the user of an `Authorization: Bearer` API token
 * (lib/tokens/authenticate.ts; a bad token is a 401, never a fallback to the
 * cookie), else the signed-in user, else a 401. A signed-in user whose role
 * requires two-factor and who has not enrolled gets a 403 except on the
 * enrolment endpoints (lib/auth/two-factor-policy.ts).
 */
export async function requireUser(request?: Request): Promise<Actor> {
  const secret = request ? bearerSecret(request.headers) : null;
  if (secret !== null) {
    const actor = await actorFromToken(secret);
    setRequestUser(actor.id);
    return actor;
  }
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to use the API.");
  if (request) await assertTwoFactorSettled(user, (await readSessionToken())?.method, new URL(request.url).pathname);
  return user;
}

/**
 * For pages: anonymous (or disabled) visitors go to the sign-in page; people
 * whose role requires two-factor (PARALLAX_REQUIRE_2FA_FOR) and who have not
 * enrolled go to set it up first.
 */
export async function requirePageUser(permission?: Permission): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (await mustEnrolTwoFactor(user, (await readSessionToken())?.method)) redirect("/two-factor-setup");
  if (permission && !hasPermission(user.role, permission)) redirect("/?denied=1");
  return user;
}
