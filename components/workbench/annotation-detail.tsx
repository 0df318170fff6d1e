"use client";

import Link from "next/link";

import {
  canDeleteAnnotation,
  canEditAnnotation,
  canSubmitAnnotation,
  canWithdrawAnnotation,
  isAuthorOrAdmin,
} from "@/lib/annotations/access";
import type { AnnotationView } from "@/lib/annotations/views";
import type { Role } from "@/lib/auth/permissions";
import { credibilityLabel, isCredibility } from "@/lib/comparisons/grades";

import { ReviewReason } from "@/components/review/review-reason";
import { Button } from "@/components/ui/button";
import { RecheckBadge } from "@/components/versions/recheck-badge";
import { SpanRecheck } from "@/components/versions/span-recheck";
import type { RecheckControls } from "@/components/versions/use-reselect";

import { KindBadge, StatusBadge } from "./badges";

export type Viewer = { id: string; role: Role };

type Props = {
  annotation: AnnotationView;
  viewer: Viewer;
  sourceLabel: (sourceId: string) => string;
  /** Source ids shown in the columns; passages elsewhere get a control to bring their source on screen. */
  onScreen: readonly string[];
  onShowSource: (sourceId: string) => void;
  /** Spans whose quote could not be found in the displayed text. */
  orphanedSpanIds?: ReadonlySet<string>;
  /** Resolve controls for passages a new source version changed or orphaned. */
  recheck?: RecheckControls;
  isBusy: boolean;
  message: string | null;
  onEdit: () => void;
  onDelete: () => void;
  onSubmit: () => void;
  onWithdraw: () => void;
  onClose: () => void;
};

export function AnnotationDetail({
  annotation,
  viewer,
  sourceLabel,
  onScreen,
  onShowSource,
  orphanedSpanIds,
  recheck,
  isBusy,
  message,
  onEdit,
  onDelete,
  onSubmit,
  onWithdraw,
  onClose,
}: Props) {
  const canEdit = canEditAnnotation(viewer, annotation);
  const canDelete = canDeleteAnnotation(viewer, annotation);
  const canSubmit = canSubmitAnnotation(viewer, annotation);
  const canWithdraw = canWithdrawAnnotation(viewer, annotation);

  return (
    <section
      aria-labelledby="detail-title"
      className="bg-amber-50/60 p-4 focus:outline-none focus-visible:outline-2 focus-visible:-outline-offset-2"
      data-testid="annotation-detail"
      tabIndex={-1}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <h2 id="detail-title" className="sr-only">
          Selected annotation
        </h2>
        <KindBadge kind={annotation.kind} />
        <StatusBadge status={annotation.status} />
        <RecheckBadge annotation={annotation} />
        <span className="text-xs text-slate-600">v{annotation.version}</span>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded px-1 text-lg leading-none text-slate-600 hover:text-slate-900"
          aria-label="Close annotation"
        >
          ×
        </button>
      </div>
      <ReviewReason annotationId={annotation.id} status={annotation.status} version={annotation.version} />
      <p dir="auto" className="mt-2 text-sm whitespace-pre-wrap text-slate-900">
        {annotation.rationale}
      </p>
      <ul className="mt-2 space-y-1.5">
        {annotation.spans.map((span) => (
          <li key={span.id} className="text-sm">
            <span className="flex items-center gap-2 text-xs font-semibold text-slate-600">
              {sourceLabel(span.sourceId)}
              {onScreen.includes(span.sourceId) ? null : (
                <button
                  type="button"
                  className="rounded px-1 font-medium text-indigo-700 hover:bg-indigo-50"
                  onClick={() => onShowSource(span.sourceId)}
                >
                  Show {sourceLabel(span.sourceId)} in a column
                </button>
              )}
            </span>
            <blockquote dir="auto" className="line-clamp-3 border-s-2 border-slate-300 ps-2 font-serif text-slate-700">
              “{span.exact}”
            </blockquote>
            {recheck ? (
              <SpanRecheck
                span={span}
                canResolve={isAuthorOrAdmin(viewer, annotation)}
                isInReview={annotation.status === "in_review"}
                isBusy={recheck.isBusy || isBusy}
                isReselecting={recheck.reselectingSpanId === span.id}
                onReselect={() => recheck.onReselect(span.id)}
                onCancelReselect={recheck.onCancelReselect}
                onKeep={() => recheck.onKeep(span.id)}
              />
            ) : null}
            {span.anchor.status === "unchanged" && orphanedSpanIds?.has(span.id) ? (
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
        {annotation.credibility !== null && isCredibility(annotation.credibility) ? (
          <>
            <dt>Credibility</dt>
            <dd className="text-slate-800">
              {annotation.credibility} · {credibilityLabel[annotation.credibility]}
            </dd>
          </>
        ) : null}
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
        {canWithdraw ? (
          <Button size="sm" variant="secondary" onClick={onWithdraw} disabled={isBusy}>
            Withdraw from review
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
