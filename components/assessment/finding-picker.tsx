"use client";

import { useState } from "react";

import { KindBadge, StatusBadge } from "@/components/workbench/badges";
import type { CitedFinding } from "@/lib/assessments/views";

// Choosing the findings an assessment cites: a filterable checklist of the
// comparison's annotations the writer can see. Drafts and rejected findings
// are listed but marked: they cannot support a submitted assessment.

type Props = { comparisonId: string; findings: CitedFinding[]; cited: string[]; onChange: (ids: string[]) => void; error?: string };

export function FindingPicker({ findings, cited, onChange, error }: Props) {
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLocaleLowerCase();
  const shown = findings.filter(
    (finding) => !needle || finding.rationale.toLocaleLowerCase().includes(needle) || cited.includes(finding.id),
  );
  const toggle = (id: string, isOn: boolean) => onChange(isOn ? [...cited, id] : cited.filter((other) => other !== id));
  return (
    <fieldset className="min-w-0" aria-describedby={`finding-hint${error ? " finding-error" : ""}`}>
      <legend className="text-sm font-medium text-slate-800">
        Findings it rests on <span className="font-normal text-slate-700">({cited.length} cited)</span>
      </legend>
      <p id="finding-hint" className="mt-0.5 text-xs text-slate-700">
        Cite the agreements, contradictions and notes that support the judgment. Drafts must be submitted first; rejected findings cannot be
        cited.
      </p>
      {error ? (
        <p id="finding-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {findings.length === 0 ? (
        <p className="mt-2 rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-700">
          This comparison has no findings yet. Annotate it in the workbench first.
        </p>
      ) : (
        <>
          <label htmlFor="finding-filter" className="mt-2 block text-xs font-medium text-slate-800">
            Filter findings
          </label>
          <input
            id="finding-filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className="input mt-1 w-full sm:w-80"
          />
          <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
            {shown.map((finding) => (
              <li key={finding.id}>
                <label className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                  <input
                    id={`cite-${finding.id}`}
                    type="checkbox"
                    checked={cited.includes(finding.id)}
                    onChange={(event) => toggle(finding.id, event.target.checked)}
                    className="mt-1"
                  />
                  <span className="flex shrink-0 gap-1">
                    <KindBadge kind={finding.kind} />
                    <StatusBadge status={finding.status} />
                  </span>
                  <span dir="auto" className="text-slate-900">
                    {finding.rationale}
                    <span className="text-slate-700"> — {finding.author.name}</span>
                  </span>
                </label>
              </li>
            ))}
            {shown.length === 0 ? <li className="px-1 py-1 text-sm text-slate-700">No finding matches “{filter}”.</li> : null}
          </ul>
        </>
      )}
    </fieldset>
  );
}
