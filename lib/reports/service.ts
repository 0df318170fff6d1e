import "server-only";

import { annotationKinds, annotationStatuses } from "@/lib/annotations/schemas";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reportScopeSchema } from "@/lib/reports/schemas";
import type { CountTable, ReportAnnotation, ReportData, ReportScope, ReportSource } from "@/lib/reports/types";
import { assertId, parseInput } from "@/lib/validation";

const sourceSelect = { id: true, title: true, outlet: true, author: true, url: true, publishedAt: true } as const;

/** Everything a report shows, for one comparison, checked against the actor's permissions. */
export async function loadReportData(actor: Actor, comparisonId: string, scope: ReportScope = "approved"): Promise<ReportData> {
  assertPermission(actor, "report.export");
  const checkedScope = parseInput(reportScopeSchema, scope);
  const comparison = await db.comparison.findUnique({
    where: { id: assertId(comparisonId, "comparison") },
    select: { id: true, title: true, question: true, leftSource: { select: sourceSelect }, rightSource: { select: sourceSelect } },
  });
  if (!comparison) throw new AppError("not_found", "No comparison with this id.");
  const { leftSource, rightSource } = comparison;

  const [rows, total] = await Promise.all([
    db.annotation.findMany({
      where: { comparisonId: comparison.id, ...(checkedScope === "approved" ? { status: "approved" } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        status: true,
        rationale: true,
        confidence: true,
        tags: true,
        author: { select: { name: true } },
        spans: { select: { sourceId: true, start: true, exact: true }, orderBy: { position: "asc" } },
        reviews: {
          select: { decision: true, createdAt: true, reviewer: { select: { name: true } } },
          orderBy: { createdAt: "desc" },
          take: 1,
        },
      },
    }),
    db.annotation.count({ where: { comparisonId: comparison.id } }),
  ]);

  const annotations = rows
    .map((row) => {
      const review = row.reviews[0];
      const ofSource = (sourceId: string) => row.spans.filter((span) => span.sourceId === sourceId);
      const spansA = ofSource(leftSource.id);
      const spansB = ofSource(rightSource.id);
      const annotation: ReportAnnotation = {
        id: row.id,
        kind: row.kind,
        status: row.status,
        rationale: row.rationale,
        confidence: row.confidence,
        tags: row.tags,
        author: row.author.name,
        quotesA: spansA.map((span) => span.exact),
        quotesB: spansB.map((span) => span.exact),
        review: review ? { reviewer: review.reviewer.name, decision: review.decision, decidedAt: review.createdAt } : null,
      };
      // Reading order: where the passage sits in source A, else in source B.
      const position = spansA[0] ? spansA[0].start : spansB[0] ? 1e9 + spansB[0].start : 2e9;
      return { annotation, position };
    })
    .sort((a, b) => a.position - b.position)
    .map((entry) => entry.annotation);

  return {
    comparison: { id: comparison.id, title: comparison.title, question: comparison.question },
    left: toReportSource(leftSource),
    right: toReportSource(rightSource),
    scope: checkedScope,
    generatedAt: new Date(),
    generatedBy: { name: actor.name, email: actor.email },
    annotations,
    included: countAnnotations(annotations),
    excludedCount: total - annotations.length,
  };
}

function toReportSource(source: {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
}): ReportSource {
  return { ...source, publishedAt: source.publishedAt?.toISOString().slice(0, 10) ?? null };
}

export function countAnnotations(annotations: ReadonlyArray<Pick<ReportAnnotation, "kind" | "status">>): CountTable {
  const table: CountTable = {
    byKind: Object.fromEntries(annotationKinds.map((kind) => [kind, 0])) as CountTable["byKind"],
    byStatus: Object.fromEntries(annotationStatuses.map((status) => [status, 0])) as CountTable["byStatus"],
  };
  for (const annotation of annotations) {
    table.byKind[annotation.kind] += 1;
    table.byStatus[annotation.status] += 1;
  }
  return table;
}
