// The source-versions migration on a database filled under the old schema:
// every source gets version 1 made of its current text and raw content (dated
// and attributed like the import), and every span points at that version,
// unchanged, with its place in the latest text equal to where it was made.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createScratchDatabase, migrateAll, migrateUntil, withClient, type ScratchDatabase } from "./migration-support";

let scratch: ScratchDatabase;
const ids = {
  user: randomUUID(),
  sources: [randomUUID(), randomUUID(), randomUUID()],
  comparison: randomUUID(),
  annotation: randomUUID(),
  spans: [randomUUID(), randomUUID()],
};
const texts = ["Wagner left Mali in June.", "Russia stays through the Africa Corps.", "A source nobody annotated."];
const importedAt = new Date("2025-03-04T05:06:07Z");

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrateUntil(scratch.url, "_source_versions");
  await withClient(scratch.url, async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, 'old@example.test', 'Old Analyst', 'analyst', 'x', now())`,
      [ids.user],
    );
    for (const [i, id] of ids.sources.entries()) {
      await client.query(
        `INSERT INTO "Source" (id, title, "rawContent", "rawFormat", text, "contentHash", "createdById", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [id, `Source ${i}`, `<p>${texts[i]}</p>`, i === 0 ? "html" : "text", texts[i], `hash-${i}`, i === 2 ? null : ids.user, importedAt],
      );
    }
    await client.query(`INSERT INTO "Comparison" (id, title, "createdById", "updatedAt") VALUES ($1, 'Old', $2, now())`, [
      ids.comparison,
      ids.user,
    ]);
    await client.query(
      `INSERT INTO "ComparisonSource" ("comparisonId", "sourceId", position) VALUES ($1, $2, 0), ($1, $3, 1), ($1, $4, 2)`,
      [ids.comparison, ...ids.sources],
    );
    await client.query(
      `INSERT INTO "Annotation" (id, "comparisonId", "authorId", kind, rationale, status, version, "updatedAt") VALUES ($1, $2, $3, 'agreement', 'Both.', 'approved', 2, now())`,
      [ids.annotation, ids.comparison, ids.user],
    );
    const span = `INSERT INTO "Span" (id, "annotationId", "sourceId", start, "end", exact, prefix, suffix, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
    await client.query(span, [ids.spans[0], ids.annotation, ids.sources[0], 0, 11, "Wagner left", "", " Mali in June.", 0]);
    await client.query(span, [ids.spans[1], ids.annotation, ids.sources[1], 13, 18, "stays", "Russia ", " through", 1]);
  });
  await migrateAll(scratch.url);
});

afterAll(() => scratch?.drop());

describe("migrating sources to versions", () => {
  it("creates version 1 of every source from its text and raw content, dated and attributed like the import", async () => {
    const rows = await withClient(
      scratch.url,
      async (client) =>
        (
          await client.query(
            `SELECT v."sourceId", v.number, v.text, v."rawContent", v."rawFormat", v."contentHash", v.origin, v."createdAt", v."createdById"
             FROM "SourceVersion" v ORDER BY array_position($1::uuid[], v."sourceId")`,
            [ids.sources],
          )
        ).rows,
    );
    expect(rows).toHaveLength(3);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({
        sourceId: ids.sources[i],
        number: 1,
        text: texts[i],
        rawContent: `<p>${texts[i]}</p>`,
        rawFormat: i === 0 ? "html" : "text",
        contentHash: `hash-${i}`,
        origin: "import",
        createdById: i === 2 ? null : ids.user,
      });
      expect(row.createdAt.toISOString()).toBe(importedAt.toISOString());
    });
  });

  it("points every span at its source's version 1, unchanged, anchored where it was made", async () => {
    const rows = await withClient(
      scratch.url,
      async (client) =>
        (
          await client.query(
            `SELECT sp.id, sp.start, sp."end", sp.exact, sp.prefix, sp."anchorStatus", sp."anchorStart", sp."anchorEnd", sp."anchorExact",
                    v.number, v."sourceId", sp."intactVersionId" = sp."versionId" AS "isIntact", sp."keptAt"
             FROM "Span" sp JOIN "SourceVersion" v ON v.id = sp."versionId" ORDER BY sp.position`,
          )
        ).rows,
    );
    expect(rows).toEqual([
      expect.objectContaining({ id: ids.spans[0], start: 0, end: 11, exact: "Wagner left", prefix: "", anchorStatus: "unchanged" }),
      expect.objectContaining({ id: ids.spans[1], start: 13, end: 18, exact: "stays", prefix: "Russia ", anchorStatus: "unchanged" }),
    ]);
    for (const [i, row] of rows.entries()) {
      expect(row).toMatchObject({ number: 1, sourceId: ids.sources[i], isIntact: true, keptAt: null });
      expect([row.anchorStart, row.anchorEnd, row.anchorExact]).toEqual([row.start, row.end, row.exact]);
    }
  });

  it("leaves the sources' own text, hash and the annotation untouched", async () => {
    const { sources, annotation } = await withClient(scratch.url, async (client) => ({
      sources: (await client.query(`SELECT text, "contentHash" FROM "Source" ORDER BY array_position($1::uuid[], id)`, [ids.sources])).rows,
      annotation: (await client.query(`SELECT status, version FROM "Annotation" WHERE id = $1`, [ids.annotation])).rows[0],
    }));
    expect(sources).toEqual(texts.map((text, i) => ({ text, contentHash: `hash-${i}` })));
    expect(annotation).toEqual({ status: "approved", version: 2 });
  });
});
