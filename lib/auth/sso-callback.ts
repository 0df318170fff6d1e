import "server-only";

import type { User } from "next-auth";
import { headers } from "next/headers";

import type { OidcConfig } from "@/lib/auth/oidc-config";
import { signInWithOidc } from "@/lib/auth/sso-sign-in";
import { clientAddress } from "@/lib/http/client-address";

async function requestAddress(): Promise<string | undefined> {
  try {
    return clientAddress(await headers());
  } catch {
    return undefined; // outside a request (tests)
  }
}

/**
 * next-auth's signIn callback for the OIDC provider: true with `user` turned
 * into the Parallax account (next-auth hands this same object to the jwt
 * callback, which then issues the usual session), or the sign-in page with
 * the reason.
 */
export async function completeSsoSignIn(user: User, claims: object, config: OidcConfig): Promise<true | string> {
  const result = await signInWithOidc(claims as Record<string, unknown>, config, await requestAddress());
  if ("error" in result) return `${process.env.NEXTAUTH_URL ?? ""}/login?error=${result.error}`;
  Object.assign(user, result.user);
  return true;
}
