import "server-only";

/**
 * Session validity and revocation. Sessions are next-auth JWTs; each carries
 * the user's session version at sign-in (`sv`) and the sign-in time
 * (`authTime`). A token is honoured only while the user exists, is enabled,
 * still has that session version, and signed in less than
 * PARALLAX_SESSION_MAX_HOURS ago — refreshing the token never extends that.
 * Bumping the version (revokeSessions) ends every session of the user at once.
 */
import type { JWT } from "next-auth/jwt";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env.js";
import { log } from "@/lib/log";

/** The absolute session lifetime, in seconds. */
export function sessionMaxAgeSeconds(): number {
  return Math.round(env.PARALLAX_SESSION_MAX_HOURS * 3600);
}

export type SessionClaims = { sub?: string; sv?: number; authTime?: number };

/**
 * The one check that turns a session token into the acting user, or null.
 * Used for every request (lib/auth/session.ts) and every session refresh
 * (the next-auth jwt callback).
 */
export async function actorFromSession(token: (JWT & SessionClaims) | null): Promise<Actor | null> {
  if (!token?.sub || typeof token.sv !== "number" || typeof token.authTime !== "number") return null;
  if (Date.now() / 1000 - token.authTime > sessionMaxAgeSeconds()) return null;
  const user = await db.user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export type RevokeReason =
  "sign_out" | "sign_out_everywhere" | "password_change" | "password_reset" | "role_change" | "disabled" | "2fa_change";

export type RevokeOptions = { actorId: string | null; reason: RevokeReason; tx?: Tx };

/**
 * Ends every session of the user (all devices): bumps the session version and
 * records who did it and why, in the caller's transaction when given one
 * (the caller then logs the change it belongs to).
 */
export async function revokeSessions(userId: string, options: RevokeOptions): Promise<void> {
  const run = async (tx: Tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "user.sessions_revoked",
      entityType: "user",
      entityId: userId,
      after: { reason: options.reason },
    });
  };
  if (options.tx) return run(options.tx);
  await db.$transaction(run);
  log.info({ event: "auth.sessions_revoked", targetUserId: userId, reason: options.reason }, "sessions revoked");
}
