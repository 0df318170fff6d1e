import "server-only";

import { db } from "@/lib/db";

import type { ClaimedJob, ComparisonSourceInput } from "./jobs";
import type { SuggestionResult } from "./types";

// Writes a finished computation in one transaction, if the job is still the
// runner's and its generation still current (otherwise the sources changed
// while it ran, the row is queued again, and this result is dropped). Open
// suggestions keep their id when recomputed (same key); ones no longer
// proposed go; accepted and dismissed ones stay as they are, and a key in the
// dismissal memory is never proposed again.

export type SaveOutcome = "saved" | "superseded";

type Row = {
  key: string;
  kind: string;
  sourceAId: string;
  startA: number;
  endA: number;
  exactA: string;
  sourceBId: string;
  startB: number;
  endB: number;
  exactB: string;
  score: number;
  reasons: string[];
};

function toRows(result: SuggestionResult, sources: readonly ComparisonSourceInput[]): Row[] {
  const texts = new Map(sources.map((source) => [source.id, source.text]));
  return result.suggestions.map(({ key, kind, spans: [a, b], score, reasons }) => ({
    key,
    kind,
    sourceAId: a.sourceId,
    startA: a.start,
    endA: a.end,
    exactA: texts.get(a.sourceId)!.slice(a.start, a.end),
    sourceBId: b.sourceId,
    startB: b.start,
    endB: b.end,
    exactB: texts.get(b.sourceId)!.slice(b.start, b.end),
    score,
    reasons,
  }));
}

export async function saveSuggestionResult(
  job: ClaimedJob,
  sources: readonly ComparisonSourceInput[],
  fingerprint: string,
  result: SuggestionResult,
): Promise<SaveOutcome> {
  const rows = toRows(result, sources);
  return db.$transaction(async (tx) => {
    const current = await tx.$queryRaw<Array<{ generation: number; workerId: string | null; status: string }>>`
      SELECT "generation", "workerId", "status"::text AS "status" FROM "SuggestionJob"
      WHERE "comparisonId" = ${job.comparisonId}::uuid FOR UPDATE`;
    const row = current[0];
    if (!row || row.status !== "running" || row.workerId !== job.workerId || row.generation !== job.generation) return "superseded";
    const dismissed = await tx.suggestionDismissal.findMany({ where: { comparisonId: job.comparisonId }, select: { key: true } });
    const memory = new Set(dismissed.map((item) => item.key));
    const fresh = rows.filter((item) => !memory.has(item.key));
    const keys = fresh.map((item) => item.key);
    await tx.$executeRaw`
      DELETE FROM "Suggestion" WHERE "comparisonId" = ${job.comparisonId}::uuid AND "status" = 'open' AND NOT ("key" = ANY(${keys}::text[]))`;
    // One statement for all rows; ON CONFLICT leaves accepted and dismissed suggestions untouched.
    await tx.$executeRaw`
      INSERT INTO "Suggestion" ("id", "comparisonId", "key", "kind", "sourceAId", "startA", "endA", "exactA",
        "sourceBId", "startB", "endB", "exactB", "score", "reasons", "engineVersion", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${job.comparisonId}::uuid, r."key", r."kind"::"AnnotationKind", r."sourceAId", r."startA", r."endA", r."exactA",
        r."sourceBId", r."startB", r."endB", r."exactB", r."score",
        ARRAY(SELECT jsonb_array_elements_text(r."reasons")), ${result.engineVersion}, now(), now()
      FROM jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) AS r("key" text, "kind" text, "sourceAId" uuid, "startA" int, "endA" int,
        "exactA" text, "sourceBId" uuid, "startB" int, "endB" int, "exactB" text, "score" float8, "reasons" jsonb)
      ON CONFLICT ("comparisonId", "key") DO UPDATE SET
        "score" = EXCLUDED."score", "reasons" = EXCLUDED."reasons", "exactA" = EXCLUDED."exactA", "exactB" = EXCLUDED."exactB",
        "engineVersion" = EXCLUDED."engineVersion", "updatedAt" = now()
      WHERE "Suggestion"."status" = 'open'`;
    const hashes = Object.fromEntries(sources.map((source) => [source.id, source.contentHash]));
    await tx.suggestionJob.update({
      where: { comparisonId: job.comparisonId },
      data: {
        status: "done",
        progress: 100,
        stage: null,
        error: null,
        workerId: null,
        leaseUntil: null,
        finishedAt: new Date(),
        engineVersion: result.engineVersion,
        fingerprint,
        sourceHashes: hashes,
        skipped: result.skipped,
      },
    });
    return "saved";
  });
}
