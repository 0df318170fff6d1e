import "server-only";

import { annotationSelect, toAnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import {
  createComparisonSchema,
  updateComparisonSchema,
  type CreateComparisonInput,
  type UpdateComparisonInput,
} from "@/lib/comparisons/schemas";
import { sourceSelect, toSourceView, type ComparisonDetail, type ComparisonRecord, type ComparisonSummary } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrepareOptions } from "@/lib/sources/prepare";
import { insertSource, prepareNewSource } from "@/lib/sources/service";
import { assertId, parseInput } from "@/lib/validation";

const recordSelect = {
  id: true,
  title: true,
  question: true,
  archivedAt: true,
  createdAt: true,
  leftSource: { select: { id: true, title: true, outlet: true } },
  rightSource: { select: { id: true, title: true, outlet: true } },
} satisfies Prisma.ComparisonSelect;

function toRecord(row: Prisma.ComparisonGetPayload<{ select: typeof recordSelect }>): ComparisonRecord {
  const { leftSource, rightSource, archivedAt, createdAt, ...rest } = row;
  return {
    ...rest,
    archivedAt: archivedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    left: leftSource,
    right: rightSource,
  };
}

export type ListComparisonsOptions = { includeArchived?: boolean };

export async function listComparisons(actor: Actor, options: ListComparisonsOptions = {}): Promise<ComparisonSummary[]> {
  assertPermission(actor, "comparison.read");
  const rows = await db.comparison.findMany({
    where: options.includeArchived ? {} : { archivedAt: null },
    orderBy: { createdAt: "desc" },
    select: recordSelect,
  });
  const counts = await db.annotation.groupBy({
    by: ["comparisonId", "kind", "status"],
    where: { comparisonId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  return rows.map((row) => {
    const mine = counts.filter((c) => c.comparisonId === row.id);
    const sum = (predicate: (c: (typeof mine)[number]) => boolean) => mine.filter(predicate).reduce((total, c) => total + c._count._all, 0);
    return {
      ...toRecord(row),
      counts: {
        total: sum(() => true),
        agreement: sum((c) => c.kind === "agreement"),
        contradiction: sum((c) => c.kind === "contradiction"),
        note: sum((c) => c.kind === "note"),
        approved: sum((c) => c.status === "approved"),
      },
    };
  });
}

export async function getComparison(actor: Actor, id: string): Promise<ComparisonDetail> {
  assertPermission(actor, "comparison.read");
  const row = await db.comparison.findUnique({
    where: { id: assertId(id, "comparison") },
    select: {
      id: true,
      title: true,
      question: true,
      archivedAt: true,
      createdAt: true,
      leftSource: { select: sourceSelect },
      rightSource: { select: sourceSelect },
      annotations: { select: annotationSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) throw new AppError("not_found", "No comparison with this id.");
  return {
    id: row.id,
    title: row.title,
    question: row.question,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    left: toSourceView(row.leftSource),
    right: toSourceView(row.rightSource),
    annotations: row.annotations.map(toAnnotationView),
  };
}

/** Field errors of a side's import, renamed to that side ("text" → "left.text"). */
async function withSidePrefix<T>(side: Side, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    const errors = Object.fromEntries(
      Object.entries(error.errors ?? { _: error.message }).map(([key, message]) => [`${side}.${key === "_" ? "text" : key}`, message]),
    );
    throw new AppError(error.code, `${side === "left" ? "Source A" : "Source B"}: ${error.message}`, { errors, extra: error.extra });
  }
}

type Side = "left" | "right";

/**
 * Creates a comparison over existing sources and/or new ones imported inline.
 * Imports (including URL fetches) happen first; then sources, comparison and
 * audit entries are written in one transaction, so a failure stores nothing.
 */
export async function createComparison(
  actor: Actor,
  input: CreateComparisonInput,
  options: PrepareOptions = {},
): Promise<ComparisonRecord> {
  assertPermission(actor, "comparison.create");
  const data = parseInput(createComparisonSchema, input);
  const sides = (["left", "right"] as const).map((side) => {
    const id = data[`${side}SourceId`];
    const inline = data[side];
    if (id && inline)
      throw new AppError("unprocessable", "Pick an existing source or import a new one, not both.", {
        errors: { [side]: "Pick an existing source or import a new one, not both." },
      });
    if (!id && !inline)
      throw new AppError("unprocessable", `Choose ${side === "left" ? "source A" : "source B"}.`, {
        errors: { [`${side}SourceId`]: "Choose a source or import one." },
      });
    if (inline) assertPermission(actor, "source.create");
    return { side, id: id?.toLowerCase(), inline };
  });
  if (sides[0]!.id && sides[0]!.id === sides[1]!.id) {
    throw new AppError("unprocessable", "Compare two different sources.", { errors: { rightSourceId: "Pick a different source than A." } });
  }
  const prepared = await Promise.all(
    sides.map((side) => (side.inline ? withSidePrefix(side.side, () => prepareNewSource(side.inline!, options)) : Promise.resolve(null))),
  );
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const [index, side] of sides.entries()) {
      const ready = prepared[index];
      if (ready) {
        ids.push((await withSidePrefix(side.side, () => insertSource(tx, actor, ready.data, ready.prepared))).id);
        continue;
      }
      const existing = await tx.source.findUnique({ where: { id: side.id! }, select: { id: true } });
      if (!existing)
        throw new AppError("unprocessable", "No source with this id.", { errors: { [`${side.side}SourceId`]: "No source with this id." } });
      ids.push(existing.id);
    }
    const created = await tx.comparison.create({
      data: { title: data.title, question: data.question ?? null, leftSourceId: ids[0]!, rightSourceId: ids[1]!, createdById: actor.id },
      select: recordSelect,
    });
    const record = toRecord(created);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "comparison.create",
      entityType: "comparison",
      entityId: created.id,
      comparisonId: created.id,
      after: record,
    });
    return record;
  });
}

export async function updateComparison(actor: Actor, id: string, input: UpdateComparisonInput): Promise<ComparisonRecord> {
  assertPermission(actor, "comparison.update");
  const data = parseInput(updateComparisonSchema, input);
  const comparisonId = assertId(id, "comparison");
  return db.$transaction(async (tx) => {
    const current = await tx.comparison.findUnique({ where: { id: comparisonId }, select: recordSelect });
    if (!current) throw new AppError("not_found", "No comparison with this id.");
    const archivedAt = data.archived === undefined ? undefined : data.archived ? (current.archivedAt ?? new Date()) : null;
    const updated = await tx.comparison.update({
      where: { id: comparisonId },
      data: { title: data.title, question: data.question, archivedAt },
      select: recordSelect,
    });
    const before = toRecord(current);
    const after = toRecord(updated);
    const action =
      data.archived === undefined || Boolean(before.archivedAt) === data.archived
        ? "comparison.update"
        : data.archived
          ? "comparison.archive"
          : "comparison.unarchive";
    await recordAudit(tx, { actorId: actor.id, action, entityType: "comparison", entityId: comparisonId, comparisonId, before, after });
    return after;
  });
}

/** Admins only. Annotations, spans, reviews and comments go with it (cascade); the audit trail stays. */
export async function deleteComparison(actor: Actor, id: string): Promise<void> {
  assertPermission(actor, "comparison.delete");
  const comparisonId = assertId(id, "comparison");
  await db.$transaction(async (tx) => {
    const current = await tx.comparison.findUnique({
      where: { id: comparisonId },
      select: { ...recordSelect, _count: { select: { annotations: true } } },
    });
    if (!current) throw new AppError("not_found", "No comparison with this id.");
    const { _count, ...row } = current;
    await tx.comparison.delete({ where: { id: comparisonId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "comparison.delete",
      entityType: "comparison",
      entityId: comparisonId,
      comparisonId,
      before: { ...toRecord(row), annotationCount: _count.annotations },
    });
  });
}
