import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { LiveRefresh } from "@/components/live/live-refresh";
import { AnnotationInContext } from "@/components/review/annotation-context";
import { ReviewPanel } from "@/components/review/review-panel";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getAnnotationContext } from "@/lib/history/service";
import { getFeedCursor } from "@/lib/live/service";
import { canReviewAnnotation } from "@/lib/reviews/eligibility";

export const metadata: Metadata = { title: "Review annotation" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewItemPage({ params }: Props) {
  const user = await requirePageUser("annotation.review");
  const { id } = await params;
  const feedCursor = await getFeedCursor(user);
  const context = await getAnnotationContext(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { annotation } = context;
  const isOwn = annotation.author.id === user.id;
  const canReview = canReviewAnnotation(user, annotation);
  return (
    <main className="mx-auto grid w-full max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[1fr_24rem]">
      <LiveRefresh
        annotationId={annotation.id}
        follow={{ comparisonId: annotation.comparisonId, since: feedCursor }}
        open={canReview ? { annotationId: annotation.id, activity: "reviewing" } : null}
      />
      <div>
        <nav aria-label="Breadcrumb" className="text-xs text-slate-500">
          <Link href="/review" className="hover:underline">
            Review queue
          </Link>
        </nav>
        <h1 className="mt-1 mb-4 text-xl font-semibold tracking-tight">Review annotation</h1>
        <AnnotationInContext context={context} />
      </div>
      <aside className="space-y-4">
        {canReview ? (
          <ReviewPanel annotationId={annotation.id} version={annotation.version} afterDecision="/review" />
        ) : (
          <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            {isOwn ? "This is your own annotation: someone else must review it." : "This annotation is not in review any more."}
          </p>
        )}
        <Link href={`/annotations/${annotation.id}`} className="inline-flex text-sm font-medium text-indigo-700 hover:underline">
          History &amp; comments
        </Link>
      </aside>
    </main>
  );
}
