import "server-only";

import { annotationSelect, toAnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import {
  sourceSelect,
  toSourceView,
  type ComparisonDetail,
  type ComparisonSummary,
} from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId } from "@/lib/validation";

export type ListComparisonsOptions = { includeArchived?: boolean };

export async function listComparisons(
  actor: Actor,
  options: ListComparisonsOptions = {},
): Promise<ComparisonSummary[]> {
  assertPermission(actor, "comparison.read");
  const rows = await db.comparison.findMany({
    where: options.includeArchived ? {} : { archivedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      question: true,
      archivedAt: true,
      createdAt: true,
      leftSource: { select: { id: true, title: true, outlet: true } },
      rightSource: { select: { id: true, title: true, outlet: true } },
    },
  });
  const counts = await db.annotation.groupBy({
    by: ["comparisonId", "kind", "status"],
    where: { comparisonId: { in: rows.map((row) => row.id) } },
    _count: { _all: true },
  });
  return rows.map((row) => {
    const mine = counts.filter((c) => c.comparisonId === row.id);
    const sum = (predicate: (c: (typeof mine)[number]) => boolean) =>
      mine.filter(predicate).reduce((total, c) => total + c._count._all, 0);
    return {
      id: row.id,
      title: row.title,
      question: row.question,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      left: row.leftSource,
      right: row.rightSource,
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
