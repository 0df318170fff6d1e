import "server-only";

import { encode, getToken } from "next-auth/jwt";
import { cookies } from "next/headers";

import { sessionMaxAgeSeconds } from "@/lib/auth/sessions";

/** next-auth's session cookie name: the __Secure- prefix when the app is served over https. */
function sessionCookieName(): { name: string; isSecure: boolean } {
  const isSecure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  return { name: `${isSecure ? "__Secure-" : ""}next-auth.session-token`, isSecure };
}

/**
 * Keeps this session alive after its user's session version was bumped (a
 * password change signs out the OTHER sessions): the same token, the new
 * version, the original sign-in time — so the absolute lifetime still counts
 * from the real sign-in.
 */
export async function renewSessionCookie(sessionVersion: number): Promise<void> {
  const store = await cookies();
  const secret = process.env.NEXTAUTH_SECRET!;
  const token = await getToken({ req: { cookies: store, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], secret });
  if (!token) return;
  const maxAge = sessionMaxAgeSeconds();
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge });
  const { name, isSecure } = sessionCookieName();
  store.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: isSecure, maxAge });
}
