import "server-only";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { positionLetter } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { reportQuerySchema } from "@/lib/reports/schemas";
import { loadAuditTrail } from "@/lib/reports/audit-trail";
import { countAnnotations } from "@/lib/reports/count";
import {
  kindOrder,
  type ReportAnnotation,
  type ReportQuoteVersion,
  type ReportData,
  type ReportReview,
  type ReportScope,
  type ReportSource,
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

const annotationSelect = {
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
} as const;

type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

/** Rows per query: a report's load runs on the request thread, so it goes in slices that each block it briefly. */
const PAGE_SIZE = 250;

async function loadAnnotationPages(where: Prisma.AnnotationWhereInput): Promise<AnnotationRow[]> {
  const rows: AnnotationRow[] = [];
  for (let cursor: string | undefined; ;) {
    const page = await db.annotation.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: annotationSelect,
      take: PAGE_SIZE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    rows.push(...page);
    if (page.length < PAGE_SIZE) return rows;
    cursor = page.at(-1)!.id;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export type LoadReportOptions = {
  /** Add the audit appendix even when the scope is "approved" (scope "all" always has it). */
  includeAuditTrail?: boolean;
  /**
   * Count what the scope leaves out over submitted annotations only, the same
   * for every reader: a sign-off must not depend on the signer's own drafts.
   */
  isForSignoff?: boolean;
};

/** Everything a report shows, for one comparison, checked against the actor's permissions. */
export async function loadReportData(
  actor: Actor,
  comparisonId: string,
  query: { scope?: ReportScope } | UntrustedInput = {},
  options: LoadReportOptions = {},
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

  const where = { ...visible, ...(checkedScope === "approved" ? { status: "approved" as const } : {}) };
  const [rows, total] = await Promise.all([
    loadAnnotationPages(where),
    db.annotation.count({ where: options.isForSignoff ? { comparisonId: comparison.id, status: { not: "draft" } } : visible }),
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
        claimSourceIndex: row.spans[0] ? (sourceIndex.get(row.spans[0].sourceId) ?? null) : null,
        review: currentReview(row.version, row.reviews[0]),
        isQuoteChangedSince: row.spans.some((span) => span.anchorStatus !== "unchanged"),
      };
      // Reading order: by the first linked source, then where the passage sits in it.
      const first = row.spans.reduce<{ index: number; start: number } | null>((best, span) => {
        const index = sourceIndex.get(span.sourceId) ?? sources.length;
        return !best || index < best.index || (index === best.index && span.start < best.start) ? { index, start: span.start } : best;
      }, null);
      const position = first ? first.index * 1e9 + first.start : Number.MAX_SAFE_INTEGER;
      return { annotation, group: kindOrder.indexOf(row.kind), position };
    })
    // Contradictions first, then agreements, then notes; within a kind, in reading order.
    .sort((a, b) => a.group - b.group || a.position - b.position)
    .map((entry) => entry.annotation);

  const hasAudit = checkedScope === "all" || options.includeAuditTrail === true;
  return {
    comparison: { id: comparison.id, title: comparison.title, question: comparison.question },
    sources,
    scope: checkedScope,
    generatedAt: new Date(),
    generatedBy: { name: actor.name, email: actor.email },
    // Filled in once the assessment (issue 12, flow 5) has a loader; the renderers show it when present.
    assessment: null,
    annotations,
    included: countAnnotations(annotations),
    excludedCount: Math.max(0, total - annotations.length),
    audit: hasAudit
      ? await loadAuditTrail(
          annotations.map((a) => a.id),
          sources,
        )
      : null,
    signoff: null,
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
