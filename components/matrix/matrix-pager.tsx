import Link from "next/link";

import { matrixHref, type MatrixViewQuery } from "@/lib/comparisons/matrix-view";

/** Previous / next page of claims; nothing when everything fits on one page. */
export function MatrixPager({ comparisonId, query, pageCount }: { comparisonId: string; query: MatrixViewQuery; pageCount: number }) {
  if (pageCount <= 1) return null;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label="Pages of claims" className="mt-4 flex items-center justify-center gap-3 text-sm">
      {query.page > 1 ? (
        <Link href={matrixHref(comparisonId, { ...query, page: query.page - 1 })} className={link} rel="prev">
          Previous page
        </Link>
      ) : null}
      <span className="text-slate-700">
        Page {query.page} of {pageCount}
      </span>
      {query.page < pageCount ? (
        <Link href={matrixHref(comparisonId, { ...query, page: query.page + 1 })} className={link} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
