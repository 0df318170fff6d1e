import "server-only";

import { createAnnotationInTransaction } from "@/lib/annotations/service";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

import { enqueueSuggestionJob, fingerprintOf, loadComparisonInputs } from "./jobs";
import { draftRationale } from "./rationale";
import { kickSuggestionRunner } from "./runner";
import { dismissSuggestionSchema, listSuggestionsQuerySchema, type DismissSuggestionInput, type ListSuggestionsQuery } from "./schemas";
import { scheduleSuggestions } from "./schedule";
import {
  suggestionSelect,
  type AcceptedSuggestion,
  toSuggestionView,
  type SkippedSourceView,
  type SuggestionJobView,
  type SuggestionList,
  type SuggestionRecord,
  type SuggestionView,
} from "./views";

// Reading suggestions with their job's progress, and deciding on them: accept
// (a draft annotation of the actor's, made through the annotation service so
// its passages are verified against the current text) or dismiss (remembered
// by key, so no recomputation proposes it again).

function viewFor(actor: Actor, record: SuggestionRecord, positions?: ReadonlyMap<string, number>): SuggestionView {
  const canSeeAnnotation = record.decidedBy?.id === actor.id || hasPermission(actor.role, "annotation.readDrafts");
  return toSuggestionView(record, { positions, canSeeAnnotation });
}

/**
 * Open suggestions of a comparison, best first, with the state of their
 * computation. Notices when the sources changed since the last run (or the
 * engine did) and queues a recomputation; until it is done, suggestions into
 * a changed or removed source are left out.
 */
export async function listSuggestions(
  actor: Actor,
  comparisonId: string,
  query: ListSuggestionsQuery | UntrustedInput = {},
): Promise<SuggestionList> {
  assertPermission(actor, "comparison.read");
  const id = assertId(comparisonId, "comparison");
  const filters = parseInput(listSuggestionsQuerySchema, query);
  const sources = await loadComparisonInputs(id, false);
  if (sources.length === 0) throw new AppError("not_found", "No comparison with this id.");
  const positions = new Map(sources.map((source) => [source.id, source.position]));
  for (const field of ["sourceA", "sourceB"] as const) {
    const sourceId = filters[field];
    if (sourceId && !positions.has(sourceId)) {
      throw new AppError("unprocessable", `${field}: not a source of this comparison.`, {
        errors: { [field]: "Not a source of this comparison." },
      });
    }
  }
  let job = await db.suggestionJob.findUnique({ where: { comparisonId: id } });
  const isSettled = !job || job.status === "done" || job.status === "failed";
  if (isSettled && job?.fingerprint !== fingerprintOf(sources)) {
    await enqueueSuggestionJob(id, job ? "sources or engine changed" : "not computed yet");
    kickSuggestionRunner();
    job = await db.suggestionJob.findUnique({ where: { comparisonId: id } });
  }
  const computedHashes = (job?.sourceHashes ?? {}) as Record<string, string>;
  const current = sources.filter((source) => computedHashes[source.id] === source.contentHash).map((source) => source.id);
  const pair = filters.sourceA
    ? filters.sourceB
      ? {
          OR: [
            { sourceAId: filters.sourceA, sourceBId: filters.sourceB },
            { sourceAId: filters.sourceB, sourceBId: filters.sourceA },
          ],
        }
      : { OR: [{ sourceAId: filters.sourceA }, { sourceBId: filters.sourceA }] }
    : {};
  const where = {
    comparisonId: id,
    status: "open" as const,
    kind: filters.kind,
    score: filters.minScore === undefined ? undefined : { gte: filters.minScore },
    sourceAId: { in: current },
    sourceBId: { in: current },
    AND: [pair],
  };
  const [rows, total] = await Promise.all([
    db.suggestion.findMany({ where, select: suggestionSelect, orderBy: [{ score: "desc" }, { startA: "asc" }], take: filters.limit }),
    db.suggestion.count({ where }),
  ]);
  const labels = new Map(sources.map((source) => [source.id, source.label]));
  const skipped = ((job?.skipped ?? []) as Array<{ sourceId: string; reason: string }>)
    .filter((item) => labels.has(item.sourceId))
    .map((item): SkippedSourceView => ({ ...item, label: labels.get(item.sourceId)! }));
  return { comparisonId: id, job: toJobView(job), skipped, suggestions: rows.map((row) => viewFor(actor, row, positions)), total };
}

function toJobView(job: Awaited<ReturnType<typeof db.suggestionJob.findUnique>>): SuggestionJobView {
  if (!job)
    return { status: "idle", progress: 0, stage: null, reason: null, attempts: 0, error: null, engineVersion: null, finishedAt: null };
  return {
    status: job.status,
    progress: job.status === "done" ? 100 : job.progress,
    stage: job.stage,
    reason: job.reason || null,
    attempts: job.attempts,
    error: job.error,
    engineVersion: job.engineVersion,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** Locks the suggestion row for a decision; 404 when there is none. */
async function lockSuggestion(tx: Tx, id: string): Promise<SuggestionRecord> {
  const suggestionId = assertId(id, "suggestion");
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Suggestion" WHERE "id" = ${suggestionId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", "No suggestion with this id.");
  return tx.suggestion.findUniqueOrThrow({ where: { id: suggestionId }, select: suggestionSelect });
}

function alreadyDecided(actor: Actor, record: SuggestionRecord): AppError {
  const who = record.decidedBy?.id === actor.id ? "you" : (record.decidedBy?.name ?? "someone");
  const what = record.status === "accepted" ? `already accepted by ${who}` : `already dismissed by ${who}`;
  return new AppError("conflict", `This suggestion was ${what}.`, { extra: { current: viewFor(actor, record) } });
}

/**
 * Makes a suggestion the actor's draft annotation: its kind, both passages
 * (verified against the current text by the annotation service) and a
 * rationale drafted from the reasons; the annotation's history records the
 * engine version and score. 409 with the current state when someone already
 * decided on it or a passage no longer matches its source.
 */
export async function acceptSuggestion(actor: Actor, id: string): Promise<AcceptedSuggestion> {
  assertPermission(actor, "annotation.create");
  let staleComparisonId: string | null = null;
  try {
    return await db.$transaction(async (tx) => {
      const record = await lockSuggestion(tx, id);
      if (record.status !== "open") throw alreadyDecided(actor, record);
      const sources = await loadComparisonInputs(record.comparisonId, false);
      const labels = new Map(sources.map((source) => [source.id, source.label]));
      const view = viewFor(actor, record, new Map(sources.map((source) => [source.id, source.position])));
      const input = {
        kind: view.kind,
        rationale: draftRationale(view.kind, view.reasons, [
          labels.get(view.spans[0].sourceId) ?? "A",
          labels.get(view.spans[1].sourceId) ?? "B",
        ]),
        spans: view.spans,
        submit: false,
      };
      const origin = {
        type: "suggestion",
        suggestionId: record.id,
        engineVersion: record.engineVersion,
        score: record.score,
        key: record.key,
      };
      const annotation = await createAnnotationInTransaction(tx, actor, record.comparisonId, input, origin).catch((error: unknown) => {
        if (!isAppError(error) || error.code !== "unprocessable") throw error;
        staleComparisonId = record.comparisonId;
        throw new AppError(
          "conflict",
          "A passage no longer matches its source (the text changed or the source left the comparison); suggestions are being recomputed.",
          {
            extra: { current: view },
          },
        );
      });
      const decided = await tx.suggestion.update({
        where: { id: record.id },
        data: { status: "accepted", decidedById: actor.id, decidedAt: new Date(), annotationId: annotation.id },
        select: suggestionSelect,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "suggestion.accept",
        entityType: "suggestion",
        entityId: record.id,
        comparisonId: record.comparisonId,
        before: { status: "open" },
        after: { status: "accepted", annotationId: annotation.id, engineVersion: record.engineVersion, score: record.score },
      });
      return { suggestion: viewFor(actor, decided), annotation };
    });
  } finally {
    if (staleComparisonId) await scheduleSuggestions(staleComparisonId, "source text changed");
  }
}

/** Dismisses a suggestion (idempotent: dismissing it again changes nothing) and remembers its key. */
export async function dismissSuggestion(
  actor: Actor,
  id: string,
  input: DismissSuggestionInput | UntrustedInput = {},
): Promise<SuggestionView> {
  assertPermission(actor, "annotation.create");
  const data = parseInput(dismissSuggestionSchema, input);
  return db.$transaction(async (tx) => {
    const record = await lockSuggestion(tx, id);
    if (record.status === "dismissed") return viewFor(actor, record);
    if (record.status === "accepted") throw alreadyDecided(actor, record);
    const reason = data.reason || null;
    const decided = await tx.suggestion.update({
      where: { id: record.id },
      data: { status: "dismissed", dismissReason: reason, decidedById: actor.id, decidedAt: new Date() },
      select: suggestionSelect,
    });
    await tx.suggestionDismissal.upsert({
      where: { comparisonId_key: { comparisonId: record.comparisonId, key: record.key } },
      create: { comparisonId: record.comparisonId, key: record.key, reason, dismissedById: actor.id },
      update: {},
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "suggestion.dismiss",
      entityType: "suggestion",
      entityId: record.id,
      comparisonId: record.comparisonId,
      before: { status: "open" },
      after: { status: "dismissed", reason, key: record.key },
    });
    return viewFor(actor, decided);
  });
}
