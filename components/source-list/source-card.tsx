"use client";

import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { MAX_SOURCE_LABEL, MIN_SOURCES } from "@/lib/comparisons/schemas";
import type { OverviewSource } from "@/lib/comparisons/sources-overview";

import { GradeForm } from "./grade-form";
import { GradeHistory } from "./grade-history";

type Props = {
  comparisonId: string;
  source: OverviewSource;
  count: number;
  canManage: boolean;
  canGrade: boolean;
  isBusy: boolean;
  onMove: (source: OverviewSource, position: number, direction: "up" | "down") => void;
  onRelabel: (source: OverviewSource, label: string) => Promise<boolean>;
  onRemove: (source: OverviewSource) => void;
  onGraded: (message: string) => void;
};

/** Why a source cannot be removed, or null when it can. */
export function removalBlocker(source: OverviewSource, count: number): string | null {
  if (source.passageCount > 0) {
    return `${source.passageCount} passage${source.passageCount === 1 ? "" : "s"} of annotations point into it; it cannot be removed.`;
  }
  if (count <= MIN_SOURCES) return `A comparison needs at least ${MIN_SOURCES} sources.`;
  return null;
}

export function SourceCard({ comparisonId, source, count, canManage, canGrade, isBusy, onMove, onRelabel, onRemove, onGraded }: Props) {
  const [label, setLabel] = useState(source.customLabel ?? "");
  const [isConfirmingRemove, setIsConfirmingRemove] = useState(false);
  const blocker = removalBlocker(source, count);
  const id = (name: string) => `${name}-${source.id}`;

  async function submitLabel(event: FormEvent) {
    event.preventDefault();
    await onRelabel(source, label);
  }

  return (
    <article aria-labelledby={id("title")} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start gap-3">
        <span className="rounded bg-slate-800 px-2 py-1 text-sm font-bold text-white" aria-hidden>
          {source.label}
        </span>
        <div className="min-w-0 flex-1">
          <h2 id={id("title")} tabIndex={-1} className="font-semibold text-slate-900" dir="auto">
            <span className="sr-only">Source {source.label}: </span>
            {source.title}
          </h2>
          <p className="text-sm text-slate-700" dir="auto">
            {[source.outlet, source.author, source.publishedAt].filter(Boolean).join(" · ") || "No outlet, author or date given"}
          </p>
          {source.url ? (
            <a href={source.url} className="text-sm break-all text-indigo-800 underline" rel="noreferrer noopener" target="_blank">
              {source.url}
            </a>
          ) : null}
          <p className="mt-1 text-xs text-slate-600">
            Position {source.position + 1} of {count} ·{" "}
            {source.passageCount === 0
              ? "no annotation uses it"
              : `${source.passageCount} annotated passage${source.passageCount === 1 ? "" : "s"}`}
          </p>
        </div>
        {canManage ? (
          <div className="flex gap-1" role="group" aria-label={`Move source ${source.label}`}>
            <Button
              id={id("move-up")}
              size="sm"
              variant="secondary"
              disabled={isBusy || source.position === 0}
              onClick={() => onMove(source, source.position - 1, "up")}
              aria-label={`Move source ${source.label} up`}
            >
              ↑ Up
            </Button>
            <Button
              id={id("move-down")}
              size="sm"
              variant="secondary"
              disabled={isBusy || source.position === count - 1}
              onClick={() => onMove(source, source.position + 1, "down")}
              aria-label={`Move source ${source.label} down`}
            >
              ↓ Down
            </Button>
          </div>
        ) : null}
      </div>

      <div className="mt-4 grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label={`Grade of source ${source.label}`} className="space-y-3">
          <GradeForm comparisonId={comparisonId} source={source} canGrade={canGrade} onSaved={onGraded} />
          <GradeHistory changes={source.gradeHistory} label={source.label} />
        </section>
        {canManage ? (
          <div className="space-y-4">
            <form onSubmit={submitLabel} noValidate className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor={id("label")} className="text-sm font-medium text-slate-800">
                  Label
                </label>
                <input
                  id={id("label")}
                  value={label}
                  onChange={(event) => setLabel(event.target.value)}
                  maxLength={MAX_SOURCE_LABEL}
                  placeholder={String.fromCharCode(65 + source.position)}
                  aria-describedby={id("label-hint")}
                  className="input mt-1 w-40"
                />
              </div>
              <Button type="submit" size="sm" variant="secondary" disabled={isBusy || label.trim() === (source.customLabel ?? "")}>
                Save label
              </Button>
              <p id={id("label-hint")} className="w-full text-xs text-slate-600">
                A short name such as “Reuters”; leave empty for the letter of its position.
              </p>
            </form>
            {isConfirmingRemove ? (
              <div
                role="group"
                aria-label={`Confirm removing source ${source.label}`}
                className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950"
              >
                <p>
                  Remove <strong dir="auto">{source.title}</strong> from this comparison? Its label and grade here go with it; the source
                  stays in Parallax.
                </p>
                <div className="mt-2 flex gap-2">
                  <Button size="sm" variant="danger" disabled={isBusy} onClick={() => onRemove(source)}>
                    Remove
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setIsConfirmingRemove(false)}>
                    Keep it
                  </Button>
                </div>
              </div>
            ) : (
              <div>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={isBusy || blocker !== null}
                  onClick={() => setIsConfirmingRemove(true)}
                  aria-describedby={blocker ? id("remove-reason") : undefined}
                >
                  Remove source {source.label}
                </Button>
                {blocker ? (
                  <p id={id("remove-reason")} className="mt-1 text-xs text-slate-700">
                    {blocker}
                  </p>
                ) : null}
              </div>
            )}
          </div>
        ) : null}
      </div>
    </article>
  );
}
