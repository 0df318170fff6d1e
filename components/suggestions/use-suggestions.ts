"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import type { AnnotationView } from "@/lib/annotations/views";
import { apiFetch } from "@/lib/client/api-client";
import type { SuggestionKind } from "@/lib/suggestions/types";
import type { AcceptedSuggestion, SuggestionList, SuggestionView } from "@/lib/suggestions/views";

// Loads a comparison's suggestions with the filters applied on the server,
// polls while they are being computed, and sends accept/dismiss.

export type SuggestionFilters = { kind: SuggestionKind | ""; pair: string };

const POLL_MS = 1500;

export type DecisionResult = { ok: true; annotation?: AnnotationView } | { ok: false; message: string };

function queryOf(filters: SuggestionFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set("kind", filters.kind);
  const [sourceA, sourceB] = filters.pair ? filters.pair.split(":") : [];
  if (sourceA) params.set("sourceA", sourceA);
  if (sourceB) params.set("sourceB", sourceB);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function useSuggestions(comparisonId: string, filters: SuggestionFilters, refreshKey: string) {
  const [list, setList] = useState<SuggestionList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const load = useCallback(() => {
    const id = ++request.current;
    return apiFetch<SuggestionList>(`/api/v1/comparisons/${comparisonId}/suggestions${queryOf(filters)}`).then((result) => {
      if (id !== request.current) return; // a newer request (other filters) answers instead
      if (result.ok) {
        setList(result.data);
        setError(null);
      } else setError(result.problem.detail);
    });
  }, [comparisonId, filters]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  // Poll while the computation is queued or running; stop once it settles.
  const status = list?.job.status;
  const isComputing = status === "queued" || status === "running" || status === "idle";
  useEffect(() => {
    if (!isComputing) return;
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [isComputing, load]);

  const drop = useCallback((id: string) => {
    setList((current) => current && { ...current, suggestions: current.suggestions.filter((s) => s.id !== id), total: current.total - 1 });
  }, []);

  const accept = useCallback(
    async (suggestion: SuggestionView): Promise<DecisionResult> => {
      const result = await apiFetch<AcceptedSuggestion>(`/api/v1/suggestions/${suggestion.id}/accept`, { method: "POST" });
      if (result.ok) {
        drop(suggestion.id);
        return { ok: true, annotation: result.data.annotation };
      }
      if (result.problem.status === 409) void load();
      return { ok: false, message: result.problem.detail };
    },
    [drop, load],
  );

  const dismiss = useCallback(
    async (suggestion: SuggestionView, reason?: string): Promise<DecisionResult> => {
      const result = await apiFetch<SuggestionView>(`/api/v1/suggestions/${suggestion.id}/dismiss`, {
        method: "POST",
        body: reason ? { reason } : {},
      });
      if (result.ok) {
        drop(suggestion.id);
        return { ok: true };
      }
      if (result.problem.status === 409) void load();
      return { ok: false, message: result.problem.detail };
    },
    [drop, load],
  );

  return { list, error, isLoading: list === null && error === null, isComputing, reload: load, accept, dismiss };
}
