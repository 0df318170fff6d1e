"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import type { ReviewDecision } from "@/lib/annotations/state";

import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";
import { MAX_REVIEW_COMMENT } from "@/lib/reviews/schemas";

// The reviewer's decision. The server enforces every rule; this form only
// explains them: a comment is needed to send an annotation back or reject it.

type Props = { annotationId: string; version: number; afterDecision?: string };

const buttons: Array<{ decision: ReviewDecision; label: string; variant: "primary" | "secondary" | "danger" }> = [
  { decision: "approve", label: "Approve", variant: "primary" },
  { decision: "request_changes", label: "Request changes", variant: "secondary" },
  { decision: "reject", label: "Reject", variant: "danger" },
];

export function ReviewPanel({ annotationId, version, afterDecision }: Props) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<ReviewDecision | null>(null);

  async function decide(decision: ReviewDecision) {
    setMessage(null);
    if (decision !== "approve" && !comment.trim()) {
      setCommentError("Write a comment: say what should change or why you reject it.");
      document.getElementById("review-comment")?.focus();
      return;
    }
    setCommentError(null);
    setPending(decision);
    const result = await apiFetch(`/api/v1/annotations/${annotationId}/reviews`, {
      method: "POST",
      body: { decision, version, comment: comment.trim() || undefined },
    });
    setPending(null);
    if (!result.ok) {
      if (result.problem.errors?.comment) setCommentError(result.problem.errors.comment);
      setMessage(result.problem.status === 409 ? `${result.problem.detail} Reload to see the current version.` : result.problem.detail);
      return;
    }
    setComment("");
    if (afterDecision) router.push(afterDecision);
    router.refresh();
  }

  const onSubmit = (event: FormEvent) => event.preventDefault();

  return (
    <form onSubmit={onSubmit} aria-labelledby="review-title" className="rounded-lg border border-indigo-200 bg-indigo-50/50 p-4" noValidate>
      <h2 id="review-title" className="text-sm font-semibold text-slate-800">
        Your review
      </h2>
      <label htmlFor="review-comment" className="mt-3 block text-sm font-medium text-slate-700">
        Comment
      </label>
      <textarea
        id="review-comment"
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
      />
      {commentError ? (
        <p id="review-comment-error" className="mt-1 text-sm text-red-700">
          {commentError}
        </p>
      ) : (
        <p id="review-comment-hint" className="mt-1 text-xs text-slate-500">
          Optional to approve; required to request changes or reject.
        </p>
      )}
      {message ? (
        <p role="status" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {buttons.map((b) => (
          <Button key={b.decision} variant={b.variant} disabled={pending !== null} onClick={() => void decide(b.decision)}>
            {pending === b.decision ? "Saving…" : b.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
