"use client";

import { useMemo, useState } from "react";

import { annotationKinds, annotationStatuses } from "@/lib/annotations/schemas";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import type { AnnotationView } from "@/lib/annotations/views";

import { activeFilterCount, type AnnotationFilters } from "./filters";

type Props = { annotations: readonly AnnotationView[]; filters: AnnotationFilters; onFilters: (filters: AnnotationFilters) => void };

/** Search box always visible; kind/status/author/tag behind a disclosure so the list keeps its room. */
export function AnnotationFilterBar({ annotations, filters, onFilters }: Props) {
  const [isOpen, setIsOpen] = useState(false);
  const set = (patch: Partial<AnnotationFilters>) => onFilters({ ...filters, ...patch });
  const options = useMemo(() => {
    const kinds = new Map<string, number>();
    const statuses = new Map<string, number>();
    const authors = new Map<string, string>();
    const tags = new Set<string>();
    for (const a of annotations) {
      kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
      statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      authors.set(a.author.id, a.author.name);
      for (const tag of a.tags) tags.add(tag);
    }
    return {
      kinds: annotationKinds.map((k): [string, string] => [k, `${kindLabel[k]} (${kinds.get(k) ?? 0})`]),
      statuses: annotationStatuses.map((s): [string, string] => [s, `${statusLabel[s]} (${statuses.get(s) ?? 0})`]),
      authors: [...authors.entries()],
      tags: [...tags].sort().map((t): [string, string] => [t, t]),
    };
  }, [annotations]);
  const active = activeFilterCount(filters);

  return (
    <div className="border-b border-slate-200 px-3 py-2">
      <div className="flex items-center gap-2">
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
        <button
          type="button"
          aria-expanded={isOpen}
          aria-controls="annotation-filters"
          onClick={() => setIsOpen((open) => !open)}
          className="shrink-0 rounded-md border border-slate-300 px-2 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          Filters{active ? ` (${active})` : ""}
        </button>
      </div>
      {isOpen ? (
        <div id="annotation-filters" className="mt-2 grid grid-cols-2 gap-2 text-sm">
          <FilterSelect label="Kind" value={filters.kind} onChange={(kind) => set({ kind })} options={options.kinds} />
          <FilterSelect label="Status" value={filters.status} onChange={(status) => set({ status })} options={options.statuses} />
          <FilterSelect label="Author" value={filters.author} onChange={(author) => set({ author })} options={options.authors} />
          <FilterSelect label="Tag" value={filters.tag} onChange={(tag) => set({ tag })} options={options.tags} />
        </div>
      ) : null}
    </div>
  );
}

function FilterSelect(props: { label: string; value: string; onChange: (value: string) => void; options: Array<[string, string]> }) {
  const { label, value, onChange, options } = props;
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="input mt-0.5 py-1">
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
