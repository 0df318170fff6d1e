"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import type { CommentThread as Thread } from "@/lib/comments/views";

import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";

import { formatDate } from "./format";
import { MAX_COMMENT } from "@/lib/comments/schemas";

// The discussion on one annotation: top-level comments with their replies,
// a form for a new comment and one reply form at a time.

function CommentForm({
  annotationId,
  parentId,
  label,
  onDone,
}: {
  annotationId: string;
  parentId?: string;
  label: string;
  onDone: () => void;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const fieldId = parentId ? `reply-${parentId}` : "new-comment";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setError("Write something first.");
    setIsPending(true);
    const result = await apiFetch(`/api/v1/annotations/${annotationId}/comments`, { method: "POST", body: { body, parentId } });
    setIsPending(false);
    if (!result.ok) return setError(result.problem.errors?.body ?? result.problem.detail);
    setBody("");
    setError(null);
    onDone();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate>
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={fieldId}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={parentId ? 2 : 3}
        maxLength={MAX_COMMENT}
        className="input aria-invalid:border-red-500"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
      />
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={isPending}>
        {isPending ? "Posting…" : parentId ? "Post reply" : "Post comment"}
      </Button>
    </form>
  );
}

export function CommentThread({ annotationId, threads }: { annotationId: string; threads: Thread[] }) {
  const router = useRouter();
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const refresh = () => {
    setReplyTo(null);
    router.refresh();
  };
  return (
    <section aria-labelledby="comments-title" className="space-y-4">
      <h2 id="comments-title" className="text-base font-semibold">
        Comments <span className="font-normal text-slate-500">({threads.reduce((n, t) => n + 1 + t.replies.length, 0)})</span>
      </h2>
      {threads.length === 0 ? <p className="text-sm text-slate-500">No comments yet. Ask a question or explain a choice.</p> : null}
      <ul className="space-y-3">
        {threads.map((thread) => (
          <li key={thread.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <CommentBody comment={thread} />
            {thread.replies.length ? (
              <ul className="mt-2 space-y-2 border-l-2 border-slate-100 pl-3">
                {thread.replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentBody comment={reply} />
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="mt-2">
              {replyTo === thread.id ? (
                <CommentForm annotationId={annotationId} parentId={thread.id} label={`Reply to ${thread.author.name}`} onDone={refresh} />
              ) : (
                <Button size="sm" variant="ghost" onClick={() => setReplyTo(thread.id)}>
                  Reply
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <CommentForm annotationId={annotationId} label="New comment" onDone={refresh} />
    </section>
  );
}

function CommentBody({ comment }: { comment: Thread | Thread["replies"][number] }) {
  return (
    <div>
      <p className="text-xs text-slate-500">
        <span className="font-medium text-slate-800">{comment.author.name}</span> ·{" "}
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
      </p>
      <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{comment.body}</p>
    </div>
  );
}
