import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { matchTotp } from "@/lib/auth/totp";
import { replaceRecoveryCodes, spendTotpStep } from "@/lib/auth/two-factor";
import { regenerateRecoveryCodesSchema } from "@/lib/auth/two-factor-schemas";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { parseInput, type UntrustedInput } from "@/lib/validation";

// A new set of recovery codes for someone with two-factor on (the old ones
// lost or used up): the password and a current code from the app — not a
// recovery code, which is what is being replaced. The old codes stop working
// in the same transaction that stores the new ones and audits the change.

/** Returns the new recovery codes, shown this once. */
export async function regenerateRecoveryCodes(actor: Actor, input: { password: string; code: string } | UntrustedInput): Promise<string[]> {
  const data = parseInput(regenerateRecoveryCodesSchema, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true, twoFactorEnabledAt: true, twoFactorSecret: true },
  });
  if (!user.twoFactorEnabledAt || !user.twoFactorSecret) throw new AppError("conflict", "Two-factor authentication is not on.");
  if (!(await verifyPassword(user.passwordHash, data.password))) {
    throw new AppError("unprocessable", "Your password is not correct.", { errors: { password: "Not your password." } });
  }
  const step = matchTotp(user.twoFactorSecret, data.code);
  if (step === null || !(await spendTotpStep(actor.id, step))) {
    throw new AppError("unprocessable", "That code is not the current one from your app, or was already used.", {
      errors: { code: "Not a current code from your app." },
    });
  }
  const codes = await db.$transaction(async (tx) => {
    const before = await tx.twoFactorRecoveryCode.count({ where: { userId: actor.id, usedAt: null } });
    const fresh = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.2fa_recovery_regenerated",
      entityType: "user",
      entityId: actor.id,
      before: { left: before },
      after: { left: fresh.length },
    });
    return fresh;
  });
  log.info({ event: "auth.2fa_recovery_regenerated", targetUserId: actor.id }, "recovery codes regenerated");
  return codes;
}
