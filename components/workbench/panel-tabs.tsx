"use client";

import { useId, useState, type KeyboardEvent, type ReactNode } from "react";

// The side panel's tabs ("Annotations" now; more, such as suggestions, can be
// added by passing another tab). WAI-ARIA tabs: arrow keys move between tabs,
// the active tab's panel is the only one rendered.

export type PanelTab = { id: string; label: ReactNode; content: ReactNode };

type Props = {
  tabs: PanelTab[];
  initial?: string;
  /** Controlled use: the host switches tabs too (e.g. back to Annotations after accepting a suggestion). */
  current?: string;
  onTab?: (id: string) => void;
};

export function PanelTabs({ tabs, initial, current: controlled, onTab }: Props) {
  const [own, setOwn] = useState(initial ?? tabs[0]?.id);
  const current = controlled ?? own;
  const setCurrent = (id: string) => {
    setOwn(id);
    onTab?.(id);
  };
  const baseId = useId();
  const active = tabs.find((tab) => tab.id === current) ?? tabs[0];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.id === active?.id);
    const next = event.key === "ArrowRight" ? at + 1 : event.key === "ArrowLeft" ? at - 1 : null;
    if (next === null || tabs.length < 2) return;
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    setCurrent(tab.id);
    document.getElementById(`${baseId}-tab-${tab.id}`)?.focus();
  };
  if (!active) return null;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div role="tablist" aria-label="Side panel" className="flex gap-1 border-b border-slate-200 px-3 pt-2" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isActive = tab.id === active.id;
          return (
            <button
              key={tab.id}
              id={`${baseId}-tab-${tab.id}`}
              type="button"
              role="tab"
              aria-selected={isActive}
              aria-controls={`${baseId}-panel-${tab.id}`}
              tabIndex={isActive ? 0 : -1}
              onClick={() => setCurrent(tab.id)}
              className={`-mb-px rounded-t-md border-b-2 px-3 py-1.5 text-sm font-semibold ${isActive ? "border-indigo-700 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-panel-${active.id}`}
        aria-labelledby={`${baseId}-tab-${active.id}`}
        className="flex min-h-0 flex-1 flex-col"
      >
        {active.content}
      </div>
    </div>
  );
}
