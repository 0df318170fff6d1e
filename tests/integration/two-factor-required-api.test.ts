// PARALLAX_REQUIRE_2FA_FOR on the API (issue 20): a cookie session of someone
// whose role requires two-factor and who has not enrolled gets a 403
// problem+json naming what to do, except on the endpoints enrolment needs;
// and recovery codes can be regenerated (password + current code), the old
// ones stop working, the change is audited.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { hashPassword } from "@/lib/auth/password";
import { INVALID_CODE_ERROR, signInWithPassword } from "@/lib/auth/sign-in";
import { totpCode } from "@/lib/auth/totp";
import { enableTwoFactor, startTwoFactorSetup, twoFactorStatus } from "@/lib/auth/two-factor";
import { assertTwoFactorSettled, ENROL_FIRST_MESSAGE, rolesRequiringTwoFactor } from "@/lib/auth/two-factor-policy";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor-recovery";
import { db } from "@/lib/db";
import { PEER_HEADER, peerStamp } from "@/lib/http/client-address";
import { problemFromError, problemResponse } from "@/lib/http/problem";

const PASSWORD = "correct horse battery";
const required = rolesRequiringTwoFactor("reviewer,admin");

async function makeUser(role: "analyst" | "reviewer" | "admin") {
  const email = `tfr-${randomUUID()}@example.com`;
  const user = await db.user.create({ data: { email, name: "Needs 2FA", role, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email, name: user.name, role };
}

/** What the route layer answers for this request path. */
async function answer(actor: Awaited<ReturnType<typeof makeUser>>, method: "password" | "sso", pathname: string) {
  try {
    await assertTwoFactorSettled(actor, method, pathname, required);
    return null;
  } catch (error) {
    return problemResponse(problemFromError(error, `GET ${pathname}`));
  }
}

describe("two-factor required on the API", () => {
  it("refuses a password session that has not enrolled with 403 problem+json, except enrolment, sign-out everywhere", async () => {
    const reviewer = await makeUser("reviewer");
    for (const path of ["/api/v1/comparisons", "/api/v1/reviews/queue", "/api/v1/account/password", "/api/v1/tokens"]) {
      const response = await answer(reviewer, "password", path);
      expect(response?.status).toBe(403);
      expect(response?.headers.get("content-type")).toBe("application/problem+json");
      expect(((await response!.json()) as { detail: string }).detail).toBe(ENROL_FIRST_MESSAGE);
    }
    for (const path of ["/api/v1/account/two-factor", "/api/v1/account/two-factor/setup", "/api/v1/account/sessions"]) {
      expect(await answer(reviewer, "password", path)).toBeNull();
    }
    // Not a prefix match: a longer path is not an enrolment endpoint.
    expect((await answer(reviewer, "password", "/api/v1/account/two-factor/disable"))?.status).toBe(403);
  });

  it("lets through single sign-on, roles not listed, and the same person once enrolled", async () => {
    const reviewer = await makeUser("reviewer");
    const analyst = await makeUser("analyst");
    expect(await answer(reviewer, "sso", "/api/v1/comparisons")).toBeNull();
    expect(await answer(analyst, "password", "/api/v1/comparisons")).toBeNull();
    const { secret } = await startTwoFactorSetup(reviewer);
    expect((await answer(reviewer, "password", "/api/v1/comparisons"))?.status).toBe(403); // half-way is not enrolled
    await enableTwoFactor(reviewer, { code: totpCode(secret) });
    expect(await answer(reviewer, "password", "/api/v1/comparisons")).toBeNull();
  });
});

describe("regenerating recovery codes", () => {
  async function enrolled() {
    const actor = await makeUser("analyst");
    const { secret } = await startTwoFactorSetup(actor);
    const { recoveryCodes } = await enableTwoFactor(actor, { code: totpCode(secret) });
    return { actor, secret, recoveryCodes, nextCode: () => totpCode(secret, Date.now() + 30_000) };
  }
  const headers = () => ({ [PEER_HEADER]: peerStamp(`10.88.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) });

  it("needs the password and a current app code; old codes stop working, new ones sign in once; audited", async () => {
    const { actor, recoveryCodes, nextCode } = await enrolled();
    const code = nextCode();
    await expect(regenerateRecoveryCodes(actor, { password: "wrong password!", code })).rejects.toMatchObject({
      code: "unprocessable",
      errors: { password: expect.any(String) },
    });
    // A recovery code is not accepted here: it is what is being replaced.
    await expect(regenerateRecoveryCodes(actor, { password: PASSWORD, code: recoveryCodes[0]! })).rejects.toMatchObject({
      errors: { code: expect.any(String) },
    });
    await expect(regenerateRecoveryCodes(actor, { password: PASSWORD, code: "" })).rejects.toMatchObject({
      code: "bad_request",
      errors: { code: expect.any(String) },
    });
    expect(await db.auditEvent.count({ where: { entityId: actor.id, action: "user.2fa_recovery_regenerated" } })).toBe(0);

    const fresh = await regenerateRecoveryCodes(actor, { password: PASSWORD, code });
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => recoveryCodes.includes(c))).toEqual([]);
    expect(await twoFactorStatus(actor.id)).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: actor.id, action: "user.2fa_recovery_regenerated" } });
    expect(audit).toMatchObject({ actorId: actor.id, before: { left: 10 }, after: { left: 10 } });

    // The same app code twice is refused (used up).
    await expect(regenerateRecoveryCodes(actor, { password: PASSWORD, code })).rejects.toMatchObject({ code: "unprocessable" });
    // An old code no longer signs in; a new one does, once.
    await expect(signInWithPassword({ email: actor.email, password: PASSWORD, code: recoveryCodes[1]! }, headers())).rejects.toThrow(
      INVALID_CODE_ERROR,
    );
    expect(await signInWithPassword({ email: actor.email, password: PASSWORD, code: fresh[0]! }, headers())).toMatchObject({
      id: actor.id,
    });
    await expect(signInWithPassword({ email: actor.email, password: PASSWORD, code: fresh[0]! }, headers())).rejects.toThrow(
      INVALID_CODE_ERROR,
    );
  });

  it("is refused without two-factor on", async () => {
    const actor = await makeUser("analyst");
    await expect(regenerateRecoveryCodes(actor, { password: PASSWORD, code: "123456" })).rejects.toMatchObject({ code: "conflict" });
  });
});
