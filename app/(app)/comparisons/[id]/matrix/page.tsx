import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ComparisonPageHeader } from "@/components/comparisons/comparison-page-header";
import { MatrixFilters } from "@/components/matrix/matrix-filters";
import { MatrixPager } from "@/components/matrix/matrix-pager";
import { MatrixTable } from "@/components/matrix/matrix-table";
import { requirePageUser } from "@/lib/auth/session";
import { buildMatrixView, MATRIX_PAGE_SIZE, matrixHref, parseMatrixViewQuery } from "@/lib/comparisons/matrix-view";
import { getComparisonRecord } from "@/lib/comparisons/record-service";
import { getComparisonMatrix } from "@/lib/comparisons/service";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Evidence matrix" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(id: string) {
  const user = await requirePageUser();
  try {
    const [comparison, matrix] = await Promise.all([getComparisonRecord(user, id), getComparisonMatrix(user, id)]);
    return { comparison, matrix };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function MatrixPage({ params, searchParams }: Props) {
  const { comparison, matrix } = await load((await params).id);
  const view = buildMatrixView(matrix, parseMatrixViewQuery(await searchParams));
  const { query } = view;
  const first = view.total === 0 ? 0 : (view.page - 1) * MATRIX_PAGE_SIZE + 1;
  const sortLink = (sort: "position" | "agreement", label: string) => (
    <Link
      href={matrixHref(comparison.id, { ...query, sort, page: 1 })}
      aria-current={query.sort === sort ? "true" : undefined}
      className={`rounded-md px-2 py-1 font-medium ${query.sort === sort ? "bg-slate-800 text-white" : "text-indigo-800 hover:bg-indigo-50 hover:underline"}`}
    >
      {label}
    </Link>
  );
  return (
    <main className="mx-auto w-full max-w-[1600px] px-4 py-6">
      <ComparisonPageHeader comparison={comparison} current="matrix" heading="Evidence matrix" headingId="matrix-title" />
      <p id="matrix-help" className="mb-4 max-w-3xl text-sm text-slate-700">
        One row per claim (agreement or contradiction), one column per source. A source supports a claim it states or agrees with, and
        contradicts one it is set against. Use the arrow keys in the table; a cell shows its quote on hover or focus; open a claim to see it
        in the workbench.
      </p>
      {view.claimCount === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="font-medium">No claims yet</h2>
          <p className="mt-1 text-sm text-slate-700">
            Agreements and contradictions you can see appear here, one row each.{" "}
            <Link href={`/comparisons/${comparison.id}`} className="font-medium text-indigo-800 underline">
              Link passages in the workbench
            </Link>
            .
          </p>
        </div>
      ) : (
        <>
          <MatrixFilters comparisonId={comparison.id} query={query} tags={view.tags} />
          <div className="mt-4 mb-2 flex flex-wrap items-center justify-between gap-3 text-sm">
            <p role="status" className="text-slate-700">
              {view.total === 0
                ? `No claim matches these filters (${view.claimCount} in all).`
                : `Claims ${first}–${first + view.rows.length - 1} of ${view.total}${view.total < view.claimCount ? ` (filtered from ${view.claimCount})` : ""}`}
            </p>
            <nav aria-label="Order of claims" className="flex items-center gap-1">
              <span className="mr-1 text-slate-700">Order:</span>
              {sortLink("position", "As created")}
              {sortLink("agreement", "Most sources agree")}
            </nav>
          </div>
          {view.total === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-700">
              Nothing to show.{" "}
              <Link href={matrixHref(comparison.id, { sort: query.sort })} className="font-medium text-indigo-800 underline">
                Clear the filters
              </Link>
              .
            </div>
          ) : (
            <MatrixTable comparisonId={comparison.id} columns={view.columns} rows={view.rows} firstRowNumber={first} total={view.total} />
          )}
          <MatrixPager comparisonId={comparison.id} query={query} pageCount={view.pageCount} />
        </>
      )}
    </main>
  );
}
