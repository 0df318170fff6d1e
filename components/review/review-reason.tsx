"use client";

import { useEffect, useState } from "react";

import type { AnnotationStatus } from "@/lib/annotations/schemas";
import { decisionLabel } from "@/lib/annotations/state";
import type { ReviewView } from "@/lib/reviews/views";

import { apiFetch } from "@/lib/client/api-client";

// In the workbench detail: why a decided annotation is where it is, i.e. the
// latest reviewer's decision and comment, fetched from the history endpoint.

const decided: AnnotationStatus[] = ["changes_requested", "rejected", "approved"];

export function ReviewReason({ annotationId, status, version }: { annotationId: string; status: AnnotationStatus; version: number }) {
  const [review, setReview] = useState<ReviewView | null>(null);
  const isDecided = decided.includes(status);

  useEffect(() => {
    if (!isDecided) return;
    let isCurrent = true;
    void apiFetch<{ reviews: ReviewView[] }>(`/api/v1/annotations/${annotationId}/history`).then((result) => {
      if (isCurrent && result.ok) setReview(result.data.reviews.at(-1) ?? null);
    });
    return () => {
      isCurrent = false;
    };
  }, [annotationId, isDecided, version]);

  if (!isDecided || !review) return null;
  const tone =
    review.decision === "request_changes"
      ? "bg-orange-50 ring-orange-200"
      : review.decision === "reject"
        ? "bg-slate-100 ring-slate-200"
        : "bg-emerald-50 ring-emerald-200";
  return (
    <div className={`mt-2 rounded px-2 py-1.5 text-sm ring-1 ${tone}`} data-testid="review-reason">
      <p className="text-xs text-slate-600">
        <span className="font-semibold text-slate-800">{review.reviewer.name}</span> {decisionLabel[review.decision]}
      </p>
      {review.comment ? <p className="whitespace-pre-wrap text-slate-900">{review.comment}</p> : null}
    </div>
  );
}
