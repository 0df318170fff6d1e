// Single sign-on decisions after the provider's callback was verified
// (lib/auth/sso-sign-in.ts), against the real database: verified email
// only, matching existing accounts case-insensitively, auto-create only when
// configured, disabled accounts refused, group claims mapped to roles with an
// audit row — and the session that follows is an ordinary one.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { parseRoleMap, type OidcConfig } from "@/lib/auth/oidc-config";
import { hashPassword } from "@/lib/auth/password";
import { actorFromSession } from "@/lib/auth/sessions";
import { signInWithOidc } from "@/lib/auth/sso-sign-in";
import { db } from "@/lib/db";

const config = (overrides: Partial<OidcConfig> = {}): OidcConfig => ({
  issuer: "http://127.0.0.1:1/issuer",
  clientId: "parallax",
  clientSecret: "secret",
  name: "Example IdP",
  autoCreate: false,
  roleClaim: null,
  roleMap: [],
  ...overrides,
});
const mapped = config({ roleClaim: "groups", roleMap: parseRoleMap("px-admins=admin, px-reviewers=reviewer,px-analysts=analyst") });

async function makeUser(options: { role?: "analyst" | "reviewer" | "admin"; disabled?: boolean } = {}) {
  const email = `sso-${randomUUID()}@example.com`;
  return db.user.create({
    data: {
      email,
      name: "SSO Person",
      role: options.role ?? "analyst",
      passwordHash: await hashPassword("correct horse battery"),
      disabledAt: options.disabled ? new Date() : null,
    },
  });
}

const claimsFor = (email: string, extra: Record<string, unknown> = {}) => ({ sub: randomUUID(), email, email_verified: true, ...extra });

describe("single sign-on", () => {
  it("signs in an existing account by verified email, in any case, into an ordinary session", async () => {
    const user = await makeUser();
    const result = await signInWithOidc(claimsFor(user.email.toUpperCase()), config(), "10.9.8.7");
    expect(result).toEqual({ user: { id: user.id, email: user.email, name: "SSO Person", role: "analyst", sessionVersion: 0 } });

    // The jwt callback turns this into {sub, sv, authTime}: the same check as a password session.
    const token = { sub: user.id, sv: 0, authTime: Math.floor(Date.now() / 1000) };
    expect(await actorFromSession(token)).toMatchObject({ id: user.id, role: "analyst" });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await actorFromSession(token)).toBeNull();

    const history = await db.loginAttempt.findMany({ where: { userId: user.id } });
    expect(history).toMatchObject([{ succeeded: true, ip: "10.9.8.7" }]);
    const audit = await db.auditEvent.findMany({ where: { entityId: user.id, action: "user.sign_in" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ method: "sso", outcome: "success" });
  });

  it("refuses an unverified or missing email before looking for the account", async () => {
    const user = await makeUser();
    for (const claims of [
      claimsFor(user.email, { email_verified: false }),
      claimsFor(user.email, { email_verified: "true" }),
      { sub: "x", email_verified: true },
    ]) {
      expect(await signInWithOidc(claims, config({ autoCreate: true }), undefined)).toEqual({ error: "SsoEmailUnverified" });
    }
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.sign_in" } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { email: user.email, reason: "sso_unverified_email" } })).toBe(2);
  });

  it("refuses an unknown person unless auto-create is on, then creates an analyst once", async () => {
    const email = `newcomer-${randomUUID()}@example.com`;
    expect(await signInWithOidc(claimsFor(email), config(), undefined)).toEqual({ error: "SsoNotAllowed" });
    expect(await db.user.count({ where: { email } })).toBe(0);

    const first = await signInWithOidc(claimsFor(email.toUpperCase(), { name: "New Comer" }), config({ autoCreate: true }), undefined);
    expect(first).toMatchObject({ user: { email, name: "New Comer", role: "analyst" } });
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    const audit = await db.auditEvent.findMany({ where: { entityId: created.id, action: "user.sso_created" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ role: "analyst", issuer: "http://127.0.0.1:1/issuer" });

    // A second sign-in finds the account instead of creating another.
    const second = await signInWithOidc(claimsFor(email), config({ autoCreate: true }), undefined);
    expect(second).toMatchObject({ user: { id: created.id } });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a disabled account even though the provider accepted the person", async () => {
    const user = await makeUser({ disabled: true });
    expect(await signInWithOidc(claimsFor(user.email), config({ autoCreate: true }), undefined)).toEqual({ error: "SsoNotAllowed" });
    const failed = await db.auditEvent.findMany({ where: { entityId: user.id, action: "user.sign_in_failed" } });
    expect(failed[0]!.after).toMatchObject({ method: "sso", outcome: "sso_disabled" });
  });

  it("maps the group claim to a role, audited, ending the person's other sessions", async () => {
    const user = await makeUser({ role: "analyst" });
    const result = await signInWithOidc(claimsFor(user.email, { groups: ["staff", "px-reviewers"] }), mapped, undefined);
    expect(result).toMatchObject({ user: { role: "reviewer", sessionVersion: 1 } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.sso_role_mapped" } });
    expect(audit.before).toEqual({ role: "analyst" });
    expect(audit.after).toMatchObject({ role: "reviewer" });

    // The highest mapped group wins; a present claim naming no mapped group means analyst
    // (another active admin exists, so demoting this one leaves Parallax an admin).
    await makeUser({ role: "admin" });
    expect(await signInWithOidc(claimsFor(user.email, { groups: ["px-analysts", "px-admins"] }), mapped, undefined)).toMatchObject({
      user: { role: "admin" },
    });
    expect(await signInWithOidc(claimsFor(user.email, { groups: ["staff"] }), mapped, undefined)).toMatchObject({
      user: { role: "analyst" },
    });
    // No claim at all (or no mapping configured): the admin-set role stays.
    await db.user.update({ where: { id: user.id }, data: { role: "reviewer" } });
    expect(await signInWithOidc(claimsFor(user.email), mapped, undefined)).toMatchObject({ user: { role: "reviewer" } });
    expect(await signInWithOidc(claimsFor(user.email, { groups: ["px-admins"] }), config(), undefined)).toMatchObject({
      user: { role: "reviewer" },
    });
  });

  it("auto-creates with the mapped role", async () => {
    const email = `mapped-${randomUUID()}@example.com`;
    const result = await signInWithOidc(claimsFor(email, { groups: "px-reviewers" }), { ...mapped, autoCreate: true }, undefined);
    expect(result).toMatchObject({ user: { email, role: "reviewer" } });
  });

  it("never demotes the last active admin because of the provider's groups", async () => {
    const others = await db.user.findMany({ where: { role: "admin", disabledAt: null }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
    try {
      const admin = await makeUser({ role: "admin" });
      const result = await signInWithOidc(claimsFor(admin.email, { groups: [] }), mapped, undefined);
      expect(result).toMatchObject({ user: { role: "admin" } });
      expect(await db.auditEvent.count({ where: { entityId: admin.id, action: "user.sso_role_mapped" } })).toBe(0);
      await db.user.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
    }
  });
});
