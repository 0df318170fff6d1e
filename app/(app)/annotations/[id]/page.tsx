import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CommentThread } from "@/components/history/comment-thread";
import { HistoryTimeline } from "@/components/history/history-timeline";
import { LatestReview } from "@/components/history/latest-review";
import { LiveRefresh } from "@/components/live/live-refresh";
import { AnnotationInContext } from "@/components/review/annotation-context";
import { ReviewPanel } from "@/components/review/review-panel";
import { WithdrawButton } from "@/components/review/withdraw-button";
import { canWithdrawAnnotation } from "@/lib/annotations/access";
import { annotationHref } from "@/lib/annotations/links";
import { requirePageUser } from "@/lib/auth/session";
import { threadComments } from "@/lib/comments/views";
import { isAppError } from "@/lib/errors";
import { getAnnotationContext, getAnnotationHistory } from "@/lib/history/service";
import { getFeedCursor } from "@/lib/live/service";
import { canReviewAnnotation } from "@/lib/reviews/eligibility";

export const metadata: Metadata = { title: "Annotation history" };

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requirePageUser();
  try {
    const feedCursor = await getFeedCursor(user);
    const [context, history] = await Promise.all([getAnnotationContext(user, id), getAnnotationHistory(user, id)]);
    return { user, context, history, feedCursor };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function AnnotationPage({ params }: Props) {
  const { user, context, history, feedCursor } = await load((await params).id);
  const { annotation, comparison } = context;
  const latest = history.reviews.at(-1);
  const sourceLabel = (id: string) => comparison.sources.find((source) => source.id === id)?.label ?? "?";
  const canReview = canReviewAnnotation(user, annotation);
  return (
    <main className="mx-auto grid w-full max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[1fr_24rem]">
      <LiveRefresh
        annotationId={annotation.id}
        follow={{ comparisonId: comparison.id, since: feedCursor }}
        open={canReview ? { annotationId: annotation.id, activity: "reviewing" } : null}
      />
      <div className="min-w-0 space-y-8">
        <div>
          <nav aria-label="Breadcrumb" className="text-xs text-slate-600">
            <Link href={`/comparisons/${comparison.id}`} className="hover:underline">
              {comparison.title}
            </Link>
          </nav>
          <h1 className="mt-1 mb-4 text-xl font-semibold tracking-tight">Annotation history</h1>
          <AnnotationInContext context={context} />
        </div>
        <section aria-labelledby="history-title">
          <h2 id="history-title" className="mb-3 text-base font-semibold">
            History
          </h2>
          <HistoryTimeline events={history.events} comments={history.comments} sourceLabel={sourceLabel} />
        </section>
      </div>
      <aside className="space-y-6">
        {latest ? (
          <section aria-labelledby="latest-review-title">
            <h2 id="latest-review-title" className="mb-2 text-base font-semibold">
              Latest review
            </h2>
            <LatestReview review={latest} isOutdated={latest.annotationVersion + 1 < annotation.version} />
          </section>
        ) : null}
        {canReview ? (
          <ReviewPanel
            endpoint={`/api/v1/annotations/${annotation.id}/reviews`}
            annotationId={annotation.id}
            version={annotation.version}
          />
        ) : null}
        {canWithdrawAnnotation(user, annotation) ? (
          <WithdrawButton endpoint={`/api/v1/annotations/${annotation.id}/withdraw`} version={annotation.version} />
        ) : null}
        <Link
          href={annotationHref(comparison.id, annotation.id)}
          className="inline-flex text-sm font-medium text-indigo-800 hover:underline"
        >
          Open in workbench
        </Link>
        <CommentThread annotationId={annotation.id} threads={threadComments(history.comments)} />
      </aside>
    </main>
  );
}
