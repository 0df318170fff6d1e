import "server-only";

import { db } from "@/lib/db";
import { positionLetter } from "@/lib/comparisons/views";

import { inputFingerprint, type FingerprintSource } from "./fingerprint";
import { ENGINE_VERSION } from "./version";

// The job queue, in PostgreSQL so that every app instance can take part: one
// SuggestionJob row per comparison. Enqueueing bumps the row's generation and
// sets it queued; a runner claims the oldest queued row (or a running one
// whose lease expired because its instance died) with FOR UPDATE SKIP LOCKED,
// so two instances never take the same row; a result is written only if the
// generation it was computed for is still current (see store.ts).

export type ClaimedJob = { comparisonId: string; generation: number; attempts: number; workerId: string };

export type ComparisonSourceInput = FingerprintSource & { text: string; position: number };

/** Queues (or re-queues) the computation of a comparison's suggestions. */
export async function enqueueSuggestionJob(comparisonId: string, reason: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "SuggestionJob" ("comparisonId", "status", "reason", "queuedAt", "runAfter", "updatedAt")
    VALUES (${comparisonId}::uuid, 'queued', ${reason}, now(), now(), now())
    ON CONFLICT ("comparisonId") DO UPDATE SET
      "status" = 'queued', "generation" = "SuggestionJob"."generation" + 1, "reason" = EXCLUDED."reason",
      "attempts" = 0, "runAfter" = now(), "queuedAt" = now(), "progress" = 0, "stage" = NULL, "error" = NULL,
      "updatedAt" = now()`;
}

export type ClaimOptions = { workerId: string; leaseMs: number; maxAttempts: number };

/**
 * Takes the next job for this instance, or null. Jobs whose holder died
 * `maxAttempts` times are marked failed instead of being tried again.
 */
export async function claimSuggestionJob({ workerId, leaseMs, maxAttempts }: ClaimOptions): Promise<ClaimedJob | null> {
  await failExhaustedJobs(maxAttempts);
  const rows = await db.$queryRaw<Array<{ comparisonId: string; generation: number; attempts: number }>>`
    UPDATE "SuggestionJob" SET "status" = 'running', "attempts" = "attempts" + 1, "workerId" = ${workerId},
      "leaseUntil" = now() + ${leaseMs} * interval '1 millisecond', "startedAt" = now(), "progress" = 0,
      "stage" = 'starting', "updatedAt" = now()
    WHERE "comparisonId" = (
      SELECT "comparisonId" FROM "SuggestionJob"
      WHERE ("status" = 'queued' AND "runAfter" <= now())
        OR ("status" = 'running' AND "leaseUntil" < now() AND "attempts" < ${maxAttempts})
      ORDER BY "queuedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "comparisonId"::text AS "comparisonId", "generation", "attempts"`;
  const row = rows[0];
  return row ? { ...row, workerId } : null;
}

/**
 * Jobs whose holders died `maxAttempts` times: failed, with the fingerprint of
 * their inputs, so they are tried again only when those inputs change.
 */
async function failExhaustedJobs(maxAttempts: number): Promise<void> {
  const exhausted = await db.$queryRaw<Array<{ comparisonId: string; generation: number; attempts: number }>>`
    SELECT "comparisonId"::text AS "comparisonId", "generation", "attempts" FROM "SuggestionJob"
    WHERE "status" = 'running' AND "leaseUntil" < now() AND "attempts" >= ${maxAttempts}`;
  for (const job of exhausted) {
    const fingerprint = fingerprintOf(await loadComparisonInputs(job.comparisonId, false));
    const error = `The computation stopped ${job.attempts} times without finishing (an app instance crashed or was stopped).`;
    await db.$executeRaw`
      UPDATE "SuggestionJob" SET "status" = 'failed', "workerId" = NULL, "leaseUntil" = NULL, "finishedAt" = now(),
        "updatedAt" = now(), "stage" = NULL, "error" = ${error}, "fingerprint" = ${fingerprint}
      WHERE "comparisonId" = ${job.comparisonId}::uuid AND "generation" = ${job.generation} AND "status" = 'running'
        AND "leaseUntil" < now()`;
  }
}

/** Extends the lease and records progress; false when the job is no longer this runner's. */
export async function heartbeatSuggestionJob(job: ClaimedJob, leaseMs: number, progress: number, stage: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE "SuggestionJob" SET "leaseUntil" = now() + ${leaseMs} * interval '1 millisecond', "progress" = ${progress},
      "stage" = ${stage}, "updatedAt" = now()
    WHERE "comparisonId" = ${job.comparisonId}::uuid AND "status" = 'running' AND "workerId" = ${job.workerId}
      AND "generation" = ${job.generation}`;
  return updated > 0;
}

/**
 * A failed attempt: retried after a back-off (2 s, 4 s, …) until `maxAttempts`,
 * then left failed with the error. Ignored when the job was re-queued meanwhile.
 */
export async function failSuggestionJob(job: ClaimedJob, error: string, maxAttempts: number, fingerprint: string | null): Promise<void> {
  const isFinal = job.attempts >= maxAttempts;
  const backoffMs = 2000 * 2 ** (job.attempts - 1);
  await db.$executeRaw`
    UPDATE "SuggestionJob" SET "status" = ${isFinal ? "failed" : "queued"}::"SuggestionJobStatus", "error" = ${error.slice(0, 1000)},
      "workerId" = NULL, "leaseUntil" = NULL, "stage" = NULL, "updatedAt" = now(),
      "runAfter" = now() + ${backoffMs} * interval '1 millisecond',
      "finishedAt" = ${isFinal ? new Date() : null}, "fingerprint" = ${isFinal ? fingerprint : null}
    WHERE "comparisonId" = ${job.comparisonId}::uuid AND "status" = 'running' AND "workerId" = ${job.workerId}
      AND "generation" = ${job.generation}`;
}

/** The sources of a comparison in order, as the engine and the fingerprint need them. */
export async function loadComparisonInputs(comparisonId: string, withText: true): Promise<ComparisonSourceInput[]>;
export async function loadComparisonInputs(comparisonId: string, withText: false): Promise<Array<FingerprintSource & { position: number }>>;
export async function loadComparisonInputs(comparisonId: string, withText: boolean) {
  const rows = await db.comparisonSource.findMany({
    where: { comparisonId },
    orderBy: { position: "asc" },
    select: { position: true, label: true, source: { select: { id: true, contentHash: true, language: true, text: withText } } },
  });
  return rows.map(({ position, label, source }) => ({ ...source, position, label: label ?? positionLetter(position) }));
}

export function fingerprintOf(sources: readonly FingerprintSource[]): string {
  return inputFingerprint(ENGINE_VERSION, sources);
}

/**
 * Queues every comparison whose suggestions are missing or out of date (new
 * engine version, changed texts, languages or labels). Runs when a runner
 * starts and every few minutes; returns how many it queued.
 */
export async function enqueueStaleSuggestionJobs(): Promise<number> {
  const rows = await db.comparison.findMany({
    select: {
      id: true,
      suggestionJob: { select: { status: true, fingerprint: true } },
      sources: { select: { position: true, label: true, source: { select: { id: true, contentHash: true, language: true } } } },
    },
  });
  let queued = 0;
  for (const row of rows) {
    const job = row.suggestionJob;
    if (job && (job.status === "queued" || job.status === "running")) continue;
    const sources = row.sources.map(({ position, label, source }) => ({ ...source, label: label ?? positionLetter(position) }));
    if (job && job.fingerprint === fingerprintOf(sources)) continue;
    await enqueueSuggestionJob(row.id, job ? "sources or engine changed" : "not computed yet");
    queued++;
  }
  return queued;
}
