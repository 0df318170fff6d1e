"use client";

import { useCallback, useState } from "react";

import type { AnnotationKind } from "@/lib/annotations/schemas";
import type { AnnotationView } from "@/lib/annotations/views";

import { apiFetch, type ProblemBody } from "@/lib/client/api-client";
import type { ComposerState, DraftSpan } from "./composer";

// Composer state and its save path (create, or update + optional submit),
// kept out of the workbench component so that one only wires events.

export function newComposer(kind: AnnotationKind, spans: DraftSpan[], armedSourceId: string | null): ComposerState {
  return {
    kind,
    spans,
    armedSourceId,
    rationale: "",
    confidence: "medium",
    credibility: null,
    tags: "",
    editing: null,
    error: null,
    fieldErrors: {},
    isSaving: false,
  };
}

export function composerFrom(annotation: AnnotationView): ComposerState {
  return {
    ...newComposer(
      annotation.kind,
      annotation.spans.map(({ sourceId, start, end, exact }) => ({ sourceId, start, end, exact })),
      null,
    ),
    rationale: annotation.rationale,
    confidence: annotation.confidence,
    credibility: annotation.credibility,
    tags: annotation.tags.join(", "),
    editing: { id: annotation.id, version: annotation.version },
  };
}

export function isComposerDirty(state: ComposerState | null): boolean {
  return Boolean(state && (state.rationale.trim() || state.spans.length > 0));
}

function fieldErrorsOf(problem: ProblemBody): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(problem.errors ?? {})) {
    const key = field.startsWith("spans") ? "spans" : field.split(".")[0]!;
    errors[key] ??= message;
  }
  return errors;
}

type SaveResult = { annotation: AnnotationView } | { conflict: AnnotationView | null };

/** The composer's state and save path; the caller decides what a successful save shows (the result says what was saved). */
export function useComposer(comparisonId: string, onConflict: (current: AnnotationView) => void) {
  const [composer, setComposer] = useState<ComposerState | null>(null);
  const patch = useCallback((changes: Partial<ComposerState>) => setComposer((state) => (state ? { ...state, ...changes } : state)), []);

  const save = useCallback(
    async (state: ComposerState, submit: boolean): Promise<SaveResult | null> => {
      patch({ isSaving: true, error: null, fieldErrors: {} });
      const body = {
        kind: state.kind,
        rationale: state.rationale,
        confidence: state.confidence,
        credibility: state.credibility,
        tags: state.tags
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
        spans: state.spans,
      };
      // Edit-then-submit is one request: the server applies both in one transaction.
      const result = state.editing
        ? await apiFetch<AnnotationView>(`/api/v1/annotations/${state.editing.id}`, {
            method: "PATCH",
            body: { ...body, version: state.editing.version, submit },
          })
        : await apiFetch<AnnotationView>(`/api/v1/comparisons/${comparisonId}/annotations`, { method: "POST", body: { ...body, submit } });
      if (result.ok) {
        setComposer(null);
        return { annotation: result.data };
      }
      const problem = result.problem;
      const current = (problem.current ?? null) as AnnotationView | null;
      if (problem.status === 409 && current) {
        onConflict(current);
        patch({
          isSaving: false,
          editing: { id: current.id, version: current.version },
          conflict: current,
          error: `Someone changed this annotation while you were editing (now ${current.status.replace("_", " ")}, version ${current.version}). Their version is shown below; your text is still here — check it, then save again.`,
        });
        return { conflict: current };
      }
      patch({ isSaving: false, error: problem.detail, fieldErrors: fieldErrorsOf(problem) });
      return null;
    },
    [comparisonId, onConflict, patch],
  );

  return { composer, setComposer, patch, save };
}
