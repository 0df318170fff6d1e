"use client";

import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { formatDate } from "@/components/history/format";
import { apiFetch } from "@/lib/client/api-client";
import { MAX_RELIABILITY_NOTE, reliabilityGrades, reliabilityLabel, type Reliability } from "@/lib/comparisons/grades";
import type { OverviewSource } from "@/lib/comparisons/sources-overview";

// The Admiralty reliability grade of one source in this comparison, with its
// justification. Every role may grade; each grade records who gave it.

type Props = { comparisonId: string; source: OverviewSource; canGrade: boolean; onSaved: (message: string) => void };

export function GradeForm({ comparisonId, source, canGrade, onSaved }: Props) {
  const [grade, setGrade] = useState<Reliability | null>(source.reliability);
  const [note, setNote] = useState(source.reliabilityNote ?? "");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const idPrefix = `grade-${source.id}`;
  const isChanged = grade !== source.reliability || note.trim() !== (source.reliabilityNote ?? "");

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!grade) return setError("Choose a grade from A to F.");
    setIsSaving(true);
    const result = await apiFetch(`/api/v1/comparisons/${comparisonId}/sources/${source.id}`, {
      method: "PATCH",
      body: { reliability: grade, reliabilityNote: note.trim() },
    });
    setIsSaving(false);
    if (!result.ok) return setError(result.problem.errors?.reliabilityNote ?? result.problem.errors?.reliability ?? result.problem.detail);
    setError(null);
    onSaved(`Source ${source.label} graded ${grade}.`);
  }

  const graded = source.reliability ? (
    <p className="text-sm text-slate-800">
      <strong>{source.reliability}</strong> · {reliabilityLabel[source.reliability]}
      {source.gradedBy ? (
        <span className="text-slate-600">
          {" "}
          — graded by {source.gradedBy.name}, {formatDate(source.gradedAt)}
        </span>
      ) : null}
    </p>
  ) : (
    <p className="text-sm text-slate-700">Not graded yet.</p>
  );

  if (!canGrade) {
    return (
      <div>
        {graded}
        {source.reliabilityNote ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">{source.reliabilityNote}</p> : null}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby={`${idPrefix}-legend`}>
      {graded}
      <fieldset className="min-w-0">
        <legend id={`${idPrefix}-legend`} className="text-sm font-medium text-slate-800">
          Reliability of {source.label} (Admiralty grade)
        </legend>
        <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {reliabilityGrades.map((value) => (
            <label
              key={value}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-2 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${grade === value ? "border-indigo-600 bg-indigo-50 text-indigo-950" : "border-slate-300 text-slate-800"}`}
            >
              <input type="radio" name={`${idPrefix}-value`} value={value} checked={grade === value} onChange={() => setGrade(value)} />
              <strong>{value}</strong> {reliabilityLabel[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${idPrefix}-note`} className="text-sm font-medium text-slate-800">
          Justification
        </label>
        <textarea
          id={`${idPrefix}-note`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          maxLength={MAX_RELIABILITY_NOTE}
          aria-describedby={`${idPrefix}-note-hint`}
          dir="auto"
          className="input mt-1"
        />
        <p id={`${idPrefix}-note-hint`} className="mt-1 text-xs text-slate-600">
          Why this grade: track record, how the outlet sources its claims, known bias.
        </p>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={isSaving || !isChanged}>
        {isSaving ? "Saving…" : "Save grade"}
      </Button>
    </form>
  );
}
