// Sessions can be revoked and expire absolutely (issue 9 item 4): a token
// carries the user's session version and sign-in time; sign-out, password
// reset, role change and disabling bump the version, and a refresh never
// moves the sign-in time.
import { describe, expect, it } from "vitest";

import { authOptions } from "@/lib/auth/options";
import { actorFromSession, revokeSessions, sessionMaxAgeSeconds } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { updateUser } from "@/lib/users/service";

import { createUser } from "../support/factories";

type Token = { sub: string; sv: number; authTime: number; role?: "analyst" | "reviewer" | "admin" };

const now = () => Math.floor(Date.now() / 1000);

/** The token next-auth's jwt callback builds at sign-in. */
async function signedInToken(userId: string): Promise<Token> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const jwt = authOptions.callbacks!.jwt!;
  return (await jwt({ token: {}, user: { ...user, sessionVersion: user.sessionVersion }, account: null } as never)) as Token;
}

/** A later refresh of the session (GET /api/auth/session). */
async function refresh(token: Token): Promise<Token> {
  return (await authOptions.callbacks!.jwt!({ token } as never)) as Token;
}

describe("session tokens", () => {
  it("stay valid on refresh without moving the sign-in time", async () => {
    const analyst = await createUser("analyst");
    const token = await signedInToken(analyst.id);
    expect(token).toMatchObject({ sub: analyst.id, sv: 0 });
    expect(Math.abs(token.authTime - now())).toBeLessThan(5);
    const later = await refresh({ ...token });
    expect(later.authTime).toBe(token.authTime);
    expect(await actorFromSession(later)).toMatchObject({ id: analyst.id, role: "analyst" });
  });

  it("end after PARALLAX_SESSION_MAX_HOURS (12 h) however often they were refreshed", async () => {
    const analyst = await createUser("analyst");
    const token = await signedInToken(analyst.id);
    expect(sessionMaxAgeSeconds()).toBe(12 * 3600);
    const old = { ...token, authTime: now() - 12 * 3600 - 60 };
    expect(await actorFromSession(old)).toBeNull();
    await expect(refresh(old)).rejects.toThrow(/Session ended/);
    // One that predates session versions (no sv) is refused too.
    expect(await actorFromSession({ sub: analyst.id, authTime: now() } as never)).toBeNull();
  });

  it("end everywhere when the user signs out or asks for it", async () => {
    const analyst = await createUser("analyst");
    const laptop = await signedInToken(analyst.id);
    const phone = await signedInToken(analyst.id);
    await authOptions.events!.signOut!({ token: laptop } as never);
    expect(await actorFromSession(laptop)).toBeNull();
    expect(await actorFromSession(phone)).toBeNull();
    await expect(refresh(phone)).rejects.toThrow(/Session ended/);
    const fresh = await signedInToken(analyst.id);
    expect(await actorFromSession(fresh)).not.toBeNull();
    await revokeSessions(analyst.id, { actorId: analyst.id, reason: "sign_out_everywhere" });
    expect(await actorFromSession(fresh)).toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { entityId: analyst.id, action: "user.sessions_revoked" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((event) => event.after)).toEqual([{ reason: "sign_out" }, { reason: "sign_out_everywhere" }]);
  });

  it("end when an admin resets the password, changes the role or disables the account — not on a rename", async () => {
    const admin = await createUser("admin");
    const cases: Array<[string, object]> = [
      ["password reset", { password: "a-brand-new-password-1" }],
      ["role change", { role: "reviewer" }],
      ["disabled", { disabled: true }],
    ];
    for (const [label, change] of cases) {
      const analyst = await createUser("analyst");
      const token = await signedInToken(analyst.id);
      await updateUser(admin, analyst.id, change);
      expect(await actorFromSession(token), label).toBeNull();
      if ("disabled" in change) await updateUser(admin, analyst.id, { disabled: false });
      expect(await actorFromSession(token), `${label}, even after undoing it`).toBeNull();
    }
    const renamed = await createUser("analyst");
    const token = await signedInToken(renamed.id);
    await updateUser(admin, renamed.id, { name: "New Name" });
    expect(await actorFromSession(token)).toMatchObject({ id: renamed.id, name: "New Name" });
  });
});
