import "server-only";

/**
 * Single sign-on (OpenID Connect), after next-auth has checked the callback
 * (state, PKCE, nonce, ID token signature, issuer, audience): decide who the
 * person is in Parallax. The email must be verified by the provider; it
 * matches an existing account (emails are stored lower-cased); an unknown
 * email gets an analyst account only with OIDC_AUTO_CREATE; a disabled
 * account is refused whatever the provider says; a configured group claim
 * sets the role (audited, other sessions end). The session that follows is
 * the same JWT session a password sign-in gets (lib/auth/sessions.ts).
 */
import { randomBytes } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import { roleFromClaims, type OidcConfig } from "@/lib/auth/oidc-config";
import type { SignedInUser } from "@/lib/auth/sign-in";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { log, setRequestUser } from "@/lib/log";
import { z } from "@/lib/zod";

/** Refusals, as next-auth error codes the sign-in page explains (components/auth/sign-in-errors.ts). */
export const SSO_ERRORS = { unverified: "SsoEmailUnverified", notAllowed: "SsoNotAllowed" } as const;

export type SsoResult = { user: SignedInUser } | { error: (typeof SSO_ERRORS)[keyof typeof SSO_ERRORS] };

type Refusal = "sso_unverified_email" | "sso_unknown_account" | "sso_disabled";

const emailSchema = z.string().trim().toLowerCase().email().max(320);
const userSelect = { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true } as const;

async function refuse(reason: Refusal, email: string | null, ip: string | undefined, userId: string | null): Promise<SsoResult> {
  await db.loginAttempt.create({ data: { email, ip: ip ?? null, userId, succeeded: false, reason } });
  if (userId) {
    await recordAudit(db, {
      actorId: null,
      action: "user.sign_in_failed",
      entityType: "user",
      entityId: userId,
      after: { method: "sso", ip: ip ?? null, outcome: reason },
    });
  }
  log.warn({ event: `auth.sign_in.${reason}`, email, ip: ip ?? null, targetUserId: userId }, "single sign-on refused");
  return { error: reason === "sso_unverified_email" ? SSO_ERRORS.unverified : SSO_ERRORS.notAllowed };
}

function displayName(claims: Record<string, unknown>, email: string): string {
  const name = typeof claims.name === "string" ? claims.name.trim() : "";
  return (name || email.split("@")[0] || email).slice(0, 200);
}

export async function signInWithOidc(claims: Record<string, unknown>, config: OidcConfig, ip: string | undefined): Promise<SsoResult> {
  const parsedEmail = emailSchema.safeParse(claims.email);
  const email = parsedEmail.success ? parsedEmail.data : null;
  // Only the provider's word that the address is the person's lets it stand for a Parallax account.
  if (!email || claims.email_verified !== true) return refuse("sso_unverified_email", email, ip, null);

  let user = await db.user.findUnique({ where: { email }, select: userSelect });
  if (!user && !config.autoCreate) return refuse("sso_unknown_account", email, ip, null);
  if (user?.disabledAt) return refuse("sso_disabled", email, ip, user.id);
  const mappedRole = roleFromClaims(claims, config);

  if (!user) {
    // No usable password: the person signs in through the provider (an admin may set one later).
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    const role = mappedRole ?? "analyst";
    user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, name: displayName(claims, email), role, passwordHash }, select: userSelect });
      await recordAudit(tx, {
        actorId: created.id,
        action: "user.sso_created",
        entityType: "user",
        entityId: created.id,
        after: { email, name: created.name, role, issuer: config.issuer },
      });
      return created;
    });
    log.info({ event: "auth.sso_user_created", targetUserId: user.id, role }, "account created by single sign-on");
  } else if (mappedRole && mappedRole !== user.role) {
    user = await applyMappedRole(user, mappedRole);
  }

  await db.loginAttempt.create({ data: { email, ip: ip ?? null, userId: user.id, succeeded: true } });
  await recordAudit(db, {
    actorId: user.id,
    action: "user.sign_in",
    entityType: "user",
    entityId: user.id,
    after: { method: "sso", ip: ip ?? null, outcome: "success" },
  });
  setRequestUser(user.id);
  log.info({ event: "auth.sign_in.success", method: "sso", email, ip: ip ?? null, targetUserId: user.id }, "signed in");
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

type UserRow = { id: string; email: string; name: string; role: SignedInUser["role"]; disabledAt: Date | null; sessionVersion: number };

/** The provider's groups decide the role; the person's other sessions end, as with an admin's role change. */
async function applyMappedRole(user: UserRow, role: SignedInUser["role"]): Promise<UserRow> {
  return db.$transaction(async (tx) => {
    if (user.role === "admin") {
      // Never leave Parallax without an active admin because of a provider's group list.
      const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (admins <= 1) {
        log.warn({ event: "auth.sso_role_kept", targetUserId: user.id, mappedRole: role }, "last admin kept their role");
        return user;
      }
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role, sessionVersion: { increment: 1 } },
      select: userSelect,
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.sso_role_mapped",
      entityType: "user",
      entityId: user.id,
      before: { role: user.role },
      after: { role, reason: "identity provider groups" },
    });
    return updated;
  });
}
