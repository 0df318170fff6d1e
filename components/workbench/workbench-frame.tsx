"use client";

import { useEffect, useRef, type ReactNode } from "react";

import type { ScreenLayout } from "./use-columns";

// The workbench's page layout: the columns with their gutters in a grid, and
// the side panel beside them on wide screens or as a drawer on narrow ones
// (WCAG 1.4.10: nothing scrolls sideways at 320 px). A skip link leads past
// the texts to the panel.

type Props = {
  layout: ScreenLayout;
  columnCount: number;
  isDrawerOpen: boolean;
  onDrawer: (isOpen: boolean) => void;
  annotationCount: number;
  panel: ReactNode;
  /** Source tabs, on narrow screens. */
  tabs: ReactNode;
  children: ReactNode;
};

const gridColumns: Record<string, string> = {
  "1": "grid-cols-1",
  "2": "grid-cols-[minmax(0,1fr)_56px_minmax(0,1fr)]",
  "3": "grid-cols-[minmax(0,1fr)_48px_minmax(0,1fr)_48px_minmax(0,1fr)]",
};

export function WorkbenchFrame({ layout, columnCount, isDrawerOpen, onDrawer, annotationCount, panel, tabs, children }: Props) {
  const panelRef = useRef<HTMLElement>(null);
  const isDrawer = layout.isPanelDrawer;
  const isPanelShown = !isDrawer || isDrawerOpen;

  useEffect(() => {
    if (isDrawer && isDrawerOpen) panelRef.current?.focus();
  }, [isDrawer, isDrawerOpen]);

  return (
    <div className="relative flex min-h-0 flex-1 gap-4 px-2 pb-2 sm:px-4 sm:pb-4">
      <a
        href="#annotations-panel"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-sm font-medium text-indigo-800 shadow focus:not-sr-only focus:absolute focus:top-0 focus:left-4"
        onClick={(event) => {
          event.preventDefault();
          if (isDrawer) onDrawer(true);
          requestAnimationFrame(() => panelRef.current?.focus());
        }}
      >
        Skip to the annotations panel
      </a>
      <div className="flex min-h-0 min-w-0 flex-1 flex-col">
        {tabs}
        <div className={`grid min-h-0 flex-1 ${gridColumns[String(columnCount)] ?? gridColumns["2"]}`} data-columns={columnCount}>
          {children}
        </div>
      </div>
      {isDrawer ? (
        <button
          type="button"
          aria-expanded={isDrawerOpen}
          aria-controls="annotations-panel"
          onClick={() => onDrawer(!isDrawerOpen)}
          className="fixed right-3 bottom-3 z-40 rounded-full bg-indigo-700 px-4 py-2 text-sm font-semibold text-white shadow-lg hover:bg-indigo-800"
        >
          {isDrawerOpen ? "Close panel" : `Annotations (${annotationCount})`}
        </button>
      ) : null}
      <aside
        ref={panelRef}
        id="annotations-panel"
        tabIndex={-1}
        aria-label="Annotations panel"
        hidden={!isPanelShown}
        className={
          isDrawer
            ? "fixed inset-y-0 right-0 z-30 flex w-[min(100vw,380px)] flex-col overflow-hidden border-l border-slate-200 bg-white pb-14 shadow-2xl focus:outline-none"
            : "flex min-h-0 w-[340px] shrink-0 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm focus:outline-none"
        }
      >
        {panel}
      </aside>
    </div>
  );
}
