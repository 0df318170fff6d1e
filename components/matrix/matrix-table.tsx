"use client";

import Link from "next/link";

import { StatusBadge, KindBadge } from "@/components/workbench/badges";
import { annotationHref } from "@/lib/annotations/links";
import { credibilityLabel, isCredibility, reliabilityLabel } from "@/lib/comparisons/grades";
import type { MatrixColumn, MatrixRow } from "@/lib/comparisons/matrix";

import { StanceMark } from "./stance";
import { useGridKeys } from "./use-grid-keys";

// The evidence matrix as an ARIA grid on a real table: the claims (row
// headers, sticky on the left) against the sources (column headers with
// their grade and how often they are contradicted). One Tab stop; arrow keys
// move between cells; a cell's quote shows on hover and on focus.

type Props = { comparisonId: string; columns: MatrixColumn[]; rows: MatrixRow[]; firstRowNumber: number; total: number };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function MatrixTable({ comparisonId, columns, rows, firstRowNumber, total }: Props) {
  const { onKeyDown, cellProps } = useGridKeys({ rows: rows.length, cols: columns.length + 1 });
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table
        role="grid"
        aria-labelledby="matrix-title"
        aria-describedby="matrix-help"
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 1}
        onKeyDown={onKeyDown}
        className="border-separate border-spacing-0 text-left text-sm"
      >
        <thead>
          <tr aria-rowindex={1}>
            <th
              scope="col"
              className="sticky left-0 z-20 w-40 min-w-40 border-b border-slate-200 bg-slate-50 px-3 py-2 align-bottom sm:w-80 sm:min-w-80"
            >
              Claim
            </th>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                className="max-w-72 min-w-44 border-b border-l border-slate-200 bg-slate-50 px-3 py-2 align-bottom font-normal"
              >
                <span className="flex items-start gap-1.5">
                  <span className="rounded bg-slate-800 px-1.5 py-0.5 text-xs font-bold text-white">{column.label}</span>
                  <span dir="auto" className="line-clamp-2 font-semibold text-slate-900">
                    {column.title}
                  </span>
                </span>
                {column.outlet ? (
                  <span dir="auto" className="mt-0.5 block text-xs text-slate-600">
                    {column.outlet}
                  </span>
                ) : null}
                <span className="mt-1 block text-xs text-slate-700">
                  {column.reliability ? (
                    <>
                      Reliability <strong>{column.reliability}</strong> · {reliabilityLabel[column.reliability]}
                    </>
                  ) : (
                    "Reliability not graded"
                  )}
                </span>
                <span className="mt-0.5 block text-xs text-slate-700">
                  Contradicted {column.contradicted === 1 ? "once" : `${column.contradicted} times`} · supports {column.supports}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => {
            const href = annotationHref(comparisonId, row.annotationId);
            return (
              <tr key={row.annotationId} aria-rowindex={firstRowNumber + rowIndex + 1} className="group/row">
                <th
                  scope="row"
                  className="sticky left-0 z-10 w-40 min-w-40 border-b border-slate-100 bg-white px-3 py-2 align-top font-normal group-hover/row:bg-slate-50 sm:w-80 sm:min-w-80"
                >
                  <span className="flex flex-wrap gap-1">
                    <KindBadge kind={row.kind} />
                    <StatusBadge status={row.status} />
                  </span>
                  <Link
                    href={href}
                    {...cellProps(rowIndex, 0)}
                    dir="auto"
                    className="mt-1 line-clamp-3 text-sm font-medium text-indigo-800 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                  >
                    {row.rationale}
                  </Link>
                  <span className="mt-1 block text-xs text-slate-700">
                    {plural(row.supportCount, "source")} support{row.supportCount === 1 ? "s" : ""}
                    {row.contradictCount ? ` · ${row.contradictCount} contradict${row.contradictCount === 1 ? "s" : ""}` : ""}
                    {" · "}
                    {row.credibility && isCredibility(row.credibility)
                      ? `Credibility ${row.credibility} (${credibilityLabel[row.credibility]})`
                      : "Credibility not graded"}
                  </span>
                </th>
                {row.cells.map((cell, colIndex) => {
                  const quoteId = `quote-${row.annotationId}-${colIndex}`;
                  return (
                    <td
                      key={cell.sourceId}
                      {...cellProps(rowIndex, colIndex + 1)}
                      aria-describedby={cell.quotes.length ? quoteId : undefined}
                      className="group/cell relative border-b border-l border-slate-100 px-3 py-2 align-top focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
                    >
                      <StanceMark stance={cell.stance} />
                      {cell.quotes.length ? (
                        <span
                          id={quoteId}
                          role="tooltip"
                          dir="auto"
                          className="absolute top-full left-2 z-30 hidden w-72 max-w-[80vw] rounded-md border border-slate-300 bg-white p-2 font-serif text-sm text-slate-900 shadow-lg group-hover/cell:block group-focus/cell:block"
                        >
                          {cell.quotes.map((quote) => `“${quote}”`).join(" … ")}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
