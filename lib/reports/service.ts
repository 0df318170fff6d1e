import "server-only";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { annotationKinds, annotationStatuses } from "@/lib/annotations/schemas";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { positionLetter } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reportQuerySchema } from "@/lib/reports/schemas";
import type {
  CountTable,
  ReportAnnotation,
  ReportData,
  ReportQuoteVersion,
  ReportReview,
  ReportScope,
  ReportSource,
} from "@/lib/reports/types";
import { toDay } from "@/lib/sources/views";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

const sourceSelect = { id: true, title: true, outlet: true, author: true, url: true, publishedAt: true } as const;

type LatestReview = { decision: ReportReview["decision"]; createdAt: Date; annotationVersion: number; reviewer: { name: string } };

/** A decision applies to the version it produced: review of version v leaves the annotation at v + 1. */
function currentReview(version: number, review: LatestReview | undefined): ReportReview | null {
  if (!review || review.annotationVersion !== version - 1) return null;
  return { reviewer: review.reviewer.name, decision: review.decision, decidedAt: review.createdAt };
}

/** Everything a report shows, for one comparison, checked against the actor's permissions. */
export async function loadReportData(
  actor: Actor,
  comparisonId: string,
  query: { scope?: ReportScope } | UntrustedInput = {},
): Promise<ReportData> {
  assertPermission(actor, "report.export");
  const { scope: checkedScope } = parseInput(reportQuerySchema, query);
  const comparison = await db.comparison.findUnique({
    where: { id: assertId(comparisonId, "comparison") },
    select: {
      id: true,
      title: true,
      question: true,
      sources: {
        select: { position: true, label: true, reliability: true, reliabilityNote: true, source: { select: sourceSelect } },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!comparison) throw new AppError("not_found", "No comparison with this id.");
  const sources: ReportSource[] = comparison.sources.map(({ source, position, label, reliability, reliabilityNote }) => ({
    ...source,
    publishedAt: toDay(source.publishedAt),
    label: label ?? positionLetter(position),
    reliability,
    reliabilityNote,
  }));
  const sourceIndex = new Map(sources.map((source, index) => [source.id, index]));
  const visible = { comparisonId: comparison.id, ...visibleAnnotationsWhere(actor) };

  const [rows, total] = await Promise.all([
    db.annotation.findMany({
      where: { ...visible, ...(checkedScope === "approved" ? { status: "approved" } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        status: true,
        version: true,
        rationale: true,
        confidence: true,
        credibility: true,
        tags: true,
        author: { select: { name: true } },
        spans: {
          select: {
            sourceId: true,
            start: true,
            exact: true,
            // Source versions (lib/versions): the version quoted and where the passage stands now.
            anchorStatus: true,
            anchorExact: true,
            version: { select: { number: true, createdAt: true } },
          },
          orderBy: { position: "asc" },
        },
        reviews: {
          select: { decision: true, createdAt: true, annotationVersion: true, reviewer: { select: { name: true } } },
          orderBy: { createdAt: "desc" },
          take: 1,
        },
      },
    }),
    db.annotation.count({ where: visible }),
  ]);

  const annotations = rows
    .map((row) => {
      const passages = sources
        .map((_, index) => {
          const spans = row.spans.filter((s) => sourceIndex.get(s.sourceId) === index);
          return { sourceIndex: index, quotes: spans.map((s) => s.exact), quoteVersions: spans.map(toQuoteVersion) };
        })
        .filter((passage) => passage.quotes.length > 0);
      const annotation: ReportAnnotation = {
        id: row.id,
        kind: row.kind,
        status: row.status,
        rationale: row.rationale,
        confidence: row.confidence,
        credibility: row.credibility,
        tags: row.tags,
        author: row.author.name,
        passages,
        review: currentReview(row.version, row.reviews[0]),
        isQuoteChangedSince: row.spans.some((span) => span.anchorStatus !== "unchanged"),
      };
      // Reading order: by the first linked source, then where the passage sits in it.
      const first = row.spans.reduce<{ index: number; start: number } | null>((best, span) => {
        const index = sourceIndex.get(span.sourceId) ?? sources.length;
        return !best || index < best.index || (index === best.index && span.start < best.start) ? { index, start: span.start } : best;
      }, null);
      return { annotation, position: first ? first.index * 1e9 + first.start : Number.MAX_SAFE_INTEGER };
    })
    .sort((a, b) => a.position - b.position)
    .map((entry) => entry.annotation);

  return {
    comparison: { id: comparison.id, title: comparison.title, question: comparison.question },
    sources,
    scope: checkedScope,
    generatedAt: new Date(),
    generatedBy: { name: actor.name, email: actor.email },
    annotations,
    included: countAnnotations(annotations),
    excludedCount: total - annotations.length,
  };
}

function toQuoteVersion(span: {
  anchorStatus: "unchanged" | "changed" | "orphaned";
  anchorExact: string | null;
  version: { number: number; createdAt: Date };
}): ReportQuoteVersion {
  return {
    versionNumber: span.version.number,
    versionDate: span.version.createdAt,
    isChangedSince: span.anchorStatus !== "unchanged",
    currentWording: span.anchorStatus === "changed" ? span.anchorExact : null,
  };
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
