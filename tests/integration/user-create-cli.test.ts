import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";

const run = promisify(execFile);

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

function userCreate(args: string[]) {
  return run("npx", ["tsx", "--conditions=react-server", "scripts/user-create.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    timeout: 60_000,
  });
}

describe("npm run user:create", () => {
  it("creates the first admin of a production installation, who can then sign in", async () => {
    const email = `first-admin-${randomUUID()}@example.org`;
    const { stdout } = await userCreate(["--email", email, "--name", "First Admin", "--role", "admin"]);
    expect(stdout).toContain(`Created admin ${email}.`);
    const password = /Password \(shown once\): (\S+)/.exec(stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(16);

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("admin");
    expect(user.passwordHash).not.toContain(password!);
    expect(await authorize({ email, password: password! }, { headers: { "x-forwarded-for": "192.0.2.77" } })).toMatchObject({
      role: "admin",
    });
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.create", actorId: null } })).toBe(1);
  }, 90_000);

  it("refuses a duplicate email or an unknown role with a clear message and a failing exit code", async () => {
    const email = `dup-${randomUUID()}@example.org`;
    await userCreate(["--email", email, "--role", "analyst", "--password", "long enough password"]);
    await expect(userCreate(["--email", email, "--role", "analyst"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("already exists"),
    });
    await expect(userCreate(["--email", `x-${randomUUID()}@example.org`, "--role", "wizard"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("role"),
    });
  }, 90_000);
});
