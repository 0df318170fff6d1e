import { decisionLabel } from "@/lib/annotations/state";
import type { ReviewView } from "@/lib/reviews/views";

import { formatDate } from "./format";

const tone = {
  approve: "border-emerald-300 bg-emerald-50",
  request_changes: "border-orange-300 bg-orange-50",
  reject: "border-slate-300 bg-slate-100",
} as const;

/** Why the annotation is where it is: the last decision and its comment. */
export function LatestReview({ review, isOutdated }: { review: ReviewView; isOutdated: boolean }) {
  return (
    <div className={`rounded-lg border-l-4 p-3 ${tone[review.decision]}`} data-testid="latest-review">
      <p className="text-sm text-slate-800">
        <span className="font-semibold">{review.reviewer.name}</span> {decisionLabel[review.decision]}
        <span className="text-slate-500">
          {" "}
          · version {review.annotationVersion} · {formatDate(review.createdAt)}
        </span>
      </p>
      {review.comment ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-900">{review.comment}</p> : null}
      {isOutdated ? <p className="mt-1 text-xs text-slate-500">The annotation has changed since this review.</p> : null}
    </div>
  );
}
