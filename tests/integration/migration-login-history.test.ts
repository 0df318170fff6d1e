// The session-version / login-history migration carries existing data over:
// users keep their accounts (session version 0), old per-key attempts become
// history rows with an email or an address, and recent failures keep
// counting in the new throttle table.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { applyMigrations } from "@/lib/infra/migrations";

import { withDatabase } from "./global-setup";

const MIGRATION = "20261202010529_session_version_login_history";
let scratch: string | undefined;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** prisma/migrations up to (not including) `name`, copied to a temporary folder. */
async function migrationsBefore(name: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "parallax-before-"));
  for (const entry of await fs.readdir("prisma/migrations")) {
    if (entry >= name && entry !== "migration_lock.toml") continue;
    await fs.cp(path.join("prisma/migrations", entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

afterAll(async () => {
  if (scratch) await withClient(inject("databaseUrl"), (client) => client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`));
});

describe(`migration ${MIGRATION}`, () => {
  it("keeps users and turns old sign-in attempts into history and throttle counters", async () => {
    scratch = `parallax_scratch_${randomBytes(6).toString("hex")}`;
    await withClient(inject("databaseUrl"), (client) => client.query(`CREATE DATABASE "${scratch}"`));
    const url = withDatabase(inject("databaseUrl"), scratch);
    await applyMigrations({ connectionString: url, migrationsDir: await migrationsBefore(MIGRATION) });
    await withClient(url, async (client) => {
      await client.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
        VALUES ('00000000-0000-4000-8000-000000000001', 'old@example.com', 'Old User', 'analyst', 'hash', now())`);
      await client.query(`INSERT INTO "LoginAttempt" (id, key, succeeded, "createdAt") VALUES
        (gen_random_uuid(), 'email:old@example.com', false, now() - interval '1 minute'),
        (gen_random_uuid(), 'ip:10.1.2.3', false, now() - interval '1 minute'),
        (gen_random_uuid(), 'email:old@example.com', false, now() - interval '2 hours')`);
    });

    const { applied } = await applyMigrations({ connectionString: url });
    expect(applied).toContain(MIGRATION);

    await withClient(url, async (client) => {
      const users = await client.query(`SELECT email, "sessionVersion" FROM "User"`);
      expect(users.rows).toEqual([{ email: "old@example.com", sessionVersion: 0 }]);
      const attempts = await client.query(`SELECT email, ip, succeeded, reason FROM "LoginAttempt" ORDER BY "createdAt"`);
      expect(attempts.rows).toHaveLength(3);
      expect(attempts.rows).toEqual(
        expect.arrayContaining([
          { email: "old@example.com", ip: null, succeeded: false, reason: "wrong_password" },
          { email: null, ip: "10.1.2.3", succeeded: false, reason: "wrong_password" },
        ]),
      );
      const throttles = await client.query(`SELECT key, failures FROM "LoginThrottle" ORDER BY key`);
      // Only the failures inside the 15-minute window count.
      expect(throttles.rows).toEqual([
        { key: "account:old@example.com", failures: 1 },
        { key: "ip:10.1.2.3", failures: 1 },
      ]);
    });
  });
});
