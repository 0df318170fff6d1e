"use client";

import { useDeferredValue, useMemo, type ReactNode } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

import { AnnotationFilterBar } from "./annotation-filters";
import { AnnotationList } from "./annotation-list";
import { filterAnnotations, type AnnotationFilters } from "./filters";

type Props = {
  annotations: AnnotationView[];
  /** Orphaned span ids by annotation id (see placement.ts). */
  orphans?: ReadonlyMap<string, ReadonlySet<string>>;
  filters: AnnotationFilters;
  onFilters: (filters: AnnotationFilters) => void;
  selectedId: string | null;
  onChoose: (id: string) => void;
  sourceLabel: (sourceId: string) => string;
  /** The selected annotation's card, shown above the list (kept small enough that five cards stay visible). */
  detail?: ReactNode;
};

export function AnnotationPanel({ annotations, orphans, filters, onFilters, selectedId, onChoose, sourceLabel, detail }: Props) {
  // Typing in the search box stays responsive: the list follows one render behind.
  const deferred = useDeferredValue(filters);
  const visible = useMemo(() => filterAnnotations(annotations, deferred), [annotations, deferred]);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {detail ? <div className="min-h-[7rem] shrink overflow-y-auto border-b border-slate-200">{detail}</div> : null}
      <AnnotationFilterBar annotations={annotations} filters={filters} onFilters={onFilters} />
      <p className="px-3 pt-1.5 text-xs text-slate-600" role="status" data-testid="annotation-count">
        {visible.length === annotations.length
          ? `${annotations.length} annotations`
          : `${visible.length} of ${annotations.length} annotations`}
      </p>
      {annotations.length === 0 ? (
        <div className="p-6 text-center text-sm text-slate-600">
          <p className="font-medium text-slate-800">No annotations yet</p>
          <p className="mt-1">Select a passage in any article to record an agreement, a contradiction or a note.</p>
        </div>
      ) : visible.length === 0 ? (
        <p className="p-6 text-center text-sm text-slate-600">No annotation matches these filters.</p>
      ) : (
        <AnnotationList annotations={visible} orphans={orphans} selectedId={selectedId} onChoose={onChoose} sourceLabel={sourceLabel} />
      )}
    </div>
  );
}
