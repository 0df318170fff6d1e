import Link from "next/link";

import { ComparisonViewsNav, type ComparisonView } from "./comparison-views-nav";

type Props = {
  comparison: { id: string; title: string; question: string | null };
  current: Exclude<ComparisonView, "workbench">;
  heading: string;
  headingId?: string;
};

/** The top of the pages around the workbench: where you are, what the comparison asks, and its other views. */
export function ComparisonPageHeader({ comparison, current, heading, headingId }: Props) {
  return (
    <div className="mb-6 space-y-3">
      <nav aria-label="Breadcrumb" className="text-xs text-slate-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href="/" className="hover:underline">
              Comparisons
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li className="min-w-0">
            <Link href={`/comparisons/${comparison.id}`} dir="auto" className="hover:underline">
              {comparison.title}
            </Link>
          </li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 id={headingId} tabIndex={headingId ? -1 : undefined} className="text-2xl font-semibold tracking-tight">
            {heading}
          </h1>
          <p dir="auto" className="mt-0.5 text-sm text-slate-700">
            {comparison.title}
            {comparison.question ? <span className="text-slate-600"> — {comparison.question}</span> : null}
          </p>
        </div>
        <ComparisonViewsNav comparisonId={comparison.id} current={current} />
      </div>
    </div>
  );
}
