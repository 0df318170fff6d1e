import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env.js";

// Failed sign-ins are counted per account and per client address in the
// database, so the limit holds across processes and restarts.

function windowStart(): Date {
  return new Date(Date.now() - env.PARALLAX_LOGIN_WINDOW_MINUTES * 60_000);
}

export function loginKeys(email: string, ip: string | undefined): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export async function isLoginRateLimited(keys: string[]): Promise<boolean> {
  const since = windowStart();
  for (const key of keys) {
    const failures = await db.loginAttempt.count({
      where: { key, succeeded: false, createdAt: { gte: since } },
    });
    if (failures >= env.PARALLAX_LOGIN_MAX_ATTEMPTS) return true;
  }
  return false;
}

export async function recordLoginAttempt(keys: string[], succeeded: boolean): Promise<void> {
  if (succeeded) {
    // A successful sign-in forgives the account's earlier failures, not the address's.
    await db.loginAttempt.deleteMany({ where: { key: keys[0], succeeded: false } });
    return;
  }
  await db.loginAttempt.createMany({ data: keys.map((key) => ({ key })) });
  // Keep the table small: attempts older than a day serve no limit.
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 86_400_000) } } });
}
