"use client";

import type { SpanView } from "@/lib/annotations/views";

import { Button } from "@/components/ui/button";

import { formatVersionDate } from "./format";

type Props = {
  span: SpanView;
  /** The author (or an admin) may resolve it. */
  canResolve: boolean;
  /** Re-selecting is an edit: not possible while the annotation is in review. */
  isInReview: boolean;
  isBusy: boolean;
  /** True while the workbench waits for the new selection of this passage. */
  isReselecting: boolean;
  onReselect: () => void;
  onCancelReselect: () => void;
  onKeep: () => void;
};

/**
 * Where one passage stands on its source's latest version, and the two ways
 * to resolve a changed or orphaned one. Holds no state: the workbench (or
 * any other host) owns the selection and the API calls.
 */
export function SpanRecheck({ span, canResolve, isInReview, isBusy, isReselecting, onReselect, onCancelReselect, onKeep }: Props) {
  const { anchor, version } = span;
  if (anchor.status === "unchanged") return null;
  const madeOn = `version ${version.number} (${formatVersionDate(version.createdAt)})`;
  return (
    <div className="mt-1 rounded-md border border-orange-200 bg-orange-50 p-2 text-xs text-slate-800" data-testid="span-recheck">
      {anchor.status === "changed" ? (
        <>
          <p className="font-semibold text-orange-900">Changed in the latest version</p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
            <dt className="text-slate-600">Was</dt>
            <dd dir="auto" className="font-serif line-through decoration-red-400">
              {span.exact}
            </dd>
            <dt className="text-slate-600">Now</dt>
            <dd dir="auto" className="font-serif">
              {anchor.exact}
            </dd>
          </dl>
        </>
      ) : (
        <p className="font-semibold text-orange-900">Orphaned: this passage is no longer in the latest version.</p>
      )}
      <p className="mt-1 text-slate-600">Quoted from {madeOn}.</p>
      {anchor.keptAt ? (
        <p className="mt-1 font-medium text-slate-700">Kept on {madeOn}.</p>
      ) : canResolve ? (
        <div className="mt-1.5 flex flex-wrap gap-1.5">
          {isReselecting ? (
            <>
              <span role="status" className="self-center font-medium text-indigo-800">
                Select the passage in the latest text…
              </span>
              <Button size="sm" variant="ghost" onClick={onCancelReselect}>
                Cancel
              </Button>
            </>
          ) : (
            <Button
              size="sm"
              variant="secondary"
              onClick={onReselect}
              disabled={isBusy || isInReview}
              title={isInReview ? "Withdraw it from review first: re-selecting is an edit." : undefined}
            >
              Re-select in the new version
            </Button>
          )}
          <Button size="sm" variant="ghost" onClick={onKeep} disabled={isBusy}>
            Keep on version {version.number}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
