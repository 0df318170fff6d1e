import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { canGradeSources } from "@/lib/comparisons/access";
import { assertCanManage, importEntries, recordSelect, toRecord, withEntryPrefix } from "@/lib/comparisons/records";
import {
  addComparisonSourceSchema,
  MAX_SOURCES,
  MIN_SOURCES,
  reorderComparisonSourcesSchema,
  updateComparisonSourceSchema,
  type AddComparisonSourceInput,
  type ReorderComparisonSourcesInput,
  type UpdateComparisonSourceInput,
} from "@/lib/comparisons/schemas";
import {
  comparisonSourceWithTextSelect,
  toComparisonSourceView,
  type ComparisonRecord,
  type ComparisonSourceView,
} from "@/lib/comparisons/views";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PrepareOptions } from "@/lib/sources/prepare";
import { scheduleSuggestions } from "@/lib/suggestions/schedule";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

// A comparison's list of sources: add one, remove one no annotation uses,
// move or relabel one, grade one. Positions stay 0…n-1 without gaps.

async function lockComparison(tx: Tx, actor: Actor, id: string, options: { manage: boolean }) {
  const comparisonId = assertId(id, "comparison");
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Comparison" WHERE "id" = ${comparisonId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("not_found", "No comparison with this id.");
  const record = toRecord(await tx.comparison.findUniqueOrThrow({ where: { id: comparisonId }, select: recordSelect }));
  if (options.manage) assertCanManage(actor, record);
  return record;
}

/**
 * Writes the order given as source ids. The unique (comparison, position)
 * index is checked row by row, so every row first moves to a negative
 * position in one statement, then to its final place.
 */
async function writeOrder(tx: Tx, comparisonId: string, sourceIds: string[]): Promise<void> {
  await tx.$executeRaw`UPDATE "ComparisonSource" SET "position" = -"position" - 1 WHERE "comparisonId" = ${comparisonId}::uuid`;
  for (const [position, sourceId] of sourceIds.entries()) {
    await tx.comparisonSource.update({ where: { comparisonId_sourceId: { comparisonId, sourceId } }, data: { position } });
  }
}

/** The comparison after a change to its source list, with the audit event that records the change. */
async function recordListChange(
  tx: Tx,
  actor: Actor,
  before: ComparisonRecord,
  action: "comparison.source_add" | "comparison.source_remove" | "comparison.source_update",
  sourceId?: string,
): Promise<ComparisonRecord> {
  const after = toRecord(await tx.comparison.findUniqueOrThrow({ where: { id: before.id }, select: recordSelect }));
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: "comparison",
    entityId: before.id,
    comparisonId: before.id,
    before,
    after: sourceId ? { ...after, sourceId } : after,
  });
  return after;
}

function sourceNotInComparison(field = "sourceId"): AppError {
  return new AppError("not_found", "This source is not part of the comparison.", {
    errors: { [field]: "This source is not part of the comparison." },
  });
}

export async function addComparisonSource(
  actor: Actor,
  comparisonId: string,
  input: AddComparisonSourceInput | UntrustedInput,
  options: PrepareOptions = {},
): Promise<ComparisonRecord> {
  assertPermission(actor, "comparison.update");
  const data = parseInput(addComparisonSourceSchema, input);
  const [entry] = await importEntries(actor, [data], "source", options);
  const updated = await db.$transaction(async (tx) => {
    const before = await lockComparison(tx, actor, comparisonId, { manage: true });
    if (before.sources.length >= MAX_SOURCES) {
      throw new AppError("unprocessable", `A comparison holds at most ${MAX_SOURCES} sources.`, {
        errors: { sourceId: `At most ${MAX_SOURCES} sources.` },
      });
    }
    const sourceId = await withEntryPrefix("source", () => entry!.resolve(tx));
    if (before.sources.some((source) => source.id === sourceId)) {
      throw new AppError("conflict", "This source is already in the comparison.", { errors: { sourceId: "Already in the comparison." } });
    }
    const order = before.sources.map((source) => source.id);
    order.splice(Math.min(data.position ?? order.length, order.length), 0, sourceId);
    await tx.comparisonSource.create({
      data: { comparisonId: before.id, sourceId, position: before.sources.length, label: entry!.label ?? null },
    });
    await writeOrder(tx, before.id, order);
    return recordListChange(tx, actor, before, "comparison.source_add", sourceId);
  });
  await scheduleSuggestions(updated.id, "source added");
  return updated;
}

/** Removes a source no annotation of the comparison points into (409 otherwise); at least two stay. */
export async function removeComparisonSource(actor: Actor, comparisonId: string, sourceId: string): Promise<ComparisonRecord> {
  assertPermission(actor, "comparison.update");
  const id = assertId(sourceId, "source");
  const updated = await db.$transaction(async (tx) => {
    const before = await lockComparison(tx, actor, comparisonId, { manage: true });
    if (!before.sources.some((source) => source.id === id)) throw sourceNotInComparison();
    if (before.sources.length <= MIN_SOURCES) {
      throw new AppError("conflict", `A comparison needs at least ${MIN_SOURCES} sources; add another before removing this one.`, {
        errors: { sourceId: `At least ${MIN_SOURCES} sources stay.` },
      });
    }
    const used = await tx.span.count({ where: { sourceId: id, annotation: { comparisonId: before.id } } });
    if (used > 0) {
      throw new AppError(
        "conflict",
        `${used} passage${used === 1 ? "" : "s"} of annotations point into this source; it cannot be removed.`,
        {
          errors: { sourceId: "Annotations use this source." },
        },
      );
    }
    await tx.comparisonSource.delete({ where: { comparisonId_sourceId: { comparisonId: before.id, sourceId: id } } });
    await writeOrder(
      tx,
      before.id,
      before.sources.map((source) => source.id).filter((other) => other !== id),
    );
    return recordListChange(tx, actor, before, "comparison.source_remove", id);
  });
  await scheduleSuggestions(updated.id, "source removed");
  return updated;
}

/** The whole order at once: the same sources, each once. */
export async function reorderComparisonSources(
  actor: Actor,
  comparisonId: string,
  input: ReorderComparisonSourcesInput | UntrustedInput,
): Promise<ComparisonRecord> {
  assertPermission(actor, "comparison.update");
  const data = parseInput(reorderComparisonSourcesSchema, input);
  return db.$transaction(async (tx) => {
    const before = await lockComparison(tx, actor, comparisonId, { manage: true });
    const current = new Set(before.sources.map((source) => source.id));
    const given = new Set(data.sourceIds);
    if (given.size !== data.sourceIds.length || given.size !== current.size || data.sourceIds.some((id) => !current.has(id))) {
      throw new AppError("unprocessable", "List every source of the comparison exactly once.", {
        errors: { sourceIds: "List every source of the comparison exactly once." },
      });
    }
    await writeOrder(tx, before.id, data.sourceIds);
    return recordListChange(tx, actor, before, "comparison.source_update");
  });
}

/**
 * Moves, relabels or grades one source of a comparison. Moving and relabelling
 * are the comparison owner's; grading (Admiralty A–F with a justification) is
 * open to analysts, reviewers and admins and records who graded and when.
 */
export async function updateComparisonSource(
  actor: Actor,
  comparisonId: string,
  sourceId: string,
  input: UpdateComparisonSourceInput | UntrustedInput,
): Promise<ComparisonSourceView> {
  const data = parseInput(updateComparisonSourceSchema, input);
  const isStructural = data.position !== undefined || data.label !== undefined;
  const isGrade = data.reliability !== undefined || data.reliabilityNote !== undefined;
  if (isStructural) assertPermission(actor, "comparison.update");
  if (isGrade && !canGradeSources(actor)) throw new AppError("forbidden", "Your role does not allow grading sources.");
  const id = assertId(sourceId, "source");
  return db.$transaction(async (tx) => {
    const before = await lockComparison(tx, actor, comparisonId, { manage: isStructural });
    const key = { comparisonId_sourceId: { comparisonId: before.id, sourceId: id } };
    const current = await tx.comparisonSource.findUnique({ where: key, select: comparisonSourceWithTextSelect });
    if (!current) throw sourceNotInComparison();
    if (data.position !== undefined) {
      if (data.position >= before.sources.length) {
        throw new AppError("unprocessable", `Positions run from 0 to ${before.sources.length - 1}.`, {
          errors: { position: `Positions run from 0 to ${before.sources.length - 1}.` },
        });
      }
      const order = before.sources.map((source) => source.id).filter((other) => other !== id);
      order.splice(data.position, 0, id);
      await writeOrder(tx, before.id, order);
    }
    const updated = await tx.comparisonSource.update({
      where: key,
      data: {
        label: data.label,
        reliability: data.reliability,
        reliabilityNote: data.reliabilityNote,
        ...(isGrade ? { gradedById: actor.id, gradedAt: new Date() } : {}),
      },
      select: comparisonSourceWithTextSelect,
    });
    const snapshot = (view: ComparisonSourceView) => {
      const { text: _text, ...rest } = view;
      return rest;
    };
    const view = toComparisonSourceView(updated);
    await recordAudit(tx, {
      actorId: actor.id,
      action: isGrade && !isStructural ? "comparison.source_grade" : "comparison.source_update",
      entityType: "comparison",
      entityId: before.id,
      comparisonId: before.id,
      before: snapshot(toComparisonSourceView(current)),
      after: snapshot(view),
    });
    return view;
  });
}
