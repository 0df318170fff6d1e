// What the evidence-matrix page shows of a matrix: the rows that pass its
// filters, in the chosen order, one page at a time, with the column
// summaries counted over the rows that pass the filters. Pure: the page and
// the bench use the same code.

import type { AnnotationStatus } from "@/lib/annotations/schemas";
import { annotationStatuses } from "@/lib/annotations/schemas";
import { isCredibility } from "@/lib/comparisons/grades";
import { sortMatrixRows, type EvidenceMatrix, type MatrixColumn, type MatrixRow, type MatrixSort } from "@/lib/comparisons/matrix";
import { pageOf, parsePageNumber } from "@/lib/pagination";

export const MATRIX_PAGE_SIZE = 100;

export type MatrixViewQuery = {
  kind?: "agreement" | "contradiction";
  status?: AnnotationStatus;
  tag?: string;
  credibility?: number;
  sort: MatrixSort;
  page: number;
};

export type MatrixView = {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Rows passing the filters, over all pages. */
  total: number;
  /** Claims in the comparison before filtering. */
  claimCount: number;
  page: number;
  pageCount: number;
  /** Every tag used by a claim, for the tag filter. */
  tags: string[];
  query: MatrixViewQuery;
};

type RawQuery = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Reads the page's query string leniently: unknown values mean "any". */
export function parseMatrixViewQuery(raw: RawQuery): MatrixViewQuery {
  const kind = one(raw.kind);
  const status = one(raw.status);
  const credibility = Number(one(raw.credibility));
  return {
    kind: kind === "agreement" || kind === "contradiction" ? kind : undefined,
    status: annotationStatuses.find((s) => s === status),
    tag: one(raw.tag)?.slice(0, 50),
    credibility: isCredibility(credibility) ? credibility : undefined,
    sort: one(raw.sort) === "agreement" ? "agreement" : "position",
    page: parsePageNumber(raw.page),
  };
}

function passes(row: MatrixRow, query: MatrixViewQuery): boolean {
  return (
    (!query.kind || row.kind === query.kind) &&
    (!query.status || row.status === query.status) &&
    (!query.tag || row.tags.includes(query.tag)) &&
    (query.credibility === undefined || row.credibility === query.credibility)
  );
}

/** Column summaries over the given rows: how often each source supports a claim, and is contradicted. */
export function summarizeColumns(columns: readonly MatrixColumn[], rows: readonly MatrixRow[]): MatrixColumn[] {
  return columns.map((column, index) => ({
    ...column,
    supports: rows.filter((row) => row.cells[index]?.stance === "supports").length,
    contradicted: rows.filter((row) => row.kind === "contradiction" && row.cells[index]?.stance !== "not_linked").length,
  }));
}

export function buildMatrixView(matrix: EvidenceMatrix, query: MatrixViewQuery, pageSize = MATRIX_PAGE_SIZE): MatrixView {
  const filtered = sortMatrixRows(
    matrix.rows.filter((row) => passes(row, query)),
    query.sort,
  );
  const { items, page, pageCount, total } = pageOf(filtered, query.page, pageSize);
  return {
    columns: summarizeColumns(matrix.columns, filtered),
    rows: items,
    total,
    claimCount: matrix.rows.length,
    page,
    pageCount,
    tags: [...new Set(matrix.rows.flatMap((row) => row.tags))].sort((a, b) => a.localeCompare(b)),
    query: { ...query, page },
  };
}

/** The page's URL for a query, leaving out defaults. */
export function matrixHref(comparisonId: string, query: Partial<MatrixViewQuery>): string {
  const params = new URLSearchParams();
  if (query.kind) params.set("kind", query.kind);
  if (query.status) params.set("status", query.status);
  if (query.tag) params.set("tag", query.tag);
  if (query.credibility !== undefined) params.set("credibility", String(query.credibility));
  if (query.sort === "agreement") params.set("sort", "agreement");
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return `/comparisons/${comparisonId}/matrix${search ? `?${search}` : ""}`;
}
