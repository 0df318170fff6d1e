"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";

import { apiFetch } from "@/lib/client/api-client";
import type { CheckRunView } from "@/lib/versions/check-views";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

import { formatVersionDate } from "./format";

const POLL_MS = 1500;

const statusText: Record<CheckRunView["items"][number]["status"], string> = {
  pending: "Waiting",
  running: "Checking…",
  unchanged: "No change",
  changed: "New version",
  failed: "Failed",
};

/** Admins: start "Check all sources" and follow its progress (the run lives in the database; this polls it). */
export function CheckAllPanel({ initial }: { initial: CheckRunView | null }) {
  const [run, setRun] = useState<CheckRunView | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);

  const refresh = useCallback(async (id: string) => {
    const result = await apiFetch<CheckRunView>(`/api/v1/source-checks/${id}`);
    if (result.ok) setRun(result.data);
    else setError(result.problem.detail);
  }, []);

  useEffect(() => {
    if (run?.status !== "running") return;
    const timer = setTimeout(() => void refresh(run.id), POLL_MS);
    return () => clearTimeout(timer);
  }, [run, refresh]);

  const start = async () => {
    setError(null);
    setIsStarting(true);
    const result = await apiFetch<CheckRunView>("/api/v1/source-checks", { method: "POST" });
    setIsStarting(false);
    if (result.ok) setRun(result.data);
    else setError(result.problem.detail);
  };

  const percent = run && run.total > 0 ? Math.round((run.checked / run.total) * 100) : 100;
  const changed = run?.items.filter((item) => item.status === "changed" || item.status === "failed") ?? [];

  return (
    <section aria-labelledby="check-all-title" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="check-all-title" className="text-lg font-semibold text-slate-900">
          Check all sources
        </h2>
        <Button onClick={() => void start()} disabled={isStarting || run?.status === "running"}>
          {run?.status === "running" ? "Checking…" : "Check all sources"}
        </Button>
      </div>
      <p className="text-sm text-slate-600">
        Re-fetches every source that has a URL (a few at a time). Where the cleaned text changed, a new version is added and the passages on
        it are re-anchored.
      </p>
      <FormError message={error} />
      {run ? (
        <div className="space-y-3" data-testid="check-run">
          <p className="text-sm text-slate-700">
            Started {formatVersionDate(run.startedAt)}
            {run.startedBy ? ` by ${run.startedBy.name}` : ""}
            {run.finishedAt ? ` · finished ${formatVersionDate(run.finishedAt)}` : ""}
          </p>
          <div>
            <div className="flex justify-between text-sm font-medium text-slate-800">
              <span id="check-progress-label">
                {run.checked} of {run.total} sources checked
              </span>
              <span>{percent}%</span>
            </div>
            <progress
              aria-labelledby="check-progress-label"
              value={run.checked}
              max={Math.max(1, run.total)}
              className="h-2 w-full accent-indigo-700"
            />
          </div>
          <p role="status" className="text-sm text-slate-800">
            {run.counts.changed} changed · {run.counts.unchanged} unchanged · {run.counts.failed} failed
            {run.counts.changed > 0
              ? ` — passages: ${run.summary.unchanged} unchanged, ${run.summary.changed} changed, ${run.summary.orphaned} orphaned; ${run.summary.annotationsFlagged} findings to re-check`
              : ""}
          </p>
          {changed.length > 0 ? (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
              {changed.map((item) => (
                <li key={item.sourceId} className="flex flex-wrap items-baseline gap-x-3 px-3 py-2">
                  <Link href={`/sources/${item.sourceId}/versions`} className="font-medium text-indigo-800 underline underline-offset-2">
                    {item.title}
                  </Link>
                  <span className={item.status === "failed" ? "text-red-800" : "text-slate-800"}>{statusText[item.status]}</span>
                  {item.summary ? (
                    <span className="text-slate-600">
                      version {item.versionNumber}: {item.summary.changed} changed, {item.summary.orphaned} orphaned
                    </span>
                  ) : null}
                  {item.error ? <span className="text-slate-600">{item.error}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600">No check has run yet.</p>
      )}
    </section>
  );
}
