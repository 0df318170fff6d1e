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
import { AppError } from "@/lib/errors";
import { setRequestUser } from "@/lib/log";

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

/** For route handlers: the signed-in user, else a 401. */
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to use the API.");
  return user;
}

/** For pages: anonymous (or disabled) visitors go to the sign-in page. */
export async function requirePageUser(permission?: Permission): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (permission && !hasPermission(user.role, permission)) redirect("/?denied=1");
  return user;
}
