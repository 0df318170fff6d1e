// The many-sources migration on a database filled under the old schema
// (left/right columns): every comparison keeps both sources, in order, and
// every other row is untouched.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createScratchDatabase, migrateAll, migrateUntil, withClient, type ScratchDatabase } from "./migration-support";

let scratch: ScratchDatabase;
const ids = {
  user: randomUUID(),
  reviewer: randomUUID(),
  sources: [randomUUID(), randomUUID(), randomUUID()],
  comparisons: [randomUUID(), randomUUID()],
  annotation: randomUUID(),
};

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrateUntil(scratch.url, "_comparison_sources");
  await withClient(scratch.url, async (client) => {
    const user = `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, 'x', now())`;
    await client.query(user, [ids.user, "old-analyst@example.test", "Old Analyst", "analyst"]);
    await client.query(user, [ids.reviewer, "old-reviewer@example.test", "Old Reviewer", "reviewer"]);
    for (const [i, id] of ids.sources.entries()) {
      await client.query(
        `INSERT INTO "Source" (id, title, "rawContent", text, "contentHash", "createdById", "updatedAt") VALUES ($1, $2, $3, $3, 'h', $4, now())`,
        [id, `Old source ${i}`, `Text number ${i}: Wagner left Mali.`, ids.user],
      );
    }
    // Two comparisons under the old schema, sharing source 1 on different sides.
    const comparison = `INSERT INTO "Comparison" (id, title, "leftSourceId", "rightSourceId", "createdById", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`;
    await client.query(comparison, [
      ids.comparisons[0],
      "First",
      ids.sources[0],
      ids.sources[1],
      ids.user,
      new Date("2025-01-02T03:04:05Z"),
    ]);
    await client.query(comparison, [
      ids.comparisons[1],
      "Second",
      ids.sources[1],
      ids.sources[2],
      ids.user,
      new Date("2025-02-03T04:05:06Z"),
    ]);
    await client.query(
      `INSERT INTO "Annotation" (id, "comparisonId", "authorId", kind, rationale, status, version, "updatedAt") VALUES ($1, $2, $3, 'agreement', 'Both say so.', 'approved', 3, now())`,
      [ids.annotation, ids.comparisons[0], ids.user],
    );
    const span = `INSERT INTO "Span" (id, "annotationId", "sourceId", start, "end", exact, position) VALUES ($1, $2, $3, 16, 33, 'Wagner left Mali.', $4)`;
    await client.query(span, [randomUUID(), ids.annotation, ids.sources[0], 0]);
    await client.query(span, [randomUUID(), ids.annotation, ids.sources[1], 1]);
    await client.query(
      `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", "comparisonId") VALUES ($1, $2, 'review.approve', 'annotation', $3, $4), ($5, $2, 'user.update+password', 'user', $2, NULL)`,
      [randomUUID(), ids.reviewer, ids.annotation, ids.comparisons[0], randomUUID()],
    );
  });
  await migrateAll(scratch.url);
});

afterAll(() => scratch?.drop());

describe("migrating left/right pairs to ordered source lists", () => {
  it("moves each comparison's left source to position 0 and right to 1, keeping when they were added", async () => {
    const rows = await withClient(
      scratch.url,
      async (client) =>
        (
          await client.query(
            `SELECT "comparisonId", "sourceId", position, label, reliability, "addedAt" FROM "ComparisonSource" ORDER BY "comparisonId" = $1 DESC, position`,
            [ids.comparisons[0]],
          )
        ).rows,
    );
    expect(rows.map((r) => [r.comparisonId, r.sourceId, r.position, r.label, r.reliability])).toEqual([
      [ids.comparisons[0], ids.sources[0], 0, null, null],
      [ids.comparisons[0], ids.sources[1], 1, null, null],
      [ids.comparisons[1], ids.sources[1], 0, null, null],
      [ids.comparisons[1], ids.sources[2], 1, null, null],
    ]);
    expect(rows[0].addedAt.toISOString()).toBe("2025-01-02T03:04:05.000Z");
  });

  it("drops the old columns and keeps every other row as it was", async () => {
    await withClient(scratch.url, async (client) => {
      const columns = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Comparison'`);
      expect(columns.rows.map((r) => r.column_name)).not.toContain("leftSourceId");
      expect((await client.query(`SELECT count(*)::int AS n FROM "Comparison"`)).rows[0].n).toBe(2);
      expect((await client.query(`SELECT count(*)::int AS n FROM "Source"`)).rows[0].n).toBe(3);
      const annotation = await client.query(`SELECT rationale, status, version, credibility FROM "Annotation" WHERE id = $1`, [
        ids.annotation,
      ]);
      expect(annotation.rows[0]).toEqual({ rationale: "Both say so.", status: "approved", version: 3, credibility: null });
      const spans = await client.query(`SELECT "sourceId", exact FROM "Span" WHERE "annotationId" = $1 ORDER BY position`, [
        ids.annotation,
      ]);
      expect(spans.rows).toEqual([
        { sourceId: ids.sources[0], exact: "Wagner left Mali." },
        { sourceId: ids.sources[1], exact: "Wagner left Mali." },
      ]);
    });
  });

  it("renames the audit actions to their one name", async () => {
    const actions = await withClient(
      scratch.url,
      async (client) => (await client.query(`SELECT action FROM "AuditEvent" ORDER BY action`)).rows,
    );
    expect(actions.map((r) => r.action)).toEqual(["annotation.approve", "user.password_reset"]);
  });
});
