"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState, type FormEvent } from "react";

import type { ReviewDecision } from "@/lib/annotations/state";

import { useOthersOnAnnotation } from "@/components/live/use-presence-activity";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";
import { MAX_REVIEW_COMMENT } from "@/lib/reviews/schemas";

import { shortcutKey, useReviewShortcuts } from "./use-review-shortcuts";

// The reviewer's decision on an annotation or an assessment. The server
// enforces every rule; this form only explains them: a comment is needed to
// send it back or reject it. After a decision the page moves on (to the next
// item in the queue) and says what was done.

type Props = {
  /** POST target, e.g. /api/v1/annotations/:id/reviews. */
  endpoint: string;
  /** The annotation under review, for the presence warning (none for assessments). */
  annotationId?: string;
  version: number;
  /** Where to go after a decision; `done` (the decision) is added to its query. Without it the page reloads. */
  afterDecision?: string;
};

const buttons: Array<{ decision: ReviewDecision; label: string; variant: "primary" | "secondary" | "danger" }> = [
  { decision: "approve", label: "Approve", variant: "primary" },
  { decision: "request_changes", label: "Request changes", variant: "secondary" },
  { decision: "reject", label: "Reject", variant: "danger" },
];

export function ReviewPanel({ endpoint, annotationId, version, afterDecision }: Props) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<ReviewDecision | null>(null);
  // Soft presence: another reviewer with this annotation open may be about to decide too.
  const otherReviewers = [
    ...new Set(
      useOthersOnAnnotation(annotationId)
        .filter((o) => o.activity === "reviewing")
        .map((o) => o.name),
    ),
  ];
  const othersText = otherReviewers.join(" and ");

  const commentRef = useRef<HTMLTextAreaElement>(null);

  const decide = useCallback(
    async (decision: ReviewDecision) => {
      if (pending) return;
      setMessage(null);
      if (
        otherReviewers.length &&
        !window.confirm(`${othersText} ${otherReviewers.length > 1 ? "have" : "has"} this annotation open for review too. Decide anyway?`)
      ) {
        return;
      }
      if (decision !== "approve" && !comment.trim()) {
        setCommentError("Write a comment: say what should change or why you reject it.");
        commentRef.current?.focus();
        return;
      }
      setCommentError(null);
      setPending(decision);
      const result = await apiFetch(endpoint, { method: "POST", body: { decision, version, comment: comment.trim() || undefined } });
      if (!result.ok) {
        setPending(null);
        if (result.problem.errors?.comment) setCommentError(result.problem.errors.comment);
        setMessage(result.problem.status === 409 ? `${result.problem.detail} Reload to see the current version.` : result.problem.detail);
        return;
      }
      setComment("");
      if (afterDecision) {
        const url = new URL(afterDecision, window.location.origin);
        url.searchParams.set("done", decision);
        router.push(`${url.pathname}${url.search}`);
      } else {
        setPending(null);
      }
      router.refresh();
    },
    [afterDecision, comment, endpoint, othersText, otherReviewers.length, pending, router, version],
  );

  const { isOn, setShortcuts } = useReviewShortcuts(decide, pending === null);
  const onSubmit = (event: FormEvent) => event.preventDefault();

  return (
    <form onSubmit={onSubmit} aria-labelledby="review-title" className="rounded-lg border border-indigo-200 bg-white p-4" noValidate>
      <h2 id="review-title" className="text-sm font-semibold text-slate-800">
        Your review
      </h2>
      {otherReviewers.length ? (
        <p
          role="status"
          data-testid="review-warning"
          className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-300"
        >
          {othersText} {otherReviewers.length > 1 ? "are" : "is"} reviewing this annotation too. You will be asked to confirm before
          deciding.
        </p>
      ) : null}
      <label htmlFor="review-comment" className="mt-3 block text-sm font-medium text-slate-700">
        Comment
      </label>
      <textarea
        id="review-comment"
        ref={commentRef}
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
          if (e.target.value.trim()) setCommentError(null);
        }}
        rows={4}
        maxLength={MAX_REVIEW_COMMENT}
        aria-invalid={commentError ? true : undefined}
        aria-describedby={commentError ? "review-comment-error" : "review-comment-hint"}
        className="input mt-1 aria-invalid:border-red-500"
        placeholder="What should change, or why is it right?"
        dir="auto"
      />
      {commentError ? (
        <p id="review-comment-error" className="mt-1 text-sm text-red-700">
          {commentError}
        </p>
      ) : (
        <p id="review-comment-hint" className="mt-1 text-xs text-slate-700">
          Optional to approve; required to request changes or reject.
        </p>
      )}
      {message ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {buttons.map((b) => (
          <Button
            key={b.decision}
            variant={b.variant}
            disabled={pending !== null}
            onClick={() => void decide(b.decision)}
            aria-keyshortcuts={isOn ? shortcutKey[b.decision] : undefined}
          >
            {pending === b.decision ? "Saving…" : b.label}
            {isOn ? (
              <kbd aria-hidden className="rounded border border-current/40 px-1 font-sans text-[0.7rem] leading-4">
                {shortcutKey[b.decision]}
              </kbd>
            ) : null}
          </Button>
        ))}
      </div>
      <label className="mt-3 flex items-center gap-2 text-xs text-slate-700">
        <input type="checkbox" checked={isOn} onChange={(event) => setShortcuts(event.target.checked)} />
        Keyboard shortcuts: A approve, C request changes, R reject (outside text fields)
      </label>
    </form>
  );
}
