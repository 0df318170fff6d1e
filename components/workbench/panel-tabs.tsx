"use client";

import { useRef, type KeyboardEvent } from "react";

// Annotations | Suggestions at the top of the side panel (WAI-ARIA tabs:
// arrow keys move between the tabs, the selected one is in the tab order).

export type PanelTab = "annotations" | "suggestions";

const tabs: Array<[PanelTab, string]> = [
  ["annotations", "Annotations"],
  ["suggestions", "Suggestions"],
];

export function PanelTabs({ tab, onTab }: { tab: PanelTab; onTab: (tab: PanelTab) => void }) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = tabs[(tabs.findIndex(([id]) => id === tab) + 1) % tabs.length]![0];
    onTab(next);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus());
  };
  return (
    <div ref={listRef} role="tablist" aria-label="Side panel" className="flex border-b border-slate-200 px-2" onKeyDown={onKeyDown}>
      {tabs.map(([id, label]) => (
        <button
          key={id}
          id={`tab-${id}`}
          type="button"
          role="tab"
          aria-selected={tab === id}
          aria-controls={`panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          onClick={() => onTab(id)}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === id ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
