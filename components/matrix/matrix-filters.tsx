import Link from "next/link";

import { annotationStatuses } from "@/lib/annotations/schemas";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import { credibilityGrades, credibilityLabel } from "@/lib/comparisons/grades";
import { matrixHref, type MatrixViewQuery } from "@/lib/comparisons/matrix-view";

// Filters of the evidence matrix as a plain GET form: it works without
// JavaScript, the URL can be shared, and nothing changes until "Apply".

const selectClass = "input mt-1 w-full py-1.5 sm:w-44";

export function MatrixFilters({ comparisonId, query, tags }: { comparisonId: string; query: MatrixViewQuery; tags: string[] }) {
  const isFiltered = Boolean(query.kind || query.status || query.tag || query.credibility !== undefined);
  return (
    <form method="get" action={`/comparisons/${comparisonId}/matrix`} aria-label="Filter claims" className="flex flex-wrap items-end gap-3">
      {query.sort === "agreement" ? <input type="hidden" name="sort" value="agreement" /> : null}
      <div className="w-full sm:w-auto">
        <label htmlFor="matrix-kind" className="text-sm font-medium text-slate-700">
          Kind
        </label>
        <select id="matrix-kind" name="kind" defaultValue={query.kind ?? ""} className={selectClass}>
          <option value="">Any kind</option>
          <option value="agreement">{kindLabel.agreement}</option>
          <option value="contradiction">{kindLabel.contradiction}</option>
        </select>
      </div>
      <div className="w-full sm:w-auto">
        <label htmlFor="matrix-status" className="text-sm font-medium text-slate-700">
          Status
        </label>
        <select id="matrix-status" name="status" defaultValue={query.status ?? ""} className={selectClass}>
          <option value="">Any status</option>
          {annotationStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabel[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="w-full sm:w-auto">
        <label htmlFor="matrix-tag" className="text-sm font-medium text-slate-700">
          Tag
        </label>
        <select id="matrix-tag" name="tag" defaultValue={query.tag ?? ""} className={selectClass}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div className="w-full sm:w-auto">
        <label htmlFor="matrix-credibility" className="text-sm font-medium text-slate-700">
          Credibility
        </label>
        <select id="matrix-credibility" name="credibility" defaultValue={query.credibility ?? ""} className={selectClass}>
          <option value="">Any grade</option>
          {credibilityGrades.map((grade) => (
            <option key={grade} value={grade}>
              {grade} — {credibilityLabel[grade]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-800">
        Apply filters
      </button>
      {isFiltered ? (
        <Link href={matrixHref(comparisonId, { sort: query.sort })} className="py-2 text-sm font-medium text-indigo-800 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
