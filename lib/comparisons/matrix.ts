// The evidence matrix: one row per claim (an agreement or a contradiction),
// one column per source, each cell saying how that source stands on the claim.
// Pure, so the page, the API and the report derive it the same way.
//
// Stances: every source linked by an agreement supports it. A contradiction's
// first passage states the claim; its source supports it and every other
// linked source contradicts it. A source with passages on both sides counts as
// supporting (it states the claim). Sources without a passage are not linked.

import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";
import type { Reliability } from "@/lib/comparisons/grades";

export type Stance = "supports" | "contradicts" | "not_linked";

export type MatrixSource = { id: string; title: string; outlet: string | null; label: string; reliability: Reliability | null };

export type MatrixAnnotation = {
  id: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  rationale: string;
  tags: string[];
  credibility: number | null;
  author: { id: string; name: string };
  spans: ReadonlyArray<{ sourceId: string; exact: string }>;
};

export type MatrixCell = { sourceId: string; stance: Stance; quotes: string[] };

export type MatrixRow = {
  annotationId: string;
  kind: Exclude<AnnotationKind, "note">;
  status: AnnotationStatus;
  rationale: string;
  tags: string[];
  credibility: number | null;
  author: { id: string; name: string };
  /** Sources that state or support the claim. */
  supportCount: number;
  /** Sources that contradict it. */
  contradictCount: number;
  cells: MatrixCell[];
};

export type MatrixColumn = MatrixSource & {
  /** Claims this source supports. */
  supports: number;
  /** Contradictions this source is part of: each time, the other side contradicts it. */
  contradicted: number;
};

export type EvidenceMatrix = { columns: MatrixColumn[]; rows: MatrixRow[] };

export type MatrixFilters = { kind?: string; status?: string; tag?: string; credibility?: number };

export function matchesMatrixFilters(annotation: MatrixAnnotation, filters: MatrixFilters): boolean {
  return (
    (!filters.kind || annotation.kind === filters.kind) &&
    (!filters.status || annotation.status === filters.status) &&
    (!filters.tag || annotation.tags.includes(filters.tag)) &&
    (filters.credibility === undefined || annotation.credibility === filters.credibility)
  );
}

export function deriveMatrix(
  sources: readonly MatrixSource[],
  annotations: readonly MatrixAnnotation[],
  filters: MatrixFilters = {},
): EvidenceMatrix {
  const rows: MatrixRow[] = [];
  const supports = sources.map(() => 0);
  const contradicted = sources.map(() => 0);
  for (const annotation of annotations) {
    if (annotation.kind === "note" || !matchesMatrixFilters(annotation, filters)) continue;
    // One pass over the spans, then one over the sources (thousands of rows × up to 12 sources).
    const quotesBySource = new Map<string, string[]>();
    for (const span of annotation.spans) {
      const quotes = quotesBySource.get(span.sourceId);
      if (quotes) quotes.push(span.exact);
      else quotesBySource.set(span.sourceId, [span.exact]);
    }
    const claimant = annotation.spans[0]?.sourceId;
    let supportCount = 0;
    let contradictCount = 0;
    const cells = sources.map((source, index): MatrixCell => {
      const quotes = quotesBySource.get(source.id);
      if (!quotes) return { sourceId: source.id, stance: "not_linked", quotes: [] };
      const stance: Stance = annotation.kind === "agreement" || claimant === source.id ? "supports" : "contradicts";
      if (stance === "supports") {
        supportCount++;
        supports[index]!++;
      } else contradictCount++;
      if (annotation.kind === "contradiction") contradicted[index]!++;
      return { sourceId: source.id, stance, quotes };
    });
    rows.push({
      annotationId: annotation.id,
      kind: annotation.kind,
      status: annotation.status,
      rationale: annotation.rationale,
      tags: annotation.tags,
      credibility: annotation.credibility,
      author: annotation.author,
      supportCount,
      contradictCount,
      cells,
    });
  }
  const columns = sources.map((source, index) => ({ ...source, supports: supports[index]!, contradicted: contradicted[index]! }));
  return { columns, rows };
}

export type MatrixSort = "agreement" | "position";

/** Rows with the most supporting sources first (ties keep reading order). */
export function sortMatrixRows(rows: readonly MatrixRow[], sort: MatrixSort): MatrixRow[] {
  if (sort === "position") return [...rows];
  return [...rows].sort((a, b) => b.supportCount - a.supportCount || a.contradictCount - b.contradictCount);
}
