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
export type LockedTexts = { texts: ComparisonTexts; versionIds: ReadonlyMap<string, string>; versions: ReadonlyMap<string, LatestVersion> };

/**
 * The texts of a comparison's sources, locked against text changes until the
 * transaction ends: a span verified here cannot be left pointing at text that
 * a concurrent new version replaced (adding a version takes the row lock, so
 * it waits, then re-anchors the span). One statement takes the locks and reads
 * each source's content hash and latest version id (so they belong to the
 * texts locked); the texts themselves (up to 500,000 characters each) come
 * from the process's cache keyed by id and hash, so a write costs the same
 * whatever the sources' size, and only a miss reads a text from the database.
 */
export async function lockComparisonTexts(tx: Tx, comparisonId: string): Promise<LockedTexts> {
  const id = assertId(comparisonId, "comparison");
  const rows = await tx.$queryRaw<
    Array<{ id: string; contentHash: string; versionId: string; versionNumber: number; versionCreatedAt: Date }>
  >`
    SELECT s."id", s."contentHash", v."id" AS "versionId", v."number" AS "versionNumber", v."createdAt" AS "versionCreatedAt"
    FROM "Source" s
    JOIN "ComparisonSource" cs ON cs."sourceId" = s."id"
    JOIN LATERAL (
      SELECT "id", "number", "createdAt" FROM "SourceVersion" WHERE "sourceId" = s."id" ORDER BY "number" DESC LIMIT 1
    ) v ON true
    WHERE cs."comparisonId" = ${id}::uuid
    FOR SHARE OF s`;
  if (rows.length === 0) throw new AppError("not_found", "No comparison with this id.");
  const texts = await readSourceTexts(
    rows,
    (ids) => tx.$queryRaw<SourceText[]>`SELECT "id", "contentHash", "text" FROM "Source" WHERE "id" = ANY(${ids}::uuid[])`,
  );
  const versions = new Map(rows.map((row) => [row.id, { id: row.versionId, number: row.versionNumber, createdAt: row.versionCreatedAt }]));
  return { texts, versions, versionIds: new Map(rows.map((row) => [row.id, row.versionId])) };
}

/** Verifies spans against the latest texts and places them on the latest versions. */
export function verifyOnLatest(kind: AnnotationKind, spans: SpanInput[], locked: LockedTexts): SpanWrite[] {
  return verifySpans(kind, spans, locked.texts).map((span) => ({ ...span, ...spanOnVersion(locked.versionIds.get(span.sourceId)!, span) }));
}
