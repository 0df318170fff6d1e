import "server-only";

/**
 * Two-factor authentication (TOTP, lib/auth/totp.ts) for password sign-in.
 * Enrolment keeps the new secret pending until a code from it is confirmed,
 * so an abandoned enrolment leaves the account as it was. Enabling, disabling
 * and an admin's reset are audited in the same transaction and end the
 * person's other sessions. A TOTP code is accepted once (the step is stored
 * with a compare-and-set); a recovery code once (marked used the same way).
 */
import QRCode from "qrcode";

import type { Actor } from "@/lib/auth/actor";
import { assertPermission } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { revokeSessions } from "@/lib/auth/sessions";
import { disableTwoFactorSchema, enableTwoFactorSchema } from "@/lib/auth/two-factor-schemas";
import { createRecoveryCodes, createTotpSecret, hashRecoveryCode, looksLikeRecoveryCode, matchTotp, totpUri } from "@/lib/auth/totp";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

export type TwoFactorSetup = { secret: string; uri: string; qrSvg: string };

/** Starts (or restarts) enrolment: a fresh pending secret, its QR code rendered here on the server. */
export async function startTwoFactorSetup(actor: Actor): Promise<TwoFactorSetup> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { twoFactorEnabledAt: true } });
  if (user.twoFactorEnabledAt)
    throw new AppError("conflict", "Two-factor authentication is already on. Turn it off first to enrol a new device.");
  const secret = createTotpSecret();
  await db.user.update({ where: { id: actor.id }, data: { twoFactorPendingSecret: secret }, select: { id: true } });
  const uri = totpUri(secret, actor.email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = createRecoveryCodes();
  await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
  await tx.twoFactorRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Confirms enrolment with a code from the pending secret; returns the recovery codes (shown once) and this session's new version. */
export async function enableTwoFactor(actor: Actor, input: { code: string } | UntrustedInput) {
  const { code } = parseInput(enableTwoFactorSchema, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { twoFactorPendingSecret: true, twoFactorEnabledAt: true },
  });
  if (user.twoFactorEnabledAt) throw new AppError("conflict", "Two-factor authentication is already on.");
  if (!user.twoFactorPendingSecret) throw new AppError("conflict", "Start the set-up again: no enrolment is in progress.");
  const step = matchTotp(user.twoFactorPendingSecret, code);
  if (step === null) {
    throw new AppError("unprocessable", "That code does not match. Check the time on your device and enter the current code.", {
      errors: { code: "Not the current code." },
    });
  }
  const secret = user.twoFactorPendingSecret;
  const result = await db.$transaction(async (tx) => {
    // Only the enrolment this request checked: a concurrent restart leaves nothing half-enabled.
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, twoFactorPendingSecret: secret, twoFactorEnabledAt: null },
      data: { twoFactorSecret: secret, twoFactorPendingSecret: null, twoFactorEnabledAt: new Date(), twoFactorLastStep: step },
    });
    if (count !== 1) throw new AppError("conflict", "The set-up changed meanwhile. Start again.");
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.2fa_enabled",
      entityType: "user",
      entityId: actor.id,
      after: { method: "totp" },
    });
    await revokeSessions(actor.id, { actorId: actor.id, reason: "2fa_change", tx });
    const { sessionVersion } = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } });
    return { recoveryCodes, sessionVersion };
  });
  log.info({ event: "auth.2fa_enabled", targetUserId: actor.id }, "two-factor enabled");
  return result;
}

export type SecondFactor = "totp" | "recovery" | null;

/** Marks a matched TOTP step used; false when this code (or a later one) was already used. */
export async function spendTotpStep(userId: string, step: number): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ twoFactorLastStep: null }, { twoFactorLastStep: { lt: step } }] },
    data: { twoFactorLastStep: step },
  });
  return count === 1;
}

/** Checks a TOTP or recovery code for a user with two-factor on, and uses it up. */
export async function consumeSecondFactor(userId: string, code: string): Promise<SecondFactor> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { twoFactorSecret: true, twoFactorEnabledAt: true } });
  if (!user?.twoFactorSecret || !user.twoFactorEnabledAt) return null;
  const step = matchTotp(user.twoFactorSecret, code);
  if (step !== null) return (await spendTotpStep(userId, step)) ? "totp" : null;
  if (!looksLikeRecoveryCode(code)) return null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.twoFactorRecoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count !== 1) return null;
    const left = await tx.twoFactorRecoveryCode.count({ where: { userId, usedAt: null } });
    await recordAudit(tx, { actorId: userId, action: "user.2fa_recovery_used", entityType: "user", entityId: userId, after: { left } });
    return "recovery" as const;
  });
}

async function clearTwoFactor(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { twoFactorSecret: null, twoFactorPendingSecret: null, twoFactorEnabledAt: null, twoFactorLastStep: null },
    select: { id: true },
  });
  await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
}

/** Turns two-factor off: the password and a current (or recovery) code. Returns this session's new version. */
export async function disableTwoFactor(actor: Actor, input: { password: string; code: string } | UntrustedInput) {
  const data = parseInput(disableTwoFactorSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, twoFactorEnabledAt: true } });
  if (!user.twoFactorEnabledAt) throw new AppError("conflict", "Two-factor authentication is not on.");
  if (!(await verifyPassword(user.passwordHash, data.password))) {
    throw new AppError("unprocessable", "Your password is not correct.", { errors: { password: "Not your password." } });
  }
  if (!(await consumeSecondFactor(actor.id, data.code))) {
    throw new AppError("unprocessable", "That code is not valid or was already used.", { errors: { code: "Not a valid code." } });
  }
  const sessionVersion = await db.$transaction(async (tx) => {
    await clearTwoFactor(tx, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.2fa_disabled",
      entityType: "user",
      entityId: actor.id,
      after: { by: "self" },
    });
    await revokeSessions(actor.id, { actorId: actor.id, reason: "2fa_change", tx });
    return (await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } })).sessionVersion;
  });
  log.info({ event: "auth.2fa_disabled", targetUserId: actor.id }, "two-factor disabled");
  return { sessionVersion };
}

/** An admin turns a person's two-factor off (a lost device); their sessions end. */
export async function resetTwoFactor(actor: Actor, userId: string): Promise<void> {
  assertPermission(actor, "user.manage");
  assertId(userId, "user");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { twoFactorEnabledAt: true, twoFactorPendingSecret: true } });
    if (!user) throw new AppError("not_found", "No such user.");
    if (!user.twoFactorEnabledAt && !user.twoFactorPendingSecret)
      throw new AppError("conflict", "This person has no two-factor authentication to reset.");
    await clearTwoFactor(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.2fa_reset",
      entityType: "user",
      entityId: userId,
      before: { enabled: Boolean(user.twoFactorEnabledAt) },
    });
    await revokeSessions(userId, { actorId: actor.id, reason: "2fa_change", tx });
  });
  log.info({ event: "admin.2fa_reset", targetUserId: userId }, "two-factor reset by an admin");
}

export async function twoFactorStatus(userId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { twoFactorEnabledAt: true } });
  const recoveryCodesLeft = user.twoFactorEnabledAt ? await db.twoFactorRecoveryCode.count({ where: { userId, usedAt: null } }) : 0;
  return { enabled: Boolean(user.twoFactorEnabledAt), recoveryCodesLeft };
}
