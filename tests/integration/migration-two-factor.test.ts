// The two-factor migration keeps every account as it was: same password,
// role, session version and status, two-factor off, no recovery codes — and
// the new columns then work.
import { afterAll, describe, expect, it } from "vitest";

import { createScratchDatabase, migrateAll, migrateUntil, withClient, type ScratchDatabase } from "./migration-support";

const MIGRATION = "_two_factor";
let scratch: ScratchDatabase | undefined;

afterAll(async () => scratch?.drop());

describe("migration two_factor", () => {
  it("keeps existing users and starts them without two-factor", async () => {
    scratch = await createScratchDatabase();
    await migrateUntil(scratch.url, MIGRATION);
    await withClient(scratch.url, (client) =>
      client.query(
        `INSERT INTO "User" (id, email, name, role, "passwordHash", "disabledAt", "sessionVersion", "updatedAt")
         VALUES ('00000000-0000-4000-8000-000000000001', 'kept@example.com', 'Kept', 'reviewer', 'hash-1', NULL, 3, now()),
                ('00000000-0000-4000-8000-000000000002', 'off@example.com', 'Off', 'analyst', 'hash-2', now(), 0, now())`,
      ),
    );
    const applied = await migrateAll(scratch.url);
    expect(applied.some((name) => name.endsWith(MIGRATION))).toBe(true);

    await withClient(scratch.url, async (client) => {
      const { rows } = await client.query(
        `SELECT email, role, "passwordHash", "sessionVersion", "disabledAt" IS NOT NULL AS disabled,
                "twoFactorSecret", "twoFactorPendingSecret", "twoFactorEnabledAt", "twoFactorLastStep"
         FROM "User" ORDER BY email`,
      );
      expect(rows).toEqual([
        {
          email: "kept@example.com",
          role: "reviewer",
          passwordHash: "hash-1",
          sessionVersion: 3,
          disabled: false,
          twoFactorSecret: null,
          twoFactorPendingSecret: null,
          twoFactorEnabledAt: null,
          twoFactorLastStep: null,
        },
        {
          email: "off@example.com",
          role: "analyst",
          passwordHash: "hash-2",
          sessionVersion: 0,
          disabled: true,
          twoFactorSecret: null,
          twoFactorPendingSecret: null,
          twoFactorEnabledAt: null,
          twoFactorLastStep: null,
        },
      ]);
      // Recovery codes belong to their user: one hash once per user, removed with the user.
      await client.query(
        `INSERT INTO "TwoFactorRecoveryCode" (id, "userId", "codeHash") VALUES (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'h')`,
      );
      await expect(
        client.query(
          `INSERT INTO "TwoFactorRecoveryCode" (id, "userId", "codeHash") VALUES (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'h')`,
        ),
      ).rejects.toThrow(/duplicate key/);
      await client.query(`DELETE FROM "User" WHERE email = 'kept@example.com'`);
      expect((await client.query(`SELECT count(*)::int AS n FROM "TwoFactorRecoveryCode"`)).rows[0].n).toBe(0);
    });
  });
});
