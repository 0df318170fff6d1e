// An admin's view of one person (/admin/users/:id) against the real
// database: admins only, sign-in history, the audit trail paged by cursor
// without gaps or repeats, "sign out everywhere" — and who must enrol
// two-factor (PARALLAX_REQUIRE_2FA_FOR).
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { hashPassword } from "@/lib/auth/password";
import { actorFromSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { totpCode } from "@/lib/auth/totp";
import { enableTwoFactor, startTwoFactorSetup } from "@/lib/auth/two-factor";
import { mustEnrolTwoFactor, rolesRequiringTwoFactor } from "@/lib/auth/two-factor-policy";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AUDIT_PAGE_SIZE, getUserDetail, listUserAudit, signOutUserEverywhere } from "@/lib/users/detail";

async function makeUser(role: "analyst" | "reviewer" | "admin" = "analyst") {
  const email = `detail-${randomUUID()}@example.com`;
  const user = await db.user.create({
    data: { email, name: "Detail Person", role, passwordHash: await hashPassword("correct horse battery") },
  });
  return { id: user.id, email, name: user.name, role };
}

describe("admin user detail", () => {
  it("is for admins only and 404s an unknown or malformed id", async () => {
    const person = await makeUser();
    const admin = await makeUser("admin");
    await expect(getUserDetail(person, person.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUserAudit(person, person.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(signOutUserEverywhere(person, admin.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getUserDetail(admin, randomUUID())).rejects.toMatchObject({ code: "not_found" });
    await expect(getUserDetail(admin, "nope")).rejects.toMatchObject({ code: "not_found" });
    await expect(listUserAudit(admin, person.id, { cursor: "nope" })).rejects.toMatchObject({
      code: "bad_request",
      errors: { cursor: "Not a valid cursor." },
    });
  });

  it("shows recent sign-ins, two-factor state and pages the audit trail", async () => {
    const person = await makeUser();
    const admin = await makeUser("admin");
    await signInWithPassword({ email: person.email, password: "wrong password here" }, undefined);
    await signInWithPassword({ email: person.email, password: "correct horse battery" }, undefined);
    const detail = await getUserDetail(admin, person.id);
    expect(detail).toMatchObject({ email: person.email, role: "analyst", isDisabled: false, twoFactor: { enabled: false } });
    expect(detail.signIns.map((s) => (s.succeeded ? "ok" : s.reason))).toEqual(["ok", "wrong_password"]);

    // 2 sign-in events so far; add enough for three pages.
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
      await recordAudit(db, { actorId: person.id, action: "comment.create", entityType: "comment", entityId: randomUUID() });
    }
    const first = await listUserAudit(admin, person.id);
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listUserAudit(admin, person.id, { cursor: first.nextCursor! });
    expect(second.entries).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(AUDIT_PAGE_SIZE + 7);
    expect(second.entries.at(-1)).toMatchObject({ action: "user.sign_in_failed", isOnAccount: true });
    expect(first.entries[0]).toMatchObject({ action: "comment.create", isOnAccount: false, actorName: "Detail Person" });
  });

  it("signs a person out everywhere, audited with the admin as actor", async () => {
    const person = await makeUser();
    const admin = await makeUser("admin");
    const token = { sub: person.id, sv: 0, authTime: Math.floor(Date.now() / 1000) };
    expect(await actorFromSession(token)).not.toBeNull();
    await signOutUserEverywhere(admin, person.id);
    expect(await actorFromSession(token)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: person.id, action: "user.sessions_revoked" } });
    expect(audit.actorId).toBe(admin.id);
  });
});

describe("PARALLAX_REQUIRE_2FA_FOR", () => {
  it("reads a role list, ignoring spacing", () => {
    expect(rolesRequiringTwoFactor("reviewer, admin")).toEqual(["reviewer", "admin"]);
    expect(rolesRequiringTwoFactor(undefined)).toEqual([]);
  });

  it("sends required roles without two-factor to enrol, except single sign-on sessions", async () => {
    const reviewer = await makeUser("reviewer");
    const analyst = await makeUser("analyst");
    const required = rolesRequiringTwoFactor("reviewer,admin");
    expect(await mustEnrolTwoFactor(reviewer, "password", required)).toBe(true);
    expect(await mustEnrolTwoFactor(reviewer, "sso", required)).toBe(false);
    expect(await mustEnrolTwoFactor(analyst, "password", required)).toBe(false);
    expect(await mustEnrolTwoFactor(reviewer, "password", [])).toBe(false);
    const { secret } = await startTwoFactorSetup(reviewer);
    // Half-way through enrolment is not enrolled.
    expect(await mustEnrolTwoFactor(reviewer, "password", required)).toBe(true);
    await enableTwoFactor(reviewer, { code: totpCode(secret) });
    expect(await mustEnrolTwoFactor(reviewer, "password", required)).toBe(false);
  });
});
