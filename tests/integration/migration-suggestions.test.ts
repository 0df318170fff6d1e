// The suggestions migration on a database with comparisons made before it:
// each existing comparison gets a queued computation, and nothing else changes.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, expect, it } from "vitest";

import { createScratchDatabase, migrateAll, migrateUntil, withClient, type ScratchDatabase } from "./migration-support";

let scratch: ScratchDatabase;
const ids = { user: randomUUID(), sources: [randomUUID(), randomUUID()], comparisons: [randomUUID(), randomUUID()] };

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrateUntil(scratch.url, "_suggestions");
  await withClient(scratch.url, async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, 'old@example.test', 'Old', 'analyst', 'x', now())`,
      [ids.user],
    );
    for (const [i, id] of ids.sources.entries()) {
      await client.query(
        `INSERT INTO "Source" (id, title, "rawContent", text, "contentHash", "updatedAt") VALUES ($1, $2, $3, $3, 'h', now())`,
        [id, `Source ${i}`, `Wagner left Mali. Text ${i}.`],
      );
    }
    for (const id of ids.comparisons) {
      await client.query(`INSERT INTO "Comparison" (id, title, "createdById", "updatedAt") VALUES ($1, 'Old comparison', $2, now())`, [
        id,
        ids.user,
      ]);
      for (const [position, sourceId] of ids.sources.entries()) {
        await client.query(`INSERT INTO "ComparisonSource" ("comparisonId", "sourceId", position) VALUES ($1, $2, $3)`, [
          id,
          sourceId,
          position,
        ]);
      }
    }
  });
  await migrateAll(scratch.url);
});

afterAll(() => scratch?.drop());

it("queues the first computation of every existing comparison", async () => {
  const jobs = await withClient(
    scratch.url,
    async (client) =>
      (await client.query(`SELECT "comparisonId", status, reason, attempts, generation FROM "SuggestionJob" ORDER BY "comparisonId"`)).rows,
  );
  expect(jobs).toEqual(
    [...ids.comparisons]
      .sort()
      .map((comparisonId) => ({ comparisonId, status: "queued", reason: "existing comparison", attempts: 0, generation: 1 })),
  );
  const counts = await withClient(
    scratch.url,
    async (client) =>
      (
        await client.query(
          `SELECT (SELECT count(*) FROM "Comparison")::int AS comparisons, (SELECT count(*) FROM "ComparisonSource")::int AS members, (SELECT count(*) FROM "Suggestion")::int AS suggestions`,
        )
      ).rows[0],
  );
  expect(counts).toEqual({ comparisons: 2, members: 4, suggestions: 0 });
});
