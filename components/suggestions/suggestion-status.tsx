"use client";

import type { SkippedSourceView, SuggestionJobView } from "@/lib/suggestions/views";

// The state of the computation above the list: progress while it runs, the
// error when it failed, and the sources the engine could not read.

export function JobProgress({ job, hasSuggestions }: { job: SuggestionJobView; hasSuggestions: boolean }) {
  if (job.status === "failed") {
    return (
      <p className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-900">
        Suggestions could not be computed{job.error ? `: ${job.error}` : "."}
      </p>
    );
  }
  if (job.status === "done") return null;
  const percent = job.status === "running" ? job.progress : 0;
  const label = hasSuggestions ? "Updating suggestions" : "Finding suggestions";
  return (
    <div className="rounded-md bg-violet-50 px-3 py-2 text-xs text-violet-950">
      <p id="suggestions-progress-label">
        {label}… {job.status === "running" ? `${percent}% · ${job.stage ?? "working"}` : "waiting for a worker"}
      </p>
      <div
        role="progressbar"
        aria-labelledby="suggestions-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-1.5 h-1.5 overflow-hidden rounded bg-violet-200"
      >
        <div className="h-full bg-violet-700 transition-[width]" style={{ width: `${Math.max(4, percent)}%` }} />
      </div>
    </div>
  );
}

export function SkippedSources({ skipped }: { skipped: SkippedSourceView[] }) {
  if (skipped.length === 0) return null;
  return (
    <ul className="space-y-1 text-xs text-slate-700">
      {skipped.map((item) => (
        <li key={item.sourceId} className="rounded-md bg-slate-100 px-3 py-1.5">
          <span className="font-semibold">{item.label}</span>: {item.reason}
          {item.reason.includes("English") ? "" : "."}
        </li>
      ))}
    </ul>
  );
}
