"use client";

import type { KeyboardEvent } from "react";

import type { ComparisonSourceView } from "@/lib/comparisons/views";

// On narrow screens one source is shown at a time; these tabs switch it.

type Props = { sources: readonly ComparisonSourceView[]; current: string; onPick: (sourceId: string) => void };

export function SourceTabs({ sources, current, onPick }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = sources.findIndex((s) => s.id === current);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = sources[(at + step + sources.length) % sources.length]!;
    onPick(next.id);
    requestAnimationFrame(() => document.getElementById(`source-tab-${next.id}`)?.focus());
  };
  return (
    <div role="tablist" aria-label="Sources" className="flex gap-1 overflow-x-auto pb-2" onKeyDown={onKeyDown}>
      {sources.map((source) => {
        const isCurrent = source.id === current;
        return (
          <button
            key={source.id}
            id={`source-tab-${source.id}`}
            type="button"
            role="tab"
            aria-selected={isCurrent}
            tabIndex={isCurrent ? 0 : -1}
            onClick={() => onPick(source.id)}
            className={`max-w-[10rem] shrink-0 truncate rounded-md border px-2.5 py-1 text-sm ${isCurrent ? "border-indigo-700 bg-indigo-50 font-semibold text-indigo-900" : "border-slate-300 bg-white text-slate-700"}`}
            title={source.title}
          >
            {source.label} · {source.title}
          </button>
        );
      })}
    </div>
  );
}
