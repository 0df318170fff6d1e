import type { Metadata } from "next";
import Link from "next/link";

import { LiveRefresh } from "@/components/live/live-refresh";
import { AssessmentQueue } from "@/components/review/assessment-queue";
import { DecisionToast } from "@/components/review/decision-toast";
import { DeleteAnnotationButton } from "@/components/review/delete-annotation-button";
import { QueueList } from "@/components/review/queue-list";
import { PageLinks } from "@/components/ui/page-links";
import { canDeleteAnnotation } from "@/lib/annotations/access";
import { annotationHref } from "@/lib/annotations/links";
import { kindLabel } from "@/lib/annotations/state";
import { annotationKinds } from "@/lib/annotations/schemas";
import { listAssessmentsToReview, listReturnedAssessments } from "@/lib/assessments/queue";
import { hasPermission } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { decisionFrom, reviewItemHref } from "@/lib/reviews/queue-links";
import { listReturnedToMe, listReviewQueue } from "@/lib/reviews/service";

export const metadata: Metadata = { title: "Review" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
const uuid = /^[0-9a-f-]{36}$/i;

function tabClass(isActive: boolean): string {
  return `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`;
}

function chipClass(isActive: boolean): string {
  return `rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset ${isActive ? "bg-indigo-700 text-white ring-indigo-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`;
}

export default async function ReviewPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const params = await searchParams;
  const canReview = hasPermission(user.role, "annotation.review");
  const showMine = !canReview || one(params.mine) !== undefined;
  const cursor = one(params.cursor) ?? null;
  // Assessments page on their own cursor, next to the annotations'.
  const assessmentCursor = one(params.acursor) ?? null;
  // Only the lists on show take the cursors; the other tab's counts come from the first pages' totals.
  const [returned, returnedAssessments] = await Promise.all([
    listReturnedToMe(user, { cursor: showMine ? cursor : null }),
    listReturnedAssessments(user, { cursor: showMine ? assessmentCursor : null }),
  ]);
  const comparisonId = one(params.comparison);
  const kindParam = one(params.kind);
  const kind = annotationKinds.find((k) => k === kindParam);
  const filter = { comparisonId: comparisonId && uuid.test(comparisonId) ? comparisonId : undefined, kind };
  const [queue, assessmentsToReview] = showMine
    ? [null, null]
    : await Promise.all([listReviewQueue(user, filter, { cursor }), listAssessmentsToReview(user, { cursor: assessmentCursor })]);
  const done = decisionFrom(params.done);

  const href = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const merged = { comparison: comparisonId, kind, ...patch };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    const query = next.toString();
    return query ? `/review?${query}` : "/review";
  };

  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8">
      <LiveRefresh />
      {done ? (
        <DecisionToast
          decision={done}
          next={queue && queue.items.length + (assessmentsToReview?.items.length ?? 0) > 0 ? "queue" : "empty"}
          focusId="review-list-heading"
        />
      ) : null}
      <h1 id="review-list-heading" tabIndex={-1} className="text-2xl font-semibold tracking-tight">
        {showMine ? "Returned to me" : "Review queue"}
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        {showMine
          ? "Your annotations and assessments a reviewer sent back or rejected, with the reason. Open one to revise it in the workbench."
          : "Annotations and assessments by others waiting for a decision, oldest submission first."}
      </p>
      {canReview ? (
        <nav aria-label="Review lists" className="mt-4 flex gap-2">
          <Link href="/review" className={tabClass(!showMine)} aria-current={!showMine ? "page" : undefined}>
            To review ({queue ? queue.counts.total + (assessmentsToReview?.total ?? 0) : "…"})
          </Link>
          <Link href="/review?mine=1" className={tabClass(showMine)} aria-current={showMine ? "page" : undefined}>
            Returned to me ({returned.total + returnedAssessments.total})
          </Link>
        </nav>
      ) : null}

      {queue ? (
        <>
          <div className="mt-5 space-y-2" role="group" aria-label="Filters">
            <div className="flex flex-wrap items-center gap-2">
              <span className="w-24 text-xs font-semibold text-slate-600 uppercase">Kind</span>
              <Link href={href({ kind: undefined })} className={chipClass(!kind)} aria-current={!kind ? "true" : undefined}>
                All ({queue.counts.total})
              </Link>
              {annotationKinds.map((k) => (
                <Link key={k} href={href({ kind: k })} className={chipClass(kind === k)} aria-current={kind === k ? "true" : undefined}>
                  {kindLabel[k]} ({queue.counts.byKind[k] ?? 0})
                </Link>
              ))}
            </div>
            {queue.counts.byComparison.length > 1 || comparisonId ? (
              <div className="flex flex-wrap items-center gap-2">
                <span className="w-24 text-xs font-semibold text-slate-600 uppercase">Comparison</span>
                <Link
                  href={href({ comparison: undefined })}
                  className={chipClass(!comparisonId)}
                  aria-current={!comparisonId ? "true" : undefined}
                >
                  All
                </Link>
                {queue.counts.byComparison.map((c) => (
                  <Link
                    key={c.id}
                    href={href({ comparison: c.id })}
                    className={chipClass(comparisonId === c.id)}
                    aria-current={comparisonId === c.id ? "true" : undefined}
                  >
                    {c.title} ({c.count})
                  </Link>
                ))}
              </div>
            ) : null}
          </div>
          <div className="mt-5">
            {assessmentsToReview ? (
              <AssessmentQueue
                page={assessmentsToReview}
                heading="Assessments to review"
                isReturned={false}
                pageLinks={{
                  path: "/review",
                  query: { comparison: comparisonId, kind, cursor: cursor ?? undefined },
                  cursor: assessmentCursor,
                }}
              />
            ) : null}
            <QueueList
              items={queue.items}
              hrefFor={(item) => reviewItemHref(item.id, filter)}
              empty={{
                title: "Nothing to review",
                body:
                  kind || comparisonId
                    ? "No annotation in review matches these filters."
                    : "When someone submits an annotation for review, it appears here.",
              }}
            />
            <PageLinks
              path="/review"
              query={{ comparison: comparisonId, kind, acursor: assessmentCursor ?? undefined }}
              cursor={cursor}
              nextCursor={queue.nextCursor}
              label="Pages of the review queue"
            />
          </div>
        </>
      ) : (
        <div className="mt-5">
          <AssessmentQueue
            page={returnedAssessments}
            heading="Assessments returned to you"
            isReturned
            pageLinks={{
              path: "/review",
              query: { mine: canReview ? "1" : undefined, cursor: cursor ?? undefined },
              cursor: assessmentCursor,
            }}
          />
          <QueueList
            items={returned.items}
            hrefFor={(item) => annotationHref(item.comparison.id, item.id, { edit: true })}
            actionsFor={(item) => (
              <>
                <Link
                  href={annotationHref(item.comparison.id, item.id, { edit: true })}
                  className="rounded-md bg-indigo-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-800"
                >
                  {item.status === "rejected" ? "Revise into a new draft" : "Revise in workbench"}
                </Link>
                <Link href={`/annotations/${item.id}`} className="text-xs font-medium text-indigo-800 hover:underline">
                  History
                </Link>
                {item.status === "rejected" && canDeleteAnnotation(user, item) ? (
                  <DeleteAnnotationButton annotationId={item.id} label={item.rationale.slice(0, 60)} />
                ) : null}
              </>
            )}
            empty={{
              title: "Nothing returned to you",
              body: "When a reviewer requests changes on one of your annotations or rejects it, it appears here with their reason.",
            }}
          />
          <PageLinks
            path="/review"
            query={{ mine: canReview ? "1" : undefined, acursor: assessmentCursor ?? undefined }}
            cursor={cursor}
            nextCursor={returned.nextCursor}
            label="Pages of annotations returned to you"
          />
        </div>
      )}
    </main>
  );
}
