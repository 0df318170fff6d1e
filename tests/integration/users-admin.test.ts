// User administration: admins only, no password hash out, last-admin
// protection (also when two admins demote each other at once), and a
// disabled account cannot sign in.
import { beforeAll, describe, expect, it } from "vitest";

import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { createUser as createAccount, listUsers, updateUser } from "@/lib/users/service";
import { createUser, FACTORY_PASSWORD, randomSuffix, type TestUser } from "@/tests/support/factories";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const credentials = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
const signIn = (email: string, password = FACTORY_PASSWORD) =>
  credentials.options.authorize({ email, password }, { headers: { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.1` } });

let admin: TestUser;
let analyst: TestUser;

beforeAll(async () => {
  [admin, analyst] = await Promise.all([createUser("admin"), createUser("analyst")]);
});

/** Runs `body` while `keep` are the only active admins, restoring the others afterwards. */
async function withOnlyAdmins(keep: string[], body: () => Promise<void>): Promise<void> {
  const others = await db.user.findMany({ where: { role: "admin", disabledAt: null, id: { notIn: keep } }, select: { id: true } });
  await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
  try {
    await body();
  } finally {
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
  }
}

describe("user administration", () => {
  it("lets only admins list, create and change accounts", async () => {
    await expect(listUsers(analyst)).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createAccount(analyst, { email: `x-${randomSuffix()}@t.example`, name: "X", role: "admin", password: "long-enough-pw" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateUser(analyst, analyst.id, { role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.user.findUniqueOrThrow({ where: { id: analyst.id }, select: { role: true } })).toEqual({ role: "analyst" });
  });

  it("creates an account that can sign in, never returning the password hash", async () => {
    const email = `New.Person-${randomSuffix()}@T.example`;
    const created = await createAccount(admin, { email, name: "New Person", role: "reviewer", password: "initial-password" });
    expect(created).toMatchObject({ email: email.toLowerCase(), role: "reviewer", isDisabled: false });
    expect(JSON.stringify(created)).not.toMatch(/passwordHash|argon2/);
    expect(JSON.stringify(await listUsers(admin))).not.toMatch(/passwordHash|argon2/);
    expect(await signIn(email.toLowerCase(), "initial-password")).toMatchObject({ id: created.id });
    await expect(createAccount(admin, { email, name: "Again", role: "analyst", password: "initial-password" })).rejects.toMatchObject({
      code: "conflict",
      errors: { email: expect.any(String) },
    });
    await expect(createAccount(admin, { email: "not-an-email", name: "", role: "analyst", password: "short" })).rejects.toMatchObject({
      errors: { email: expect.any(String), name: expect.any(String), password: expect.any(String) },
    });
  });

  it("changes roles and resets passwords, with an audit row that holds no password", async () => {
    const user = await createUser("analyst");
    expect(await updateUser(admin, user.id, { role: "reviewer" })).toMatchObject({ role: "reviewer" });
    await updateUser(admin, user.id, { password: "a-brand-new-password" });
    expect(await signIn(user.email)).toBeNull();
    expect(await signIn(user.email, "a-brand-new-password")).toMatchObject({ id: user.id });
    const audit = await db.auditEvent.findMany({
      where: { entityType: "user", entityId: user.id },
      orderBy: { createdAt: "asc" },
      // Everything an audit row carries, less its feed position (a bigint, which JSON cannot hold).
      omit: { seq: true },
    });
    expect(audit.filter((a) => a.action === "user.update" || a.action === "user.password_reset").map((a) => a.action)).toEqual([
      "user.update",
      "user.password_reset",
    ]);
    // Both changes ended the person's sessions (issue 9 item 4); the sign-ins are audited too.
    expect(audit.filter((a) => a.action === "user.sessions_revoked").map((a) => a.after)).toEqual([
      { reason: "role_change" },
      { reason: "password_reset" },
    ]);
    expect(audit.map((a) => a.action)).toContain("user.sign_in");
    expect(JSON.stringify(audit)).not.toMatch(/a-brand-new-password|argon2/);
  });

  it("a disabled user cannot sign in; enabling restores access", async () => {
    const user = await createUser("reviewer");
    expect(await signIn(user.email)).toMatchObject({ id: user.id });
    const disabled = await updateUser(admin, user.id, { disabled: true });
    expect(disabled.isDisabled).toBe(true);
    expect(await signIn(user.email)).toBeNull();
    await updateUser(admin, user.id, { disabled: false });
    expect(await signIn(user.email)).toMatchObject({ id: user.id });
  });

  it("never leaves the installation without an active admin", async () => {
    const other = await createUser("admin");
    await expect(updateUser(admin, admin.id, { disabled: true })).rejects.toMatchObject({ code: "conflict" });
    await withOnlyAdmins([admin.id], async () => {
      await expect(updateUser(admin, admin.id, { role: "reviewer" })).rejects.toMatchObject({ code: "conflict" });
      expect(await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true } })).toEqual({ role: "admin" });
    });
    await withOnlyAdmins([admin.id, other.id], async () => {
      // Two admins demoting each other at the same moment: one must be refused.
      const results = await Promise.allSettled([
        updateUser(admin, other.id, { role: "analyst" }),
        updateUser(other, admin.id, { role: "analyst" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
      expect(await db.user.count({ where: { id: { in: [admin.id, other.id] }, role: "admin", disabledAt: null } })).toBe(1);
    });
    // Restore for the remaining tests in this file.
    await db.user.updateMany({ where: { id: { in: [admin.id, other.id] } }, data: { role: "admin" } });
  });
});
