import "server-only";

import { cache } from "react";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { annotationSelect, toAnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { deriveMatrix, sortMatrixRows, type EvidenceMatrix } from "@/lib/comparisons/matrix";
import { assertCanManage, importEntries, recordSelect, toRecord, withEntryPrefix } from "@/lib/comparisons/records";
import {
  createComparisonSchema,
  matrixQuerySchema,
  updateComparisonSchema,
  type CreateComparisonInput,
  type MatrixQuery,
  type UpdateComparisonInput,
} from "@/lib/comparisons/schemas";
import {
  comparisonSourceWithTextSelect,
  positionLetter,
  toComparisonSourceView,
  type ComparisonDetail,
  type ComparisonRecord,
  type ComparisonSummary,
} from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PrepareOptions } from "@/lib/sources/prepare";
import { scheduleSuggestions } from "@/lib/suggestions/schedule";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

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
    where: { comparisonId: { in: rows.map((row) => row.id) }, ...visibleAnnotationsWhere(actor) },
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

/**
 * The comparison with its sources in order (with their text) and the
 * annotations the actor may see. Cached per request: a page and its
 * metadata share one load.
 */
export const getComparison = cache(async (actor: Actor, id: string): Promise<ComparisonDetail> => {
  assertPermission(actor, "comparison.read");
  const row = await db.comparison.findUnique({
    where: { id: assertId(id, "comparison") },
    select: {
      ...recordSelect,
      sources: { select: comparisonSourceWithTextSelect, orderBy: { position: "asc" } },
      annotations: { where: visibleAnnotationsWhere(actor), select: annotationSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) throw new AppError("not_found", "No comparison with this id.");
  const { sources, annotations, ...record } = row;
  return {
    ...toRecord({ ...record, sources: [] }),
    sources: sources.map(toComparisonSourceView),
    annotations: annotations.map(toAnnotationView),
  };
});

/**
 * Creates a comparison over existing sources and/or new ones imported inline.
 * Imports (including URL fetches) happen first; then sources, comparison and
 * audit entries are written in one transaction, so a failure stores nothing.
 */
export async function createComparison(
  actor: Actor,
  input: CreateComparisonInput | UntrustedInput,
  options: PrepareOptions = {},
): Promise<ComparisonRecord> {
  assertPermission(actor, "comparison.create");
  const data = parseInput(createComparisonSchema, input);
  const entries = data.sources ?? data.sourceIds!.map((sourceId) => ({ sourceId, label: undefined }));
  const field = data.sources ? "sources" : "sourceIds";
  const prepared = await importEntries(actor, entries, field, options);
  const comparison = await db.$transaction(async (tx) => {
    const created = await tx.comparison.create({
      data: { title: data.title, question: data.question ?? null, createdById: actor.id },
      select: { id: true },
    });
    const ids = new Set<string>();
    for (const [index, entry] of prepared.entries()) {
      const sourceId = await withEntryPrefix(`${field}.${index}`, () => entry.resolve(tx));
      if (ids.has(sourceId)) {
        throw new AppError("unprocessable", "Each source can be in a comparison once.", {
          errors: { [`${field}.${index}`]: "This source is already in the comparison." },
        });
      }
      ids.add(sourceId);
      await tx.comparisonSource.create({ data: { comparisonId: created.id, sourceId, position: index, label: entry.label ?? null } });
    }
    const record = toRecord(await tx.comparison.findUniqueOrThrow({ where: { id: created.id }, select: recordSelect }));
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
  await scheduleSuggestions(comparison.id, "comparison created");
  return comparison;
}

export async function updateComparison(actor: Actor, id: string, input: UpdateComparisonInput | UntrustedInput): Promise<ComparisonRecord> {
  assertPermission(actor, "comparison.update");
  const data = parseInput(updateComparisonSchema, input);
  const comparisonId = assertId(id, "comparison");
  return db.$transaction(async (tx) => {
    const current = await tx.comparison.findUnique({ where: { id: comparisonId }, select: recordSelect });
    if (!current) throw new AppError("not_found", "No comparison with this id.");
    const before = toRecord(current);
    assertCanManage(actor, before);
    const archivedAt = data.archived === undefined ? undefined : data.archived ? (current.archivedAt ?? new Date()) : null;
    const updated = await tx.comparison.update({
      where: { id: comparisonId },
      data: { title: data.title, question: data.question, archivedAt },
      select: recordSelect,
    });
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

/** Admins only. Annotations, spans, reviews and comments go with it (cascade); the audit trail and the sources stay. */
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

/** The evidence matrix of a comparison (see matrix.ts), over the annotations the actor may see. */
export async function getComparisonMatrix(actor: Actor, id: string, query: MatrixQuery | UntrustedInput = {}): Promise<EvidenceMatrix> {
  assertPermission(actor, "comparison.read");
  const { sort, ...filters } = parseInput(matrixQuerySchema, query);
  const row = await db.comparison.findUnique({
    where: { id: assertId(id, "comparison") },
    select: {
      sources: {
        select: { position: true, label: true, reliability: true, source: { select: { id: true, title: true, outlet: true } } },
        orderBy: { position: "asc" },
      },
      annotations: {
        where: { ...visibleAnnotationsWhere(actor), kind: { in: ["agreement", "contradiction"] } },
        select: {
          id: true,
          kind: true,
          status: true,
          rationale: true,
          tags: true,
          credibility: true,
          author: { select: { id: true, name: true } },
          spans: { select: { sourceId: true, exact: true }, orderBy: { position: "asc" } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!row) throw new AppError("not_found", "No comparison with this id.");
  const sources = row.sources.map(({ source, position, label, reliability }) => ({
    ...source,
    label: label ?? positionLetter(position),
    reliability,
  }));
  const matrix = deriveMatrix(sources, row.annotations, filters);
  return { ...matrix, rows: sortMatrixRows(matrix.rows, sort) };
}
