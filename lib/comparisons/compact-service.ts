import "server-only";

import { cache } from "react";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import type { CompactAnnotation, CompactComparison, CompactSpan } from "@/lib/comparisons/compact";
import { recordSelect, toRecord } from "@/lib/comparisons/records";
import { comparisonSourceWithTextSelect, toComparisonSourceView } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId } from "@/lib/validation";

// The compact form straight from the database (the workbench page and
// `GET /api/v1/comparisons/:id?form=compact`). Same rows and rules as
// getComparison, read as three flat queries (annotations, their spans,
// their authors) instead of one nested one: at 5,000 annotations the nested
// read spends most of its time building objects that the compact form then
// throws away. Cached per request, so page and metadata share one load.

export const getCompactComparison = cache(async (actor: Actor, id: string): Promise<CompactComparison> => {
  assertPermission(actor, "comparison.read");
  const comparisonId = assertId(id, "comparison");
  const visible = { comparisonId, ...visibleAnnotationsWhere(actor) };
  const [row, annotations, spans] = await Promise.all([
    db.comparison.findUnique({
      where: { id: comparisonId },
      select: { ...recordSelect, sources: { select: comparisonSourceWithTextSelect, orderBy: { position: "asc" } } },
    }),
    db.annotation.findMany({
      where: visible,
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        status: true,
        version: true,
        authorId: true,
        rationale: true,
        confidence: true,
        credibility: true,
        tags: true,
        createdAt: true,
      },
    }),
    db.span.findMany({
      where: { annotation: visible },
      orderBy: [{ annotationId: "asc" }, { position: "asc" }],
      select: { annotationId: true, sourceId: true, start: true, end: true, exact: true, prefix: true, suffix: true },
    }),
  ]);
  if (!row) throw new AppError("not_found", "No comparison with this id.");
  const { sources: sourceRows, ...record } = row;
  const sources = sourceRows.map(toComparisonSourceView);
  const sourceIndex = new Map(sources.map((source, i) => [source.id, i]));

  const spansOf = new Map<string, CompactSpan[]>();
  for (const span of spans) {
    const index = sourceIndex.get(span.sourceId) ?? -1;
    const text = sources[index]?.text;
    const holds = text !== undefined && text.startsWith(span.exact, span.start) && span.end - span.start === span.exact.length;
    const compact: CompactSpan = holds
      ? [index, span.start, span.end]
      : [index, span.start, span.end, span.exact, span.prefix, span.suffix];
    const list = spansOf.get(span.annotationId);
    if (list) list.push(compact);
    else spansOf.set(span.annotationId, [compact]);
  }

  const authorIds = [...new Set(annotations.map((a) => a.authorId))];
  const authors = authorIds.length ? await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : [];
  const authorIndex = new Map(authors.map((author, i) => [author.id, i]));

  return {
    ...toRecord({ ...record, sources: [] }),
    form: "compact",
    sources,
    authors,
    annotations: annotations.map((a): CompactAnnotation => ({
      id: a.id,
      kind: a.kind,
      status: a.status,
      version: a.version,
      author: authorIndex.get(a.authorId) ?? -1,
      rationale: a.rationale,
      confidence: a.confidence,
      credibility: a.credibility,
      tags: a.tags,
      createdAt: a.createdAt.toISOString(),
      spans: spansOf.get(a.id) ?? [],
    })),
  };
});
