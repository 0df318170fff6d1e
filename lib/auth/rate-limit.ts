import "server-only";

/**
 * Sign-in throttling: growing delays, not a lock strangers can trigger.
 *
 * Every attempt is charged BEFORE the password is checked, on each of its
 * keys (the account, and the client address), in one SQL statement: a row
 * lock per key makes parallel guesses count one after another, so exactly
 * PARALLAX_LOGIN_MAX_ATTEMPTS of them reach the password check. From that
 * many on, each attempt blocks the key for 30 s, then 1, 2, 4… minutes (at
 * most PARALLAX_LOGIN_WINDOW_MINUTES); a blocked attempt is refused without a
 * password check and without growing the delay. A success forgives the
 * account and refunds its charge on the address. Counters forget after twice
 * the window without attempts.
 *
 * Someone who signed in successfully from an address within 30 days is
 * throttled there by their own failures only (key "pair:"), so a stranger
 * hammering the account from elsewhere cannot lock its owner out, nor can
 * one noisy neighbour behind a shared address.
 *
 * Every attempt is also kept as history (LoginAttempt) for 90 days.
 */
import { db } from "@/lib/db";
import { env } from "@/lib/env.js";
import { Prisma } from "@/lib/generated/prisma/client";

const KNOWN_ADDRESS_DAYS = 30;
const HISTORY_DAYS = 90;
const FIRST_DELAY_SECONDS = 30;

export type SignInOutcome = "success" | "wrong_password" | "unknown_account" | "disabled" | "throttled";

export type Reservation = { isAllowed: true; keys: string[] } | { isAllowed: false; keys: string[]; retryAfterSeconds: number };

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/** The keys an attempt is charged to (see the module comment). */
export async function throttleKeys(email: string, ip: string | undefined): Promise<string[]> {
  if (!ip) return [`account:${email}`];
  const known = await db.loginAttempt.findFirst({
    where: { email, ip, succeeded: true, createdAt: { gte: daysAgo(KNOWN_ADDRESS_DAYS) } },
    select: { id: true },
  });
  return known ? [`pair:${email}|${ip}`] : [`account:${email}`, `ip:${ip}`];
}

/** Charges one attempt to every key, unless one of them is blocked. One statement, atomic per key. */
export async function reserveAttempt(keys: string[]): Promise<Reservation> {
  const max = env.PARALLAX_LOGIN_MAX_ATTEMPTS;
  const windowMinutes = env.PARALLAX_LOGIN_WINDOW_MINUTES;
  // The key's count including this attempt; a quiet period of twice the window starts it over.
  const charged = Prisma.sql`CASE WHEN t."lastFailureAt" < now() - make_interval(mins => ${windowMinutes * 2}) THEN 1 ELSE t."failures" + 1 END`;
  const delayFor = (count: Prisma.Sql) =>
    Prisma.sql`CASE WHEN ${count} >= ${max} THEN now() + make_interval(secs => LEAST(${windowMinutes * 60}, ${FIRST_DELAY_SECONDS} * power(2, ${count} - ${max}))) END`;
  const rows = await db.$queryRaw<Array<{ reserved: number; blockedUntil: Date | null }>>`
    WITH blocked AS (
      SELECT max("blockedUntil") AS "until" FROM "LoginThrottle" WHERE "key" = ANY(${keys}::text[]) AND "blockedUntil" > now()
    ), charged AS (
      INSERT INTO "LoginThrottle" AS t ("key", "failures", "lastFailureAt", "blockedUntil")
      SELECT k, 1, now(), ${delayFor(Prisma.sql`1`)} FROM unnest(${keys}::text[]) AS k
      WHERE (SELECT "until" FROM blocked) IS NULL
      ON CONFLICT ("key") DO UPDATE SET "failures" = ${charged}, "lastFailureAt" = now(), "blockedUntil" = ${delayFor(charged)}
      WHERE t."blockedUntil" IS NULL OR t."blockedUntil" <= now()
      RETURNING t."key"
    )
    SELECT (SELECT count(*) FROM charged)::int AS "reserved", (SELECT "until" FROM blocked) AS "blockedUntil"`;
  const { reserved, blockedUntil } = rows[0] ?? { reserved: 0, blockedUntil: null };
  if (reserved === keys.length) return { isAllowed: true, keys };
  // Blocked, or a parallel attempt blocked a key first (its row lock made this one wait and see it).
  const retryAfterSeconds = blockedUntil ? Math.max(1, Math.ceil((blockedUntil.getTime() - Date.now()) / 1000)) : FIRST_DELAY_SECONDS;
  return { isAllowed: false, keys, retryAfterSeconds };
}

/** After a success: the account (or account-and-address) key is forgiven, the address key refunded. */
export async function settleSuccess(keys: string[]): Promise<void> {
  const forgiven = keys.filter((key) => !key.startsWith("ip:"));
  const refunded = keys.filter((key) => key.startsWith("ip:"));
  await db.$transaction([
    db.loginThrottle.updateMany({ where: { key: { in: forgiven } }, data: { failures: 0, blockedUntil: null } }),
    db.$executeRaw`
      UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0),
        "blockedUntil" = CASE WHEN "failures" - 1 >= ${env.PARALLAX_LOGIN_MAX_ATTEMPTS} THEN "blockedUntil" ELSE NULL END
      WHERE "key" = ANY(${refunded}::text[])`,
  ]);
}

export type AttemptRecord = { email: string; ip?: string; userId?: string | null; outcome: SignInOutcome };

/** Adds the attempt to the history, and drops history and counters past their time. */
export async function recordAttempt(attempt: AttemptRecord): Promise<void> {
  const succeeded = attempt.outcome === "success";
  await db.loginAttempt.create({
    data: {
      email: attempt.email,
      ip: attempt.ip ?? null,
      userId: attempt.userId ?? null,
      succeeded,
      reason: succeeded ? null : attempt.outcome,
    },
  });
  if (!succeeded) {
    await db.loginAttempt.deleteMany({ where: { createdAt: { lt: daysAgo(HISTORY_DAYS) } } });
    await db.loginThrottle.deleteMany({
      where: { lastFailureAt: { lt: daysAgo(1) }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: new Date() } }] },
    });
  }
}
