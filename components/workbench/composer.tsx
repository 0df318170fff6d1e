"use client";

import { useEffect, useRef } from "react";

import { kindProblem, kindRules, overlappingSpanIndex } from "@/lib/annotations/kinds";
import { annotationKinds, confidences, MAX_RATIONALE, type AnnotationKind, type Confidence } from "@/lib/annotations/schemas";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import { credibilityGrades, credibilityLabel } from "@/lib/comparisons/grades";
import type { AnnotationView } from "@/lib/annotations/views";

import { ReviewReason } from "@/components/review/review-reason";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

export type DraftSpan = { sourceId: string; start: number; end: number; exact: string };

export type ComposerState = {
  kind: AnnotationKind;
  spans: DraftSpan[];
  armedSourceId: string | null;
  rationale: string;
  confidence: Confidence;
  credibility: number | null;
  tags: string;
  editing: { id: string; version: number } | null;
  error: string | null;
  /** The newer version the server returned with a 409, shown next to the analyst's own text. */
  conflict?: AnnotationView | null;
  fieldErrors: Record<string, string>;
  isSaving: boolean;
};

export type ComposerSource = { id: string; title: string; label: string };

type Props = {
  state: ComposerState;
  /** The annotation being edited, as it was (its reviewer's request is shown while editing). */
  original?: AnnotationView | null;
  /** What the edit changed so far (annotation-changes.ts). */
  changes?: string[];
  /** Existing annotations the new one nearly duplicates. */
  duplicates?: AnnotationView[];
  onOpenExisting?: (id: string) => void;
  sources: readonly ComposerSource[];
  onChange: (patch: Partial<ComposerState>) => void;
  onArm: (sourceId: string | null) => void;
  onSave: (submit: boolean) => void;
  onCancel: () => void;
};

/** What keeps the passages from fitting the kind (kinds.ts, the same rules the server applies), or null. */
export function passageProblem(state: ComposerState): string | null {
  if (state.spans.length === 0) return "Select a passage.";
  if (overlappingSpanIndex(state.spans) >= 0) return "Two passages overlap; remove one.";
  return kindProblem(state.kind, state.spans);
}

export function Composer({
  state,
  original,
  changes = [],
  duplicates = [],
  onOpenExisting,
  sources,
  onChange,
  onArm,
  onSave,
  onCancel,
}: Props) {
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const problem = passageProblem(state);
  const canSave = !problem && state.rationale.trim().length > 0 && !state.isSaving;
  const armed = sources.find((source) => source.id === state.armedSourceId);
  const isLink = kindRules[state.kind].minSources > 1;

  // Once the passages fit the kind, the next thing to do is to write the rationale.
  const isReadyForRationale = !armed && !problem;
  useEffect(() => {
    if (isReadyForRationale) rationaleRef.current?.focus();
  }, [isReadyForRationale]);

  return (
    <section aria-labelledby="composer-title" className="flex flex-col gap-4 p-4" data-testid="composer">
      <div className="flex items-center justify-between">
        <h2 id="composer-title" className="text-base font-semibold">
          {state.editing ? "Edit annotation" : `New ${kindLabel[state.kind].toLowerCase()}`}
        </h2>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>

      {original ? <ReviewReason annotationId={original.id} status={original.status} version={original.version} /> : null}
      {original && (original.status === "changes_requested" || original.status === "rejected") ? (
        <p className="text-xs text-slate-700" data-testid="composer-changes">
          {changes.length ? `Changed so far: ${changes.join(", ")}.` : "Nothing changed yet."}
        </p>
      ) : null}

      {duplicates.length ? (
        <div
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="duplicate-warning"
        >
          <p className="font-medium">
            {duplicates.length === 1 ? "A very similar annotation already exists:" : "Very similar annotations already exist:"}
          </p>
          <ul className="mt-1 space-y-1">
            {duplicates.map((duplicate) => (
              <li key={duplicate.id} className="flex items-start gap-2">
                <span dir="auto" className="line-clamp-2 flex-1">
                  {kindLabel[duplicate.kind]} by {duplicate.author.name}: {duplicate.rationale}
                </span>
                <Button size="sm" variant="secondary" onClick={() => onOpenExisting?.(duplicate.id)}>
                  Open it
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {armed ? (
        <div role="status" className="rounded-lg border border-indigo-300 bg-indigo-50 p-3 text-sm text-indigo-950">
          <p className="font-medium">Select the counterpart passage in {armed.label}.</p>
          <p className="mt-1 text-indigo-800">
            Drag across the text, or type a phrase in its “Find passage” box and press Enter. Press Escape to stop picking.
          </p>
        </div>
      ) : null}

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Kind</legend>
        <div className="mt-1 flex gap-1">
          {annotationKinds.map((kind) => (
            <label
              key={kind}
              className={`flex-1 cursor-pointer rounded-md border px-2 py-1.5 text-center text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${state.kind === kind ? "border-indigo-600 bg-indigo-50 font-semibold" : "border-slate-300"}`}
            >
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={state.kind === kind}
                onChange={() => onChange({ kind })}
                className="sr-only"
              />
              {kindLabel[kind]}
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <h3 className="text-sm font-medium text-slate-700">Passages</h3>
        <ul className="mt-1 space-y-2" aria-label="Selected passages">
          {state.spans.map((span, index) => {
            const source = sources.find((s) => s.id === span.sourceId);
            return (
              <li key={`${span.sourceId}-${span.start}-${span.end}`} className="rounded-md border border-slate-200 bg-slate-50 p-2 text-sm">
                <div className="flex items-start justify-between gap-2">
                  <span className="text-xs font-semibold text-slate-500">{source?.label}</span>
                  <button
                    type="button"
                    className="rounded text-xs text-slate-500 hover:text-red-700"
                    aria-label={`Remove passage ${index + 1}`}
                    onClick={() => onChange({ spans: state.spans.filter((_, i) => i !== index) })}
                  >
                    Remove
                  </button>
                </div>
                <blockquote dir="auto" className="mt-1 line-clamp-4 font-serif text-slate-800">
                  “{span.exact}”
                </blockquote>
              </li>
            );
          })}
        </ul>
        {problem && !armed ? <p className="mt-2 text-sm text-amber-800">{problem}</p> : null}
        {isLink ? (
          <div className="mt-2 flex flex-wrap gap-2">
            {sources.map((source) => (
              <Button
                key={source.id}
                variant="secondary"
                size="sm"
                onClick={() => onArm(state.armedSourceId === source.id ? null : source.id)}
                aria-pressed={state.armedSourceId === source.id}
              >
                {state.armedSourceId === source.id ? `Picking in ${source.label}…` : `Add passage from ${source.label}`}
              </Button>
            ))}
          </div>
        ) : null}
        {state.fieldErrors.spans ? <p className="mt-2 text-sm text-red-700">{state.fieldErrors.spans}</p> : null}
      </div>

      <div>
        <label htmlFor="rationale" className="text-sm font-medium text-slate-700">
          Rationale
        </label>
        <textarea
          id="rationale"
          ref={rationaleRef}
          value={state.rationale}
          onChange={(event) => onChange({ rationale: event.target.value })}
          rows={5}
          dir="auto"
          maxLength={MAX_RATIONALE}
          className="input mt-1 font-sans"
          placeholder="Why do these passages agree or contradict each other?"
          aria-invalid={Boolean(state.fieldErrors.rationale)}
          aria-describedby={state.fieldErrors.rationale ? "rationale-error" : undefined}
        />
        {state.fieldErrors.rationale ? (
          <p id="rationale-error" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.rationale}
          </p>
        ) : null}
      </div>

      <div className="grid grid-cols-2 gap-3">
        <div className="col-span-2">
          <label htmlFor="credibility" className="text-sm font-medium text-slate-700">
            Credibility
          </label>
          <select
            id="credibility"
            value={state.credibility ?? ""}
            onChange={(event) => onChange({ credibility: event.target.value ? Number(event.target.value) : null })}
            className="input mt-1"
          >
            <option value="">Not graded</option>
            {credibilityGrades.map((grade) => (
              <option key={grade} value={grade}>
                {grade} · {credibilityLabel[grade]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="confidence" className="text-sm font-medium text-slate-700">
            Confidence
          </label>
          <select
            id="confidence"
            value={state.confidence}
            onChange={(event) => onChange({ confidence: event.target.value as Confidence })}
            className="input mt-1"
          >
            {confidences.map((confidence) => (
              <option key={confidence} value={confidence}>
                {confidence[0]!.toUpperCase() + confidence.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="tags" className="text-sm font-medium text-slate-700">
            Tags
          </label>
          <input
            id="tags"
            value={state.tags}
            onChange={(event) => onChange({ tags: event.target.value })}
            className="input mt-1"
            placeholder="comma, separated"
          />
        </div>
      </div>
      {state.fieldErrors.tags ? <p className="text-sm text-red-700">{state.fieldErrors.tags}</p> : null}

      <FormError message={state.error} />

      {state.conflict ? (
        <div data-testid="conflict-version" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">
            Their version (v{state.conflict.version}, {statusLabel[state.conflict.status].toLowerCase()},{" "}
            {kindLabel[state.conflict.kind].toLowerCase()})
          </p>
          <p dir="auto" className="mt-1 whitespace-pre-wrap">
            {state.conflict.rationale}
          </p>
          <ul className="mt-1 space-y-0.5 text-xs text-amber-900">
            {state.conflict.spans.map((span) => (
              <li key={span.id}>
                {sources.find((s) => s.id === span.sourceId)?.label}: “{span.exact}”
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => onSave(false)} disabled={!canSave}>
          Save draft
        </Button>
        <Button onClick={() => onSave(true)} disabled={!canSave}>
          Submit for review
        </Button>
      </div>
    </section>
  );
}
