import "server-only";

import type { AnnotationKind, SpanInput } from "@/lib/annotations/schemas";
import { verifySpans, type ComparisonTexts } from "@/lib/annotations/spans";
import type { SpanWrite } from "@/lib/annotations/transition";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId } from "@/lib/validation";
import { latestVersionIds } from "@/lib/versions/queries";
import { spanOnVersion } from "@/lib/versions/records";

export type LockedTexts = { texts: ComparisonTexts; versionIds: ReadonlyMap<string, string> };

/**
 * The texts of a comparison's sources, locked against text changes until the
 * transaction ends: a span verified here cannot be left pointing at text that
 * a concurrent new version replaced (adding a version takes the row lock, so
 * it waits, then re-anchors the span). The latest version ids are read after
 * the lock, so they belong to the texts read.
 */
export async function lockComparisonTexts(tx: Tx, comparisonId: string): Promise<LockedTexts> {
  const id = assertId(comparisonId, "comparison");
  const rows = await tx.$queryRaw<Array<{ id: string; text: string }>>`
    SELECT s."id", s."text" FROM "Source" s
    JOIN "ComparisonSource" cs ON cs."sourceId" = s."id"
    WHERE cs."comparisonId" = ${id}::uuid
    FOR SHARE OF s`;
  if (rows.length === 0) throw new AppError("not_found", "No comparison with this id.");
  return {
    texts: new Map(rows.map((row) => [row.id, row.text])),
    versionIds: await latestVersionIds(
      tx,
      rows.map((row) => row.id),
    ),
  };
}

/** Verifies spans against the latest texts and places them on the latest versions. */
export function verifyOnLatest(kind: AnnotationKind, spans: SpanInput[], locked: LockedTexts): SpanWrite[] {
  return verifySpans(kind, spans, locked.texts).map((span) => ({ ...span, ...spanOnVersion(locked.versionIds.get(span.sourceId)!, span) }));
}
