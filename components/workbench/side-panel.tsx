"use client";

import type { ReactNode } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

import { AnnotationPanel } from "./annotation-panel";
import type { AnnotationFilters } from "./filters";
import { PanelTabs, type PanelTab } from "./panel-tabs";

// The side panel when nothing is being composed: a notice (e.g. a deep link
// to an annotation the viewer may not see), then the tabs — "Annotations"
// first, then whatever tabs the page adds (e.g. suggestions).

type Props = {
  notice: string | null;
  annotations: AnnotationView[];
  orphans: ReadonlyMap<string, ReadonlySet<string>>;
  filters: AnnotationFilters;
  onFilters: (filters: AnnotationFilters) => void;
  selectedId: string | null;
  onChoose: (id: string) => void;
  sourceLabel: (sourceId: string) => string;
  detail: ReactNode;
  extraTabs: PanelTab[];
  /** The tab shown; the host switches it too (back to Annotations after accepting a suggestion). */
  tab?: string;
  onTab?: (id: string) => void;
};

export function SidePanel({
  notice,
  annotations,
  orphans,
  filters,
  onFilters,
  selectedId,
  onChoose,
  sourceLabel,
  detail,
  extraTabs,
  tab,
  onTab,
}: Props) {
  return (
    <>
      {notice ? (
        <p role="status" className="m-3 rounded bg-amber-50 px-2 py-1.5 text-sm text-amber-950 ring-1 ring-amber-200">
          {notice}
        </p>
      ) : null}
      <PanelTabs
        current={tab}
        onTab={onTab}
        tabs={[
          {
            id: "annotations",
            label: `Annotations (${annotations.length})`,
            content: (
              <AnnotationPanel
                annotations={annotations}
                orphans={orphans}
                filters={filters}
                onFilters={onFilters}
                selectedId={selectedId}
                onChoose={onChoose}
                sourceLabel={sourceLabel}
                detail={detail}
              />
            ),
          },
          ...extraTabs,
        ]}
      />
    </>
  );
}
