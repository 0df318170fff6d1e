import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { LiveRefresh } from "@/components/live/live-refresh";
import { AnnotationInContext } from "@/components/review/annotation-context";
import { DecisionToast } from "@/components/review/decision-toast";
import { ResubmissionNote } from "@/components/review/resubmission-note";
import { ReviewPanel } from "@/components/review/review-panel";
import { WithdrawButton } from "@/components/review/withdraw-button";
import { canWithdrawAnnotation } from "@/lib/annotations/access";
import { annotationHref } from "@/lib/annotations/links";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getAnnotationContext } from "@/lib/history/service";
import { getFeedCursor } from "@/lib/live/service";
import { canReviewAnnotation } from "@/lib/reviews/eligibility";
import { getResubmission } from "@/lib/reviews/resubmission";
import { findNextInQueue } from "@/lib/reviews/service";
import { decisionFrom, queueFilterFrom, reviewItemHref, reviewQueueHref } from "@/lib/reviews/queue-links";

export const metadata: Metadata = { title: "Review annotation" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewItemPage({ params, searchParams }: Props) {
  const user = await requirePageUser("annotation.review");
  const { id } = await params;
  const feedCursor = await getFeedCursor(user);
  const query = await searchParams;
  const filter = queueFilterFrom(query);
  const [context, resubmission] = await Promise.all([getAnnotationContext(user, id), getResubmission(user, id)]).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { annotation, comparison } = context;
  const isOwn = annotation.author.id === user.id;
  const canReview = canReviewAnnotation(user, annotation);
  const next = canReview ? await findNextInQueue(user, annotation.id, filter) : null;
  const done = decisionFrom(query.done);
  const sourceLabel = (sourceId: string) => comparison.sources.find((source) => source.id === sourceId)?.label ?? "?";
  return (
    <main className="mx-auto grid w-full max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[1fr_24rem]">
      <LiveRefresh
        annotationId={annotation.id}
        follow={{ comparisonId: annotation.comparisonId, since: feedCursor }}
        open={canReview ? { annotationId: annotation.id, activity: "reviewing" } : null}
      />
      {done ? <DecisionToast decision={done} next="item" focusId="review-heading" /> : null}
      <div className="min-w-0 space-y-5">
        <div>
          <nav aria-label="Breadcrumb" className="text-xs text-slate-600">
            <Link href="/review" className="hover:underline">
              Review queue
            </Link>
          </nav>
          <h1 id="review-heading" tabIndex={-1} className="mt-1 mb-4 text-xl font-semibold tracking-tight">
            Review annotation
          </h1>
          {resubmission ? <ResubmissionNote resubmission={resubmission} sourceLabel={sourceLabel} /> : null}
        </div>
        <AnnotationInContext context={context} />
      </div>
      <aside className="space-y-4">
        {canReview ? (
          <ReviewPanel
            endpoint={`/api/v1/annotations/${annotation.id}/reviews`}
            annotationId={annotation.id}
            version={annotation.version}
            afterDecision={next ? reviewItemHref(next, filter) : reviewQueueHref(filter)}
          />
        ) : (
          <div role="status" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800">
            <p>{isOwn ? "This is your own annotation: someone else must review it." : "This annotation is not in review any more."}</p>
            {canWithdrawAnnotation(user, annotation) ? (
              <WithdrawButton endpoint={`/api/v1/annotations/${annotation.id}/withdraw`} version={annotation.version} />
            ) : null}
          </div>
        )}
        <div className="flex flex-col gap-2 text-sm">
          <Link href={annotationHref(comparison.id, annotation.id)} className="font-medium text-indigo-800 hover:underline">
            Open in workbench
          </Link>
          <Link href={`/annotations/${annotation.id}`} className="font-medium text-indigo-800 hover:underline">
            History &amp; comments
          </Link>
        </div>
      </aside>
    </main>
  );
}
