import "server-only";

import { cache } from "react";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import type { SpanView } from "@/lib/annotations/views";
import { compactSpan, type CompactAnnotation, type CompactComparison } from "@/lib/comparisons/compact";
import { recordSelect, toRecord } from "@/lib/comparisons/records";
import { comparisonSourceWithTextSelect, toComparisonSourceView } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId } from "@/lib/validation";

// The compact form straight from the database (the workbench page and
// `GET /api/v1/comparisons/:id?form=compact`). Same rows and rules as
// getComparison: which annotations the actor may see is asked through the
// one rule (visibleAnnotationsWhere, ids only); their fields and spans then
// come back from PostgreSQL as one JSON text, parsed once. At 5,000
// annotations the nested ORM read spends seconds building objects that the
// compact form throws away. Cached per request: page and metadata share it.

type AnnotationRow = Omit<CompactAnnotation, "author" | "spans"> & {
  authorId: string;
  spans: SpanRow[];
};

/** sourceId, start, end, exact, prefix, suffix, id, version id, anchor status/start/end/exact, intact version id, keptAt. */
type VersionRef = SpanView["version"];
type SpanRow = [
  string,
  number,
  number,
  string,
  string,
  string,
  string,
  string,
  SpanView["anchor"]["status"],
  number | null,
  number | null,
  string | null,
  string,
  string | null,
];

function toSpanView(
  [sourceId, start, end, exact, prefix, suffix, id, made, status, aStart, aEnd, aExact, intact, keptAt]: SpanRow,
  versions: ReadonlyMap<string, VersionRef>,
): SpanView {
  const version = (versionId: string) => versions.get(versionId) ?? { id: versionId, number: 0, createdAt: "" };
  return {
    id,
    sourceId,
    start,
    end,
    exact,
    prefix,
    suffix,
    version: version(made),
    anchor: { status, start: aStart, end: aEnd, exact: aExact, intactVersion: version(intact), keptAt },
  };
}

export const getCompactComparison = cache(async (actor: Actor, id: string): Promise<CompactComparison> => {
  assertPermission(actor, "comparison.read");
  const comparisonId = assertId(id, "comparison");
  const visible = { comparisonId, ...visibleAnnotationsWhere(actor) };
  const [row, visibleIds] = await Promise.all([
    db.comparison.findUnique({
      where: { id: comparisonId },
      select: { ...recordSelect, sources: { select: comparisonSourceWithTextSelect, orderBy: { position: "asc" } } },
    }),
    db.annotation.findMany({ where: visible, select: { id: true } }),
  ]);
  const ids = visibleIds.map((a) => a.id);
  const [result] = ids.length
    ? await db.$queryRaw<Array<{ data: string }>>`
        SELECT coalesce(json_agg(json_build_object(
          'id', a.id, 'kind', a.kind, 'status', a.status, 'version', a.version, 'authorId', a."authorId",
          'rationale', a.rationale, 'confidence', a.confidence, 'credibility', a.credibility, 'tags', a.tags,
          'createdAt', to_char(a."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'spans', (SELECT coalesce(json_agg(json_build_array(s."sourceId", s.start, s."end", s.exact, s.prefix, s.suffix, s.id,
                      s."versionId", s."anchorStatus", s."anchorStart", s."anchorEnd", s."anchorExact", s."intactVersionId",
                      to_char(s."keptAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY s.position), '[]'::json)
                    FROM "Span" s
                    WHERE s."annotationId" = a.id)
        ) ORDER BY a."createdAt", a.id), '[]'::json)::text AS data
        FROM "Annotation" a WHERE a.id = ANY(${ids}::uuid[])`
    : [{ data: "[]" }];
  const annotations = JSON.parse(result?.data ?? "[]") as AnnotationRow[];
  if (!row) throw new AppError("not_found", "No comparison with this id.");
  const { sources: sourceRows, ...record } = row;
  const sources = sourceRows.map(toComparisonSourceView);
  const sourceIndex = new Map(sources.map((source, i) => [source.id, i]));

  const authorIds = [...new Set(annotations.map((a) => a.authorId))];
  // Spans name their versions by id; the few versions of these sources are read once instead of joined per span.
  const [authors, versionRows] = await Promise.all([
    authorIds.length ? db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : [],
    db.sourceVersion.findMany({
      where: { sourceId: { in: sources.map((s) => s.id) } },
      select: { id: true, number: true, createdAt: true },
    }),
  ]);
  const versions = new Map(versionRows.map((v) => [v.id, { id: v.id, number: v.number, createdAt: v.createdAt.toISOString() }]));
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
      createdAt: a.createdAt,
      spans: a.spans.map((span) => compactSpan(toSpanView(span, versions), sources, sourceIndex)),
    })),
  };
});
