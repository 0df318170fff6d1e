"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { apiFetch } from "@/lib/client/api-client";
import type { OverviewSource, SourcesOverview } from "@/lib/comparisons/sources-overview";
import type { SourceSummary } from "@/lib/sources/views";

import { AddSource } from "./add-source";
import { SourceCard } from "./source-card";

// A comparison's sources in order: reorder (keyboard: the Up/Down buttons),
// relabel, remove, grade, add. Every change goes through the API, which
// re-checks who may do it; the page then reloads its data.

type Props = { overview: SourcesOverview; library: SourceSummary[] };

export function SourcesManager({ overview, library }: Props) {
  const router = useRouter();
  const { comparison, sources, canManage, canGrade } = overview;
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** The control to focus once the list has re-rendered (a move takes its button along). */
  const focusNext = useRef<{ sourceId: string; direction: "up" | "down" } | null>(null);

  useEffect(() => {
    const wanted = focusNext.current;
    if (!wanted) return;
    focusNext.current = null;
    const preferred = document.getElementById(`move-${wanted.direction}-${wanted.sourceId}`) as HTMLButtonElement | null;
    const other = document.getElementById(
      `move-${wanted.direction === "up" ? "down" : "up"}-${wanted.sourceId}`,
    ) as HTMLButtonElement | null;
    (preferred && !preferred.disabled ? preferred : other)?.focus();
  }, [sources]);

  async function run(request: () => ReturnType<typeof apiFetch>, message: string): Promise<boolean> {
    setIsBusy(true);
    setError(null);
    const result = await request();
    setIsBusy(false);
    if (!result.ok) {
      setError(Object.values(result.problem.errors ?? {})[0] ?? result.problem.detail);
      return false;
    }
    setStatus(message);
    router.refresh();
    return true;
  }

  const base = `/api/v1/comparisons/${comparison.id}/sources`;
  const onMove = (source: OverviewSource, position: number, direction: "up" | "down") => {
    focusNext.current = { sourceId: source.id, direction };
    void run(
      () => apiFetch(`${base}/${source.id}`, { method: "PATCH", body: { position } }),
      `Source ${source.label} moved to position ${position + 1} of ${sources.length}.`,
    );
  };
  const onRelabel = (source: OverviewSource, label: string) =>
    run(
      () => apiFetch(`${base}/${source.id}`, { method: "PATCH", body: { label } }),
      label.trim() ? `Source ${source.label} is now labelled ${label.trim()}.` : `Source ${source.label} uses its position's letter again.`,
    );
  const onRemove = (source: OverviewSource) =>
    void run(() => apiFetch(`${base}/${source.id}`, { method: "DELETE" }), `Source ${source.label} (${source.title}) removed.`).then(
      (ok) => ok && document.getElementById("sources-title")?.focus(),
    );
  const onChanged = (message: string) => {
    setStatus(message);
    router.refresh();
  };

  return (
    <div className="space-y-6">
      <p role="status" className="sr-only">
        {status}
      </p>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <ol className="space-y-4" aria-label="Sources in reading order">
        {sources.map((source) => (
          <li key={source.id}>
            <SourceCard
              comparisonId={comparison.id}
              source={source}
              count={sources.length}
              canManage={canManage}
              canGrade={canGrade}
              isBusy={isBusy}
              onMove={onMove}
              onRelabel={onRelabel}
              onRemove={onRemove}
              onGraded={onChanged}
            />
          </li>
        ))}
      </ol>
      {canManage ? (
        <section aria-labelledby="add-source-title" className="rounded-xl border border-dashed border-slate-300 bg-slate-50 p-4">
          <h2 id="add-source-title" className="mb-3 text-base font-semibold">
            Add a source
          </h2>
          <AddSource comparisonId={comparison.id} count={sources.length} sources={library} onAdded={onChanged} />
        </section>
      ) : (
        <p className="text-sm text-slate-700">
          Only the person who created this comparison (or an admin) can add, remove, reorder or relabel its sources. Everyone can grade
          them.
        </p>
      )}
    </div>
  );
}
