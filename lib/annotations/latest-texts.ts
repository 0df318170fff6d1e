import "server-only";

import type { AnnotationKind, SpanInput } from "@/lib/annotations/schemas";
import { verifySpans, type ComparisonTexts } from "@/lib/annotations/spans";
import type { SpanWrite } from "@/lib/annotations/transition";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId } from "@/lib/validation";
import { readSourceTexts, type SourceText } from "@/lib/sources/text-cache";
import { spanOnVersion } from "@/lib/versions/records";

/** The latest version of a source, as a span's `version` / `intactVersion` shows it. */
export type LatestVersion = { id: string; number: number; createdAt: Date };
export type LockedTexts = {
  texts: ComparisonTexts;
  versionIds: ReadonlyMap<string, string>;
  versions: ReadonlyMap<string, LatestVersion>;
  /** Each source's content hash and latest version number as read, for a write that re-checks them (insertAnnotation's guard). */
  seen: Array<{ id: string; contentHash: string; versionNumber: number }>;
};

type Client = Pick<Tx, "$queryRaw">;
type SourceRow = { id: string; contentHash: string; versionId: string; versionNumber: number; versionCreatedAt: Date };

/**
 * The texts of a comparison's sources, locked against text changes until the
 * transaction ends: a span verified here cannot be left pointing at text that
 * a concurrent new version replaced (adding a version takes the row lock, so
 * it waits, then re-anchors the span). One statement takes the locks and reads
 * each source's content hash and latest version (so they belong to the texts
 * locked); the texts themselves (up to 500,000 characters each) come from the
 * process's cache keyed by id and hash, so a write costs the same whatever the
 * sources' size, and only a miss reads a text from the database.
 */
export async function lockComparisonTexts(tx: Tx, comparisonId: string): Promise<LockedTexts> {
  const id = assertId(comparisonId, "comparison");
  const rows = await tx.$queryRaw<SourceRow[]>`
    SELECT s."id", s."contentHash", v."id" AS "versionId", v."number" AS "versionNumber", v."createdAt" AS "versionCreatedAt"
    FROM "Source" s
    JOIN "ComparisonSource" cs ON cs."sourceId" = s."id"
    JOIN LATERAL (
      SELECT "id", "number", "createdAt" FROM "SourceVersion" WHERE "sourceId" = s."id" ORDER BY "number" DESC LIMIT 1
    ) v ON true
    WHERE cs."comparisonId" = ${id}::uuid
    FOR SHARE OF s`;
  return withTexts(tx, rows);
}

/**
 * The same without locks, for a write that re-checks what it read in its own
 * statement (createAnnotation): no transaction is held open while the spans
 * are checked.
 */
export async function readComparisonTexts(client: Client, comparisonId: string): Promise<LockedTexts> {
  const id = assertId(comparisonId, "comparison");
  const rows = await client.$queryRaw<SourceRow[]>`
    SELECT s."id", s."contentHash", v."id" AS "versionId", v."number" AS "versionNumber", v."createdAt" AS "versionCreatedAt"
    FROM "Source" s
    JOIN "ComparisonSource" cs ON cs."sourceId" = s."id"
    JOIN LATERAL (
      SELECT "id", "number", "createdAt" FROM "SourceVersion" WHERE "sourceId" = s."id" ORDER BY "number" DESC LIMIT 1
    ) v ON true
    WHERE cs."comparisonId" = ${id}::uuid`;
  return withTexts(client, rows);
}

async function withTexts(client: Client, rows: SourceRow[]): Promise<LockedTexts> {
  if (rows.length === 0) throw new AppError("not_found", "No comparison with this id.");
  const texts = await readSourceTexts(
    rows,
    (ids) => client.$queryRaw<SourceText[]>`SELECT "id", "contentHash", "text" FROM "Source" WHERE "id" = ANY(${ids}::uuid[])`,
  );
  return {
    texts,
    versions: new Map(rows.map((row) => [row.id, { id: row.versionId, number: row.versionNumber, createdAt: row.versionCreatedAt }])),
    versionIds: new Map(rows.map((row) => [row.id, row.versionId])),
    seen: rows.map((row) => ({ id: row.id, contentHash: row.contentHash, versionNumber: row.versionNumber })),
  };
}

/** Verifies spans against the latest texts and places them on the latest versions. */
export function verifyOnLatest(kind: AnnotationKind, spans: SpanInput[], locked: LockedTexts): SpanWrite[] {
  return verifySpans(kind, spans, locked.texts).map((span) => ({ ...span, ...spanOnVersion(locked.versionIds.get(span.sourceId)!, span) }));
}
