"use client";

import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";

import { buttonClass } from "@/components/ui/button";
import { kindLabel } from "@/lib/annotations/state";
import type { SuggestionSpanView, SuggestionView } from "@/lib/suggestions/views";

// One suggestion: kind, score, both quotes with their source labels, the
// reasons, and Accept / Dismiss. Hovering it or moving focus into it asks the
// workbench to preview both passages.

export const DISMISS_REASONS = ["Not comparable", "Wrong kind", "Already recorded"] as const;

const kindStyle = {
  agreement: { badge: "bg-emerald-100 text-emerald-900 ring-emerald-600/30", glyph: "=" },
  contradiction: { badge: "bg-red-100 text-red-900 ring-red-600/30", glyph: "≠" },
} as const;

type Props = {
  suggestion: SuggestionView;
  sourceLabel: (sourceId: string) => string;
  canDecide: boolean;
  isBusy: boolean;
  error: string | null;
  onPreview: (spans: SuggestionSpanView[] | null) => void;
  onShow?: (spans: SuggestionSpanView[]) => void;
  onAccept: () => void;
  onDismiss: (reason?: string) => void;
};

export function SuggestionItem({ suggestion, sourceLabel, canDecide, isBusy, error, onPreview, onShow, onAccept, onDismiss }: Props) {
  const [isChoosingReason, setIsChoosingReason] = useState(false);
  const firstReason = useRef<HTMLButtonElement>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const style = kindStyle[suggestion.kind];
  const [a, b] = suggestion.spans;
  const titleId = `suggestion-${suggestion.id}`;

  useEffect(() => {
    if (isChoosingReason) firstReason.current?.focus();
  }, [isChoosingReason]);

  const preview = () => onPreview(suggestion.spans);
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onPreview(null);
  };
  const closeChooser = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    setIsChoosingReason(false);
    dismissButton.current?.focus();
  };

  return (
    <article
      aria-labelledby={titleId}
      data-suggestion={suggestion.id}
      className="px-4 py-3 focus-within:bg-violet-50/60 hover:bg-violet-50/60"
      onMouseEnter={preview}
      onMouseLeave={() => onPreview(null)}
      onFocus={preview}
      onBlur={onBlur}
    >
      <h3 id={titleId} className="flex flex-wrap items-center gap-1.5 text-sm">
        <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${style.badge}`}>
          <span aria-hidden>{style.glyph}</span>
          {kindLabel[suggestion.kind]}
        </span>
        <span className="font-medium text-slate-800">
          {sourceLabel(a.sourceId)} ↔ {sourceLabel(b.sourceId)}
        </span>
        <span className="ml-auto text-xs text-slate-600" title="How worth a look this pair is, from 0 to 1">
          score {suggestion.score.toFixed(2)}
        </span>
      </h3>
      <div className="mt-2 space-y-1.5">
        {[a, b].map((span) => (
          <blockquote key={span.sourceId} className="flex gap-2 border-l-2 border-dashed border-violet-400 pl-2 text-sm text-slate-800">
            <span className="shrink-0 text-xs font-semibold text-violet-800">{sourceLabel(span.sourceId)}</span>
            <span dir="auto" className="line-clamp-3">
              “{span.exact}”
            </span>
          </blockquote>
        ))}
      </div>
      <ul className="mt-2 list-disc space-y-0.5 pl-5 text-xs text-slate-700" aria-label="Reasons">
        {suggestion.reasons.map((reason, index) => (
          <li key={`${index}:${reason}`} dir="auto">
            {reason}
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="mt-2 text-xs text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-1.5">
        {onShow ? (
          <button type="button" className={buttonClass("ghost", "sm")} onClick={() => onShow(suggestion.spans)}>
            Show in text
          </button>
        ) : null}
        {canDecide && !isChoosingReason ? (
          <>
            <button type="button" className={buttonClass("primary", "sm", "ml-auto")} disabled={isBusy} onClick={onAccept}>
              {isBusy ? "Working…" : "Accept"}
              <span className="sr-only"> {kindLabel[suggestion.kind].toLowerCase()} as a draft</span>
            </button>
            <button
              ref={dismissButton}
              type="button"
              className={buttonClass("secondary", "sm")}
              disabled={isBusy}
              onClick={() => setIsChoosingReason(true)}
            >
              Dismiss
            </button>
          </>
        ) : null}
      </div>
      {isChoosingReason ? (
        <div
          role="group"
          aria-label="Why dismiss this suggestion?"
          className="mt-2 rounded-md border border-slate-200 bg-white p-2"
          onKeyDown={closeChooser}
        >
          <p className="text-xs text-slate-700">Why dismiss it? (optional)</p>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            {DISMISS_REASONS.map((reason, index) => (
              <button
                key={reason}
                ref={index === 0 ? firstReason : undefined}
                type="button"
                className={buttonClass("secondary", "sm")}
                onClick={() => onDismiss(reason)}
              >
                {reason}
              </button>
            ))}
            <button type="button" className={buttonClass("secondary", "sm")} onClick={() => onDismiss()}>
              Dismiss without reason
            </button>
            <button type="button" className={buttonClass("ghost", "sm")} onClick={() => setIsChoosingReason(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}
