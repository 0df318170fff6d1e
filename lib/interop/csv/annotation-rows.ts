// A comparison's annotations as spreadsheet rows: one row per annotation
// (id, kind, status, author, reviewer and decision, grades, tags, rationale)
// and one quote column per source, with that source's reliability grade in
// the next column when it has one.

import type { ExportAnnotation, ExportComparison, ExportSource } from "@/lib/interop/w3c/types";

type Cell = string | number | null;

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

function sourceHeading(source: ExportSource): string {
  return `${source.label}: ${source.title}`;
}

export function annotationHeader(comparison: ExportComparison): string[] {
  return [
    "id",
    "kind",
    "status",
    "author",
    "created",
    "updated",
    "reviewer",
    "decision",
    "decided at",
    "confidence",
    "credibility",
    "tags",
    "rationale",
    "needs re-check",
    ...comparison.sources.flatMap((source) => [
      `quote ${sourceHeading(source)}`,
      ...(source.reliability ? [`reliability ${source.label}`] : []),
    ]),
  ];
}

export function annotationRow(comparison: ExportComparison, annotation: ExportAnnotation): Cell[] {
  const review = annotation.reviews.at(-1);
  return [
    annotation.id,
    annotation.kind,
    annotation.status,
    annotation.author.name,
    iso(annotation.createdAt),
    iso(annotation.updatedAt),
    review?.reviewer.name ?? null,
    review?.decision ?? null,
    iso(review?.createdAt),
    annotation.confidence,
    annotation.credibility,
    annotation.tags.join("; "),
    annotation.rationale,
    annotation.spans.some((span) => span.anchorStatus !== "unchanged" && span.keptAt === null) ? "yes" : "no",
    ...comparison.sources.flatMap((source) => {
      const quotes = annotation.spans.filter((span) => span.sourceId === source.id).map((span) => span.exact);
      return [quotes.join("\n"), ...(source.reliability ? [quotes.length > 0 ? source.reliability : null] : [])];
    }),
  ];
}
