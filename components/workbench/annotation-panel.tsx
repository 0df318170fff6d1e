"use client";

import { useEffect, useMemo, useRef, type KeyboardEvent } from "react";

import { annotationKinds, annotationStatuses } from "@/lib/annotations/schemas";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import type { AnnotationView } from "@/lib/annotations/views";

import { RecheckBadge } from "@/components/versions/recheck-badge";

import { KindBadge, StatusBadge } from "./badges";
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
};

export function AnnotationPanel({ annotations, orphans, filters, onFilters, selectedId, onChoose, sourceLabel }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const visible = useMemo(() => filterAnnotations(annotations, filters), [annotations, filters]);
  const authors = useMemo(() => [...new Map(annotations.map((a) => [a.author.id, a.author.name])).entries()], [annotations]);
  const tags = useMemo(() => [...new Set(annotations.flatMap((a) => a.tags))].sort(), [annotations]);
  const set = (patch: Partial<AnnotationFilters>) => onFilters({ ...filters, ...patch });

  // Opening the detail above shrinks the list; keep the chosen annotation in sight.
  useEffect(() => {
    if (!selectedId) return;
    const frame = requestAnimationFrame(() =>
      listRef.current?.querySelector(`[data-annotation="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: "nearest" }),
    );
    return () => cancelAnimationFrame(frame);
  }, [selectedId]);

  // Arrow keys move between annotations, like a list box.
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>("button[data-annotation]") ?? []);
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : current + (event.key === "ArrowDown" ? 1 : -1);
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, next))];
    if (target) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <section aria-labelledby="annotations-title" className="flex min-h-0 flex-col">
      <div className="border-b border-slate-200 p-4">
        <h2 id="annotations-title" className="text-base font-semibold">
          Annotations{" "}
          <span className="font-normal text-slate-500">
            ({visible.length === annotations.length ? annotations.length : `${visible.length} of ${annotations.length}`})
          </span>
        </h2>
        <div className="mt-3 grid grid-cols-2 gap-2 text-sm">
          <FilterSelect
            label="Kind"
            value={filters.kind}
            onChange={(kind) => set({ kind })}
            options={annotationKinds.map((k) => [k, `${kindLabel[k]} (${annotations.filter((a) => a.kind === k).length})`])}
          />
          <FilterSelect
            label="Status"
            value={filters.status}
            onChange={(status) => set({ status })}
            options={annotationStatuses.map((s) => [s, `${statusLabel[s]} (${annotations.filter((a) => a.status === s).length})`])}
          />
          <FilterSelect label="Author" value={filters.author} onChange={(author) => set({ author })} options={authors} />
          <FilterSelect label="Tag" value={filters.tag} onChange={(tag) => set({ tag })} options={tags.map((t) => [t, t])} />
          <div className="col-span-2">
            <label htmlFor="filter-query" className="sr-only">
              Search annotations
            </label>
            <input
              id="filter-query"
              type="search"
              value={filters.query}
              onChange={(e) => set({ query: e.target.value })}
              placeholder="Search rationale, quotes, tags"
              className="input py-1.5"
            />
          </div>
        </div>
      </div>
      {annotations.length === 0 ? (
        <div className="p-6 text-center text-sm text-slate-600">
          <p className="font-medium text-slate-800">No annotations yet</p>
          <p className="mt-1">Select a passage in either article to record an agreement, a contradiction or a note.</p>
        </div>
      ) : visible.length === 0 ? (
        <p className="p-6 text-center text-sm text-slate-600">No annotation matches these filters.</p>
      ) : (
        <ul
          ref={listRef}
          className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto"
          aria-label="Annotation list"
          onKeyDown={onListKeyDown}
        >
          {visible.map((annotation) => {
            const isSelected = annotation.id === selectedId;
            return (
              <li key={annotation.id}>
                <button
                  type="button"
                  data-annotation={annotation.id}
                  aria-current={isSelected ? "true" : undefined}
                  onClick={() => onChoose(annotation.id)}
                  className={`block w-full px-4 py-3 text-left transition-colors hover:bg-slate-50 focus-visible:-outline-offset-2 ${isSelected ? "bg-amber-50" : ""}`}
                >
                  <span className="flex flex-wrap items-center gap-1.5">
                    <KindBadge kind={annotation.kind} />
                    <StatusBadge status={annotation.status} />
                    {orphans?.has(annotation.id) ? <span className="text-xs font-medium text-amber-800">⚠ Orphaned passage</span> : null}
                    <RecheckBadge annotation={annotation} />
                    <span className="ml-auto text-xs text-slate-500">{annotation.author.name}</span>
                  </span>
                  <span className="mt-1.5 line-clamp-2 block text-sm text-slate-800">{annotation.rationale}</span>
                  <span className="mt-1 block truncate text-xs text-slate-500">
                    {annotation.spans.map((s) => `${sourceLabel(s.sourceId)}: “${s.exact}”`).join("  ·  ")}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<[string, string]>;
}) {
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="input mt-0.5 py-1.5">
        <option value="">All</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
