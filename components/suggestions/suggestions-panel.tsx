"use client";

import { useMemo, useRef, useState, type KeyboardEvent } from "react";

import { buttonClass } from "@/components/ui/button";
import type { AnnotationView } from "@/lib/annotations/views";
import { suggestionKinds } from "@/lib/suggestions/schemas";
import type { SuggestionSpanView, SuggestionView } from "@/lib/suggestions/views";

import { SuggestionItem } from "./suggestion-item";
import { JobProgress, SkippedSources } from "./suggestion-status";
import { useSuggestions, type SuggestionFilters } from "./use-suggestions";

// The Suggestions tab of the workbench's side panel. Self-contained: it loads
// and decides through /api/v1, and tells the workbench what to preview
// (onPreview), to bring on screen (onShow) and which draft to open in the
// composer (onAccept).

export type SuggestionsPanelProps = {
  comparisonId: string;
  /** The comparison's sources in order, with the labels to show. */
  sources: ReadonlyArray<{ id: string; label: string }>;
  /** Whether the viewer may accept and dismiss (the annotation.create permission). */
  canDecide: boolean;
  /** Both passages of the suggestion under the pointer or focus, or null when none is. */
  onPreview: (spans: SuggestionSpanView[] | null) => void;
  /** Bring both passages on screen. */
  onShow?: (spans: SuggestionSpanView[]) => void;
  /** The draft annotation made from an accepted suggestion; open it in the composer. */
  onAccept: (annotation: AnnotationView, suggestion: SuggestionView) => void;
};

const kindOptionLabel = { agreement: "Agreements", contradiction: "Contradictions" } as const;

export function SuggestionsPanel({ comparisonId, sources, canDecide, onPreview, onShow, onAccept }: SuggestionsPanelProps) {
  const [filters, setFilters] = useState<SuggestionFilters>({ kind: "", pair: "" });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");
  const listRef = useRef<HTMLUListElement>(null);
  const { list, error, isLoading, reload, accept, dismiss } = useSuggestions(
    comparisonId,
    filters,
    sources.map((s) => `${s.id}=${s.label}`).join(),
  );
  const labels = useMemo(() => new Map(sources.map((source) => [source.id, source.label])), [sources]);
  const sourceLabel = (id: string) => labels.get(id) ?? "?";
  const skippedIds = new Set(list?.skipped.map((item) => item.sourceId));
  const readable = sources.filter((source) => !skippedIds.has(source.id));
  const pairs = readable.flatMap((a, i) => readable.slice(i + 1).map((b) => [`${a.id}:${b.id}`, `${a.label} ↔ ${b.label}`] as const));
  const hasNoEnglishPair =
    list !== null && list.job.status === "done" && readable.length < 2 && list.skipped.some((s) => s.reason.includes("English"));

  const decide = async (suggestion: SuggestionView, action: "accept" | "dismiss", reason?: string) => {
    setBusyId(suggestion.id);
    setErrors(({ [suggestion.id]: _dropped, ...rest }) => rest);
    // Keep keyboard focus in the list when the item disappears.
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>("[data-suggestion]") ?? []);
    const next = items[items.findIndex((item) => item.dataset.suggestion === suggestion.id) + 1] ?? items.at(-2);
    const result = action === "accept" ? await accept(suggestion) : await dismiss(suggestion, reason);
    setBusyId(null);
    if (!result.ok) {
      setErrors((current) => ({ ...current, [suggestion.id]: result.message }));
      return;
    }
    onPreview(null);
    if (action === "accept" && result.annotation) {
      setAnnouncement("Accepted as your draft. Edit it in the composer, then save or submit.");
      onAccept(result.annotation, suggestion);
    } else {
      setAnnouncement("Suggestion dismissed.");
      next?.querySelector<HTMLButtonElement>("button")?.focus();
    }
  };

  // Arrow keys move between suggestions, like the annotation list.
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>("[data-suggestion]") ?? []);
    const current = items.findIndex((item) => item.contains(document.activeElement));
    const target = event.key === "Home" ? 0 : event.key === "End" ? items.length - 1 : current + (event.key === "ArrowDown" ? 1 : -1);
    const button = items[Math.max(0, Math.min(items.length - 1, target))]?.querySelector<HTMLButtonElement>("button");
    if (button) {
      event.preventDefault();
      button.focus();
    }
  };

  return (
    <section aria-labelledby="suggestions-title" className="flex min-h-0 flex-col" aria-busy={isLoading}>
      <div className="space-y-3 border-b border-slate-200 p-4">
        <h2 id="suggestions-title" className="text-base font-semibold">
          Suggestions {list ? <span className="font-normal text-slate-500">({list.total})</span> : null}
        </h2>
        <div className="grid grid-cols-2 gap-2 text-sm">
          <label className="block text-xs font-medium text-slate-600">
            Kind
            <select
              className="input mt-0.5 py-1.5"
              value={filters.kind}
              onChange={(event) => setFilters({ ...filters, kind: event.target.value as SuggestionFilters["kind"] })}
            >
              <option value="">All</option>
              {suggestionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindOptionLabel[kind]}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-xs font-medium text-slate-600">
            Sources
            <select
              className="input mt-0.5 py-1.5"
              value={filters.pair}
              onChange={(event) => setFilters({ ...filters, pair: event.target.value })}
            >
              <option value="">All pairs</option>
              {pairs.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {list ? <JobProgress job={list.job} hasSuggestions={list.suggestions.length > 0} /> : null}
        {list && !hasNoEnglishPair ? <SkippedSources skipped={list.skipped} /> : null}
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {error && !list ? (
        <div className="p-6 text-center text-sm text-slate-700">
          <p>{error}</p>
          <button type="button" className={buttonClass("secondary", "sm", "mt-2")} onClick={() => void reload()}>
            Try again
          </button>
        </div>
      ) : !list ? (
        <p className="p-6 text-center text-sm text-slate-600">Loading suggestions…</p>
      ) : hasNoEnglishPair ? (
        <div className="p-6 text-center text-sm text-slate-700">
          <p className="font-medium text-slate-800">Suggestions are available for English sources</p>
          <p className="mt-1">
            {list.skipped.map((item) => item.label).join(", ")} cannot be compared automatically. Annotate by hand as usual.
          </p>
        </div>
      ) : list.suggestions.length === 0 ? (
        list.job.status === "done" ? (
          <p className="p-6 text-center text-sm text-slate-600">
            {filters.kind || filters.pair ? "No suggestion matches these filters." : "No suggestions for these sources."}
          </p>
        ) : null
      ) : (
        <ul
          ref={listRef}
          aria-label="Suggestion list"
          className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto"
          onKeyDown={onListKeyDown}
        >
          {list.suggestions.map((suggestion) => (
            <li key={suggestion.id}>
              <SuggestionItem
                suggestion={suggestion}
                sourceLabel={sourceLabel}
                canDecide={canDecide}
                isBusy={busyId === suggestion.id}
                error={errors[suggestion.id] ?? null}
                onPreview={onPreview}
                onShow={onShow}
                onAccept={() => void decide(suggestion, "accept")}
                onDismiss={(reason) => void decide(suggestion, "dismiss", reason)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
