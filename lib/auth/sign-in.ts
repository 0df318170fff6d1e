import "server-only";

/**
 * Password sign-in (next-auth's credentials `authorize`): throttle, check,
 * record. Unknown email, wrong password and disabled account all answer the
 * same (null) after the same work; a throttled attempt is refused before the
 * password is looked at. Each attempt goes to the sign-in history and the
 * security log, and — when the account exists — to its audit trail.
 */
import { burnVerification, verifyPassword } from "@/lib/auth/password";
import { recordAttempt, reserveAttempt, settleSuccess, throttleKeys, type SignInOutcome } from "@/lib/auth/rate-limit";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/http/client-address";
import { log, setRequestUser } from "@/lib/log";
import { z } from "@/lib/zod";

export const RATE_LIMITED_ERROR = "RateLimited";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type SignedInUser = { id: string; email: string; name: string; role: "analyst" | "reviewer" | "admin"; sessionVersion: number };

const auditActions: Record<SignInOutcome, AuditAction> = {
  success: "user.sign_in",
  wrong_password: "user.sign_in_failed",
  unknown_account: "user.sign_in_failed",
  disabled: "user.sign_in_failed",
  throttled: "user.sign_in_throttled",
};

async function record(
  outcome: SignInOutcome,
  email: string,
  ip: string | undefined,
  userId: string | null,
  extra: object = {},
): Promise<void> {
  await recordAttempt({ email, ip, userId, outcome });
  if (userId) {
    await recordAudit(db, {
      actorId: outcome === "success" ? userId : null,
      action: auditActions[outcome],
      entityType: "user",
      entityId: userId,
      after: { ip: ip ?? null, outcome, ...extra },
    });
  }
  const entry = { event: `auth.sign_in.${outcome}`, email, ip: ip ?? null, targetUserId: userId, ...extra };
  if (outcome === "success") log.info(entry, "signed in");
  else log.warn(entry, outcome === "throttled" ? "sign-in throttled" : "sign-in failed");
}

export async function signInWithPassword(
  credentials: Record<string, string> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientAddress(headers);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });

  const keys = await throttleKeys(email, ip);
  const reservation = await reserveAttempt(keys);
  if (!reservation.isAllowed) {
    await record("throttled", email, ip, user?.id ?? null, { retryAfterSeconds: reservation.retryAfterSeconds });
    throw new Error(RATE_LIMITED_ERROR);
  }

  const isValid = user ? await verifyPassword(user.passwordHash, password) : (await burnVerification(password), false);
  if (!user || !isValid || user.disabledAt) {
    await record(!user ? "unknown_account" : !isValid ? "wrong_password" : "disabled", email, ip, user?.id ?? null);
    return null;
  }
  await settleSuccess(keys);
  setRequestUser(user.id);
  await record("success", email, ip, user.id);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
