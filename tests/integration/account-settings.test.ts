// Issue 20 item 3: the person's own account — name, and a password change that
// needs the current password, follows the policy and ends every other session.
import { describe, expect, it } from "vitest";

import { changePassword, updateProfile } from "@/lib/account/service";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { actorFromSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

import { createUser, FACTORY_PASSWORD } from "../support/factories";

async function tokenFor(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return (await authOptions.callbacks!.jwt!({ token: {}, user, account: null } as never)) as { sub: string; sv: number; authTime: number };
}

describe("account settings", () => {
  it("changes the name, stripping bidi controls, with an audit row", async () => {
    const analyst = await createUser("analyst");
    expect(await updateProfile(analyst, { name: "  New \u202EName " })).toMatchObject({ name: "New Name" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: analyst.id, action: "user.update_profile" } });
    expect(audit.after).toEqual({ name: "New Name" });
  });

  it("refuses a wrong current password and a weak new one, changing nothing", async () => {
    const analyst = await createUser("analyst");
    await expect(changePassword(analyst, { currentPassword: "not-it-at-all", newPassword: "a-fine-new-password" })).rejects.toMatchObject({
      status: 422,
      errors: { currentPassword: "Not your current password." },
    });
    await expect(changePassword(analyst, { currentPassword: FACTORY_PASSWORD, newPassword: "Password1234" })).rejects.toMatchObject({
      status: 400,
      errors: { newPassword: expect.stringMatching(/common/) },
    });
    await expect(changePassword(analyst, { currentPassword: FACTORY_PASSWORD, newPassword: "short" })).rejects.toMatchObject({
      status: 400,
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: analyst.id } });
    expect(await verifyPassword(user.passwordHash, FACTORY_PASSWORD)).toBe(true);
    expect(user.sessionVersion).toBe(0);
  });

  it("changes the password and ends the other sessions", async () => {
    const analyst = await createUser("analyst");
    const otherDevice = await tokenFor(analyst.id);
    const { sessionVersion } = await changePassword(analyst, { currentPassword: FACTORY_PASSWORD, newPassword: "a-fine-new-password" });
    expect(sessionVersion).toBe(1);
    expect(await actorFromSession(otherDevice)).toBeNull();
    // The session that made the change continues with the new version (the route renews its cookie).
    expect(await actorFromSession({ ...otherDevice, sv: sessionVersion })).toMatchObject({ id: analyst.id });
    const user = await db.user.findUniqueOrThrow({ where: { id: analyst.id } });
    expect(await verifyPassword(user.passwordHash, "a-fine-new-password")).toBe(true);
    const actions = (await db.auditEvent.findMany({ where: { entityId: analyst.id }, orderBy: { createdAt: "asc" } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(["user.password_changed", "user.sessions_revoked"]);
  });
});
