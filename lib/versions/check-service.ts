import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrepareOptions } from "@/lib/sources/prepare";
import { assertId } from "@/lib/validation";
import { CHECK_CONCURRENCY, type CheckItemStatus, type CheckRunView } from "@/lib/versions/check-views";
import type { ReanchorSummary } from "@/lib/versions/reanchor";
import { prepareVersion, recordVersionAs } from "@/lib/versions/service";

// "Check all sources": re-fetch every source that has a URL and add a
// version where the cleaned text changed. The run and each item live in the
// database, so progress reads the same from any instance; workers claim items
// with FOR UPDATE SKIP LOCKED (at most CHECK_CONCURRENCY per process), and an
// item whose claim went stale (its instance died) is claimed again. Reading a
// run whose heartbeat is stale restarts the workers here.

const LEASE_SECONDS = 120;
const HEARTBEAT_STALE_MS = 30_000;
const driving = new Set<string>();

const runSelect = {
  id: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  heartbeatAt: true,
  startedBy: { select: { id: true, name: true } },
  items: {
    select: { sourceId: true, status: true, versionNumber: true, result: true, source: { select: { title: true, url: true } } },
    orderBy: { position: "asc" },
  },
} satisfies Prisma.SourceCheckRunSelect;

type RunRow = Prisma.SourceCheckRunGetPayload<{ select: typeof runSelect }>;

const emptySummary = (): ReanchorSummary => ({ unchanged: 0, changed: 0, orphaned: 0, annotationsFlagged: 0 });

function toRunView(row: RunRow): CheckRunView {
  const counts: Record<CheckItemStatus, number> = { pending: 0, running: 0, unchanged: 0, changed: 0, failed: 0 };
  const summary = emptySummary();
  const items = row.items.map((item) => {
    counts[item.status]++;
    const result = (item.result ?? {}) as { summary?: ReanchorSummary; error?: string };
    if (result.summary) for (const key of Object.keys(summary) as Array<keyof ReanchorSummary>) summary[key] += result.summary[key];
    return {
      sourceId: item.sourceId,
      title: item.source.title,
      url: item.source.url,
      status: item.status,
      versionNumber: item.versionNumber,
      summary: result.summary ?? null,
      error: result.error ?? null,
    };
  });
  return {
    id: row.id,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    startedBy: row.startedBy,
    total: items.length,
    checked: counts.unchanged + counts.changed + counts.failed,
    counts,
    summary,
    items,
  };
}

export async function startSourceCheck(actor: Actor, options: PrepareOptions = {}): Promise<CheckRunView> {
  assertPermission(actor, "source.checkAll");
  const runId = await db.$transaction(async (tx) => {
    // One run at a time, across instances.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('parallax:source-check'))`;
    const running = await tx.sourceCheckRun.findFirst({ where: { status: "running" }, select: { id: true } });
    if (running) throw new AppError("conflict", "A check of all sources is already running.", { extra: { runId: running.id } });
    const sources = await tx.source.findMany({ where: { url: { not: null } }, orderBy: { createdAt: "asc" }, select: { id: true } });
    const run = await tx.sourceCheckRun.create({
      data: { startedById: actor.id, items: { create: sources.map((source, position) => ({ sourceId: source.id, position })) } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "source_check.start",
      entityType: "source_check",
      entityId: run.id,
      after: { sources: sources.length },
    });
    return run.id;
  });
  void driveSourceCheck(runId, options);
  return getSourceCheck(actor, runId, options);
}

export async function getSourceCheck(actor: Actor, id: string, options: PrepareOptions = {}): Promise<CheckRunView> {
  assertPermission(actor, "source.checkAll");
  const row = await db.sourceCheckRun.findUnique({ where: { id: assertId(id, "check") }, select: runSelect });
  if (!row) throw new AppError("not_found", "No check with this id.");
  if (row.status === "running" && Date.now() - row.heartbeatAt.getTime() > HEARTBEAT_STALE_MS) void driveSourceCheck(row.id, options);
  return toRunView(row);
}

export async function listSourceChecks(actor: Actor): Promise<CheckRunView[]> {
  assertPermission(actor, "source.checkAll");
  const rows = await db.sourceCheckRun.findMany({ orderBy: { startedAt: "desc" }, take: 10, select: runSelect });
  return rows.map(toRunView);
}

/** Runs this process's workers until no item is left to claim, then closes the run. Resolves when done. */
export async function driveSourceCheck(runId: string, options: PrepareOptions = {}): Promise<void> {
  if (driving.has(runId)) return;
  driving.add(runId);
  try {
    await Promise.all(Array.from({ length: CHECK_CONCURRENCY }, () => work(runId, options)));
    await finishIfDone(runId);
  } catch (error) {
    console.error(`source check ${runId}:`, error);
  } finally {
    driving.delete(runId);
  }
}

async function work(runId: string, options: PrepareOptions): Promise<void> {
  for (;;) {
    const [item] = await db.$queryRaw<Array<{ id: string; sourceId: string }>>`
      UPDATE "SourceCheckItem" SET "status" = 'running', "claimedAt" = now()
      WHERE "id" = (
        SELECT "id" FROM "SourceCheckItem"
        WHERE "runId" = ${runId}::uuid
          AND ("status" = 'pending' OR ("status" = 'running' AND "claimedAt" < now() - make_interval(secs => ${LEASE_SECONDS})))
        ORDER BY "position" LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING "id", "sourceId"`;
    if (!item) return;
    await db.sourceCheckRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() }, select: { id: true } });
    await checkItem(runId, item, options);
  }
}

async function checkItem(runId: string, item: { id: string; sourceId: string }, options: PrepareOptions): Promise<void> {
  try {
    const run = await db.sourceCheckRun.findUniqueOrThrow({
      where: { id: runId },
      select: { startedBy: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
    });
    const starter = run.startedBy;
    if (!starter || starter.disabledAt) throw new AppError("forbidden", "The admin who started this check can no longer act.");
    const actor: Actor = { id: starter.id, email: starter.email, name: starter.name, role: starter.role };
    const source = await db.source.findUniqueOrThrow({ where: { id: item.sourceId }, select: { title: true, url: true } });
    const prepared = await prepareVersion(source, { refetch: true }, options);
    await db.$transaction(
      async (tx) => {
        const outcome = await recordVersionAs(tx, actor, item.sourceId, { ...prepared, origin: "check_all" });
        await tx.sourceCheckItem.update({
          where: { id: item.id },
          data: outcome.changed
            ? { status: "changed", versionNumber: outcome.version.number, result: { summary: outcome.summary }, finishedAt: new Date() }
            : { status: "unchanged", versionNumber: outcome.version.number, finishedAt: new Date() },
          select: { id: true },
        });
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    const message = error instanceof AppError ? error.message : "Unexpected error while checking this source.";
    if (!(error instanceof AppError)) console.error(`source check item ${item.id}:`, error);
    await db.sourceCheckItem.update({
      where: { id: item.id },
      data: { status: "failed", result: { error: message }, finishedAt: new Date() },
      select: { id: true },
    });
  }
}

async function finishIfDone(runId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const open = await tx.sourceCheckItem.count({ where: { runId, status: { in: ["pending", "running"] } } });
    if (open > 0) return;
    const { count } = await tx.sourceCheckRun.updateMany({
      where: { id: runId, status: "running" },
      data: { status: "done", finishedAt: new Date() },
    });
    if (count === 0) return;
    const run = toRunView(await tx.sourceCheckRun.findUniqueOrThrow({ where: { id: runId }, select: runSelect }));
    await recordAudit(tx, {
      actorId: run.startedBy?.id ?? null,
      action: "source_check.finish",
      entityType: "source_check",
      entityId: runId,
      after: { counts: run.counts, summary: run.summary },
    });
  });
}
