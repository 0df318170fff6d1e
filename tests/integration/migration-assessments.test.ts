// The assessments migration on a database filled before it: it only adds
// tables and types, so every comparison, annotation and review stays as it
// was, and the new tables start empty and usable.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createScratchDatabase, migrateAll, migrateUntil, withClient, type ScratchDatabase } from "./migration-support";

let scratch: ScratchDatabase;
const ids = { user: randomUUID(), source: [randomUUID(), randomUUID()], comparison: randomUUID(), annotation: randomUUID() };

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrateUntil(scratch.url, "_assessments");
  await withClient(scratch.url, async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, 'a@example.test', 'A', 'analyst', 'x', now())`,
      [ids.user],
    );
    for (const id of ids.source) {
      await client.query(
        `INSERT INTO "Source" (id, title, "rawContent", text, "contentHash", "updatedAt") VALUES ($1, 'S', 'Wagner left.', 'Wagner left.', 'h', now())`,
        [id],
      );
    }
    await client.query(`INSERT INTO "Comparison" (id, title, "createdById", "updatedAt") VALUES ($1, 'Before assessments', $2, now())`, [
      ids.comparison,
      ids.user,
    ]);
    for (const [position, id] of ids.source.entries()) {
      await client.query(`INSERT INTO "ComparisonSource" ("comparisonId", "sourceId", position, reliability) VALUES ($1, $2, $3, 'B')`, [
        ids.comparison,
        id,
        position,
      ]);
    }
    await client.query(
      `INSERT INTO "Annotation" (id, "comparisonId", "authorId", kind, rationale, status, version, credibility, "updatedAt") VALUES ($1, $2, $3, 'agreement', 'Both say so.', 'approved', 3, 2, now())`,
      [ids.annotation, ids.comparison, ids.user],
    );
  });
  await migrateAll(scratch.url);
});

afterAll(() => scratch?.drop());

describe("adding assessments", () => {
  it("keeps the comparison, its graded sources and its annotation as they were", async () => {
    await withClient(scratch.url, async (client) => {
      expect((await client.query(`SELECT title FROM "Comparison" WHERE id = $1`, [ids.comparison])).rows).toEqual([
        { title: "Before assessments" },
      ]);
      const sources = await client.query(`SELECT "sourceId", position, reliability FROM "ComparisonSource" ORDER BY position`);
      expect(sources.rows).toEqual(ids.source.map((sourceId, position) => ({ sourceId, position, reliability: "B" })));
      const annotation = await client.query(`SELECT rationale, status, version, credibility FROM "Annotation" WHERE id = $1`, [
        ids.annotation,
      ]);
      expect(annotation.rows[0]).toEqual({ rationale: "Both say so.", status: "approved", version: 3, credibility: 2 });
    });
  });

  it("starts with no assessment and accepts one citing the existing finding", async () => {
    await withClient(scratch.url, async (client) => {
      expect((await client.query(`SELECT count(*)::int AS n FROM "Assessment"`)).rows[0].n).toBe(0);
      const id = randomUUID();
      await client.query(
        `INSERT INTO "Assessment" (id, "comparisonId", "authorId", judgment, likelihood, confidence, "updatedAt") VALUES ($1, $2, $3, 'It continues.', 'very_likely', 'moderate', now())`,
        [id, ids.comparison, ids.user],
      );
      await client.query(`INSERT INTO "AssessmentFinding" ("assessmentId", "annotationId", position) VALUES ($1, $2, 0)`, [
        id,
        ids.annotation,
      ]);
      const row = await client.query(`SELECT status, version FROM "Assessment" WHERE id = $1`, [id]);
      expect(row.rows[0]).toEqual({ status: "draft", version: 1 });
      // One assessment per comparison.
      await expect(
        client.query(
          `INSERT INTO "Assessment" (id, "comparisonId", "authorId", judgment, likelihood, confidence, "updatedAt") VALUES ($1, $2, $3, 'Second', 'likely', 'low', now())`,
          [randomUUID(), ids.comparison, ids.user],
        ),
      ).rejects.toThrow(/unique/i);
    });
  });
});
