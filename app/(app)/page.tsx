import type { Metadata } from "next";
import Link from "next/link";

import { ComparisonActionsMenu } from "@/components/comparisons/comparison-actions-menu";
import { formatDate } from "@/components/history/format";
import { hasPermission } from "@/lib/auth/permissions";
import { canManageComparison } from "@/lib/comparisons/access";
import { requirePageUser } from "@/lib/auth/session";
import { listComparisons } from "@/lib/comparisons/service";

export const metadata: Metadata = { title: "Comparisons" };

type Props = { searchParams: Promise<{ archived?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const user = await requirePageUser();
  const showArchived = (await searchParams).archived === "show";
  const comparisons = await listComparisons(user, { includeArchived: showArchived });
  const canDelete = hasPermission(user.role, "comparison.delete");
  // Identical titles are told apart by when and by whom they were created.
  const titles = comparisons.map((comparison) => comparison.title);
  const sameTitle = new Set(titles.filter((title, index) => titles.indexOf(title) !== index));
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Comparisons</h1>
          <p className="mt-1 text-sm text-slate-700">Sources side by side; where they agree, where they contradict.</p>
        </div>
        <div className="flex items-center gap-3">
          <Link
            href={showArchived ? "/" : "/?archived=show"}
            className="text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline"
          >
            {showArchived ? "Hide archived" : "Show archived"}
          </Link>
          <Link
            href="/comparisons/new"
            className="inline-flex items-center rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-800"
          >
            New comparison
          </Link>
        </div>
      </div>
      {comparisons.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="font-medium">No comparisons yet</h2>
          <p className="mt-1 text-sm text-slate-600">Start one by importing two or more articles about the same events.</p>
        </div>
      ) : (
        <ul className="space-y-3">
          {comparisons.map((comparison) => (
            <li
              key={comparison.id}
              className={`rounded-xl border border-slate-200 p-5 shadow-sm transition hover:border-indigo-300 ${comparison.archivedAt ? "bg-slate-50" : "bg-white"}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link href={`/comparisons/${comparison.id}`} dir="auto" className="text-lg font-medium text-indigo-800 hover:underline">
                  {comparison.title}
                </Link>
                {canManageComparison(user, comparison) ? (
                  <ComparisonActionsMenu comparison={comparison} canDelete={canDelete} afterDelete="refresh" />
                ) : null}
              </div>
              <p className={`mt-0.5 text-xs ${sameTitle.has(comparison.title) ? "font-medium text-slate-800" : "text-slate-600"}`}>
                Created <time dateTime={comparison.createdAt}>{formatDate(comparison.createdAt)}</time>
                {comparison.createdBy ? ` by ${comparison.createdBy.name}` : ""}
                {sameTitle.has(comparison.title) ? <span className="sr-only"> (another comparison has the same title)</span> : null}
              </p>
              {comparison.question ? (
                <p dir="auto" className="mt-1 text-sm text-slate-700">
                  {comparison.question}
                </p>
              ) : null}
              <ul className="mt-2 space-y-0.5 text-sm text-slate-600" aria-label={`Sources of ${comparison.title}`}>
                {comparison.sources.map((source) => (
                  <li key={source.id} className="flex gap-2">
                    <span className="w-6 shrink-0 text-xs font-semibold text-slate-600">{source.label}</span>
                    <span className="min-w-0">
                      <span className="font-medium">{source.title}</span>
                      {source.outlet ? ` (${source.outlet})` : ""}
                    </span>
                  </li>
                ))}
              </ul>
              <dl className="mt-3 flex flex-wrap gap-2 text-xs">
                <Count
                  label="agreement"
                  plural="agreements"
                  value={comparison.counts.agreement}
                  className="bg-emerald-50 text-emerald-800"
                />
                <Count
                  label="contradiction"
                  plural="contradictions"
                  value={comparison.counts.contradiction}
                  className="bg-red-50 text-red-800"
                />
                <Count label="note" plural="notes" value={comparison.counts.note} className="bg-blue-50 text-blue-800" />
                <Count label="approved" value={comparison.counts.approved} className="bg-slate-100 text-slate-700" />
              </dl>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function Count({ label, plural = label, value, className }: { label: string; plural?: string; value: number; className: string }) {
  return (
    <div className={`rounded-full px-2.5 py-1 ${className}`}>
      <dt className="sr-only">{plural}</dt>
      <dd>
        {value} {value === 1 ? label : plural}
      </dd>
    </div>
  );
}
