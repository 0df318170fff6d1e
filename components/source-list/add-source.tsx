"use client";

import { useState } from "react";

import { isPreviewCurrent, previewDraft } from "@/components/sources/preview-draft";
import { emptyDraft, newSourceBody, type SourceDraft } from "@/components/sources/source-draft";
import { SourceSide } from "@/components/sources/source-side";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";
import { MAX_SOURCES } from "@/lib/comparisons/schemas";
import { positionLetter } from "@/lib/comparisons/views";
import type { SourceSummary } from "@/lib/sources/views";

// Adding a source to an existing comparison: an existing source, or a new one
// pasted, uploaded or fetched, previewed exactly as it will be saved.

type Props = { comparisonId: string; count: number; sources: SourceSummary[]; onAdded: (message: string) => void };

export function AddSource({ comparisonId, count, sources, onAdded }: Props) {
  const [draft, setDraft] = useState<SourceDraft>(emptyDraft);
  const [isSaving, setIsSaving] = useState(false);
  const label = `Source ${positionLetter(count)}`;

  if (count >= MAX_SOURCES) {
    return <p className="text-sm text-slate-700">This comparison holds the most sources it can ({MAX_SOURCES}).</p>;
  }

  async function preview(): Promise<boolean> {
    setDraft((current) => ({ ...current, isPreviewing: true, error: null, fieldErrors: {} }));
    const outcome = await previewDraft(draft);
    setDraft((current) => ({ ...outcome.apply(current), isPreviewing: false }));
    return outcome.ok && !outcome.isChanged;
  }

  async function add() {
    if (draft.mode === "existing" && !draft.sourceId) {
      return setDraft((current) => ({ ...current, fieldErrors: { sourceId: "Choose a source." } }));
    }
    // What is saved is what was previewed: an out-of-date preview is made again first.
    if (!isPreviewCurrent(draft) && !(await preview())) return;
    setIsSaving(true);
    const body = draft.mode === "existing" ? { sourceId: draft.sourceId } : newSourceBody(draft);
    const result = await apiFetch(`/api/v1/comparisons/${comparisonId}/sources`, { method: "POST", body });
    setIsSaving(false);
    if (!result.ok) {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.problem.errors ?? {}).map(([key, message]) => [key.replace(/^source\.?/, "") || "sourceId", message]),
      );
      return setDraft((current) => ({ ...current, error: result.problem.detail, fieldErrors }));
    }
    setDraft(emptyDraft());
    onAdded(`${label} added.`);
  }

  return (
    <div className="space-y-3">
      <SourceSide
        idPrefix="add-source"
        label={label}
        draft={draft}
        sources={sources}
        isPreviewStale={draft.preview !== null && !isPreviewCurrent(draft)}
        onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
        onPreview={() => void preview()}
      />
      <Button onClick={() => void add()} disabled={isSaving || draft.isPreviewing}>
        {isSaving ? "Adding…" : `Add ${label}`}
      </Button>
    </div>
  );
}
