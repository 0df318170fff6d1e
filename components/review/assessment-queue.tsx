import Link from "next/link";

import { formatDate } from "@/components/history/format";
import { StatusBadge } from "@/components/workbench/badges";
import { describeAssessment } from "@/lib/assessments/scale";
import { PageLinks } from "@/components/ui/page-links";
import type { AssessmentQueuePage } from "@/lib/assessments/queue";

type PageLinkProps = { path: string; query: Record<string, string | undefined>; cursor: string | null };

/** Assessments waiting for a reviewer, or returned to their author, in the same lists as annotations; paged on `acursor`. */
export function AssessmentQueue({
  page,
  heading,
  isReturned,
  pageLinks,
}: {
  page: AssessmentQueuePage;
  heading: string;
  isReturned: boolean;
  pageLinks: PageLinkProps;
}) {
  const { items, total, nextCursor } = page;
  if (items.length === 0 && !pageLinks.cursor) return null;
  return (
    <section aria-labelledby="assessment-queue-title" className="mb-6">
      <h2 id="assessment-queue-title" className="mb-2 text-base font-semibold">
        {heading} <span className="font-normal text-slate-600">({total})</span>
      </h2>
      <ol className="space-y-3">
        {items.map((item) => (
          <li key={item.id} className="rounded-xl border border-indigo-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
              <span className="rounded bg-indigo-100 px-1.5 py-0.5 font-semibold text-indigo-900">Assessment</span>
              <StatusBadge status={item.status} />
              <span dir="auto">{item.comparison.title}</span>
              <span aria-hidden>·</span>
              <span>{item.author.name}</span>
              <span aria-hidden>·</span>
              <span>{isReturned ? `returned ${formatDate(item.decidedAt)}` : `submitted ${formatDate(item.submittedAt)}`}</span>
            </div>
            <Link
              href={`/comparisons/${item.comparison.id}/assessment`}
              className="mt-2 block text-sm font-medium text-indigo-800 hover:underline"
            >
              <span dir="auto" className="line-clamp-2">
                {item.judgment}
              </span>
            </Link>
            <p className="mt-1 text-xs text-slate-700">{describeAssessment(item.likelihood, item.confidence)}</p>
            {isReturned && item.latestReview?.comment ? (
              <p dir="auto" className="mt-2 rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-950">
                <span className="font-semibold">{item.latestReview.reviewer.name}:</span> {item.latestReview.comment}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <PageLinks {...pageLinks} nextCursor={nextCursor} param="acursor" label={`Pages of ${heading.toLowerCase()}`} />
    </section>
  );
}
