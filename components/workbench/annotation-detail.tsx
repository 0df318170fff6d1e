"use client";

import Link from "next/link";

import { canEditStatus } from "@/lib/annotations/state";
import type { AnnotationView } from "@/lib/annotations/views";

import { ReviewReason } from "@/components/review/review-reason";
import { Button } from "@/components/ui/button";

import { KindBadge, StatusBadge } from "./badges";

export type Viewer = { id: string; role: "analyst" | "reviewer" | "admin" };

type Props = {
  annotation: AnnotationView;
  viewer: Viewer;
  sourceLabel: (sourceId: string) => string;
  /** Spans whose quote could not be found in the displayed text. */
  orphanedSpanIds?: ReadonlySet<string>;
  isBusy: boolean;
  message: string | null;
  onEdit: () => void;
  onDelete: () => void;
  onSubmit: () => void;
  onClose: () => void;
};

export function AnnotationDetail({
  annotation,
  viewer,
  sourceLabel,
  orphanedSpanIds,
  isBusy,
  message,
  onEdit,
  onDelete,
  onSubmit,
  onClose,
}: Props) {
  const isAuthor = annotation.author.id === viewer.id;
  const isAdmin = viewer.role === "admin";
  const canEdit = (isAuthor || isAdmin) && canEditStatus(annotation.status);
  const canDelete = (isAuthor && annotation.status === "draft") || isAdmin;
  const canSubmit = isAuthor && (annotation.status === "draft" || annotation.status === "changes_requested");

  return (
    <section aria-labelledby="detail-title" className="border-b border-slate-200 bg-amber-50/60 p-4" data-testid="annotation-detail">
      <div className="flex items-center gap-1.5">
        <h2 id="detail-title" className="sr-only">
          Selected annotation
        </h2>
        <KindBadge kind={annotation.kind} />
        <StatusBadge status={annotation.status} />
        <span className="text-xs text-slate-500">v{annotation.version}</span>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded px-1 text-lg leading-none text-slate-500 hover:text-slate-900"
          aria-label="Close annotation"
        >
          ×
        </button>
      </div>
      <ReviewReason annotationId={annotation.id} status={annotation.status} version={annotation.version} />
      <p className="mt-2 text-sm whitespace-pre-wrap text-slate-900">{annotation.rationale}</p>
      <ul className="mt-2 space-y-1.5">
        {annotation.spans.map((span) => (
          <li key={span.id} className="text-sm">
            <span className="text-xs font-semibold text-slate-500">{sourceLabel(span.sourceId)}</span>
            <blockquote className="line-clamp-3 border-l-2 border-slate-300 pl-2 font-serif text-slate-700">“{span.exact}”</blockquote>
            {orphanedSpanIds?.has(span.id) ? (
              <p className="mt-0.5 text-xs font-medium text-amber-800">
                ⚠ Orphaned passage: this quote is no longer in the source text, so it is not highlighted.
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-600">
        <dt>Author</dt>
        <dd className="text-slate-800">{annotation.author.name}</dd>
        <dt>Confidence</dt>
        <dd className="text-slate-800">{annotation.confidence}</dd>
        {annotation.tags.length ? (
          <>
            <dt>Tags</dt>
            <dd className="text-slate-800">{annotation.tags.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {message ? (
        <p role="status" className="mt-2 rounded bg-white px-2 py-1.5 text-sm text-slate-800 ring-1 ring-slate-200">
          {message}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {canEdit ? (
          <Button size="sm" variant="secondary" onClick={onEdit} disabled={isBusy}>
            Edit
          </Button>
        ) : null}
        {canSubmit ? (
          <Button size="sm" onClick={onSubmit} disabled={isBusy}>
            Submit for review
          </Button>
        ) : null}
        {canDelete ? (
          <Button size="sm" variant="danger" onClick={onDelete} disabled={isBusy}>
            Delete
          </Button>
        ) : null}
        <Link
          href={`/annotations/${annotation.id}`}
          className="inline-flex items-center rounded-md px-2.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
        >
          History &amp; comments
        </Link>
      </div>
    </section>
  );
}
