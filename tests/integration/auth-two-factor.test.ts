// Two-factor authentication against the real database: enrolment that only
// takes effect once confirmed, sign-in asking for the code after the
// password, codes good once, recovery codes good once, wrong codes throttled
// like passwords, disabling and an admin's reset audited.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { hashPassword } from "@/lib/auth/password";
import { INVALID_CODE_ERROR, RATE_LIMITED_ERROR, signInWithPassword, TWO_FACTOR_REQUIRED_ERROR } from "@/lib/auth/sign-in";
import { totpCode } from "@/lib/auth/totp";
import {
  consumeSecondFactor,
  disableTwoFactor,
  enableTwoFactor,
  resetTwoFactor,
  startTwoFactorSetup,
  twoFactorStatus,
} from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { PEER_HEADER, peerStamp } from "@/lib/http/client-address";

const PASSWORD = "correct horse battery";

async function makeUser(role: "analyst" | "admin" = "analyst") {
  const email = `tf-${randomUUID()}@example.com`;
  const user = await db.user.create({ data: { email, name: "Two Factor", role, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email, name: user.name, role };
}
const randomIp = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const headersFrom = (ip: string) => ({ [PEER_HEADER]: peerStamp(ip) });

/** A user with two-factor on; the code of the step after the enrolment one (the enrolment code is used up). */
async function enrolled() {
  const actor = await makeUser();
  const { secret } = await startTwoFactorSetup(actor);
  const { recoveryCodes } = await enableTwoFactor(actor, { code: totpCode(secret) });
  return { actor, secret, recoveryCodes, nextCode: () => totpCode(secret, Date.now() + 30_000) };
}

describe("two-factor enrolment", () => {
  it("stays off until a code from the new secret is confirmed; an abandoned set-up changes nothing", async () => {
    const actor = await makeUser();
    const setup = await startTwoFactorSetup(actor);
    expect(setup.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    expect(await twoFactorStatus(actor.id)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    // Abandoned: password sign-in still needs no code.
    expect(await signInWithPassword({ email: actor.email, password: PASSWORD }, headersFrom(randomIp()))).toMatchObject({ id: actor.id });

    await expect(enableTwoFactor(actor, { code: "000000" })).rejects.toMatchObject({
      code: "unprocessable",
      errors: { code: expect.any(String) },
    });
    // Restarting replaces the pending secret: a code from the first one no longer enrols.
    const second = await startTwoFactorSetup(actor);
    await expect(enableTwoFactor(actor, { code: totpCode(setup.secret) })).rejects.toMatchObject({ code: "unprocessable" });

    const before = (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).sessionVersion;
    const { recoveryCodes, sessionVersion } = await enableTwoFactor(actor, { code: totpCode(second.secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(sessionVersion).toBe(before + 1); // other sessions end
    expect(await twoFactorStatus(actor.id)).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    const stored = await db.twoFactorRecoveryCode.findMany({ where: { userId: actor.id } });
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
    expect(await db.auditEvent.count({ where: { entityId: actor.id, action: "user.2fa_enabled" } })).toBe(1);
    await expect(startTwoFactorSetup(actor)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("sign-in with two-factor", () => {
  it("asks for the code after the password, accepts a current code once", async () => {
    const { actor, nextCode } = await enrolled();
    const headers = headersFrom(randomIp());
    await expect(signInWithPassword({ email: actor.email, password: PASSWORD }, headers)).rejects.toThrow(TWO_FACTOR_REQUIRED_ERROR);
    // A wrong password says nothing about two-factor.
    expect(await signInWithPassword({ email: actor.email, password: "wrong password!" }, headers)).toBeNull();

    const code = nextCode();
    expect(await signInWithPassword({ email: actor.email, password: PASSWORD, code }, headers)).toMatchObject({ id: actor.id });
    // The same code again, within its window: refused.
    await expect(signInWithPassword({ email: actor.email, password: PASSWORD, code }, headers)).rejects.toThrow(INVALID_CODE_ERROR);
    const history = await db.loginAttempt.findMany({
      where: { email: actor.email },
      orderBy: { createdAt: "asc" },
      select: { reason: true },
    });
    expect(history.map((row) => row.reason)).toEqual(["code_required", "wrong_password", null, "wrong_code"]);
  });

  it("accepts each recovery code once", async () => {
    const { actor, recoveryCodes } = await enrolled();
    const headers = headersFrom(randomIp());
    const code = recoveryCodes[3]!.toUpperCase();
    expect(await signInWithPassword({ email: actor.email, password: PASSWORD, code }, headers)).toMatchObject({ id: actor.id });
    await expect(signInWithPassword({ email: actor.email, password: PASSWORD, code }, headers)).rejects.toThrow(INVALID_CODE_ERROR);
    await expect(signInWithPassword({ email: actor.email, password: PASSWORD, code: "aaaaa-bbbbb" }, headers)).rejects.toThrow(
      INVALID_CODE_ERROR,
    );
    expect(await twoFactorStatus(actor.id)).toEqual({ enabled: true, recoveryCodesLeft: 9 });
    expect(await db.auditEvent.count({ where: { entityId: actor.id, action: "user.2fa_recovery_used" } })).toBe(1);
  });

  it("throttles wrong codes like wrong passwords", async () => {
    const { actor, nextCode } = await enrolled();
    const headers = headersFrom(randomIp());
    const max = Number(process.env.PARALLAX_LOGIN_MAX_ATTEMPTS ?? 10);
    for (let i = 0; i < max; i++) {
      await expect(signInWithPassword({ email: actor.email, password: PASSWORD, code: "000000" }, headers)).rejects.toThrow(
        INVALID_CODE_ERROR,
      );
    }
    // Even the right code is refused now, without being checked.
    await expect(signInWithPassword({ email: actor.email, password: PASSWORD, code: nextCode() }, headers)).rejects.toThrow(
      RATE_LIMITED_ERROR,
    );
  });
});

describe("turning two-factor off", () => {
  it("needs the password and a code", async () => {
    const { actor, nextCode } = await enrolled();
    await expect(disableTwoFactor(actor, { password: "not it at all", code: nextCode() })).rejects.toMatchObject({
      errors: { password: expect.any(String) },
    });
    await expect(disableTwoFactor(actor, { password: PASSWORD, code: "000000" })).rejects.toMatchObject({
      errors: { code: expect.any(String) },
    });
    expect(await twoFactorStatus(actor.id)).toMatchObject({ enabled: true });
    await disableTwoFactor(actor, { password: PASSWORD, code: nextCode() });
    expect(await twoFactorStatus(actor.id)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect(await db.twoFactorRecoveryCode.count({ where: { userId: actor.id } })).toBe(0);
    expect(await signInWithPassword({ email: actor.email, password: PASSWORD }, headersFrom(randomIp()))).toMatchObject({ id: actor.id });
  });

  it("an admin resets it, audited, ending the person's sessions; others may not", async () => {
    const { actor } = await enrolled();
    const admin = await makeUser("admin");
    await expect(resetTwoFactor(actor, actor.id)).rejects.toMatchObject({ code: "forbidden" });
    const before = (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).sessionVersion;
    await resetTwoFactor(admin, actor.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(after).toMatchObject({ twoFactorSecret: null, twoFactorEnabledAt: null, sessionVersion: before + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: actor.id, action: "user.2fa_reset" } });
    expect(audit.actorId).toBe(admin.id);
    await expect(resetTwoFactor(admin, actor.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await consumeSecondFactor(actor.id, "123456")).toBeNull();
  });
});
