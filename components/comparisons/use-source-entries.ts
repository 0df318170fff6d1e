"use client";

import { useRef, useState } from "react";

import {
  contentBody,
  emptyDraft,
  hasContent,
  previewKeyOf,
  type SourceDraft,
  type SourcePreviewData,
} from "@/components/sources/source-draft";
import { apiFetch } from "@/lib/client/api-client";
import { MIN_SOURCES } from "@/lib/comparisons/schemas";

// The source entries of the new-comparison form and their previews. A preview
// is made from the content and the title together (both decide the cleaned
// text) and is out of date as soon as either changes.

export type Entry = { key: number; draft: SourceDraft };

/** ok: the preview is current; isChanged: its cleaned text differs from the one shown before. */
export type PreviewOutcome = { ok: boolean; isChanged: boolean };

const missingContent: Record<SourceDraft["mode"], [string, string]> = {
  paste: ["text", "Paste the article's text."],
  file: ["file", "Choose a file."],
  url: ["url", "Give the article's URL."],
  existing: ["sourceId", "Choose a source."],
};

export function isPreviewCurrent(draft: SourceDraft): boolean {
  return draft.mode === "existing" || (draft.preview !== null && draft.previewKey === previewKeyOf(draft));
}

export function useSourceEntries() {
  const nextKey = useRef(MIN_SOURCES);
  const [entries, setEntries] = useState<Entry[]>(() => Array.from({ length: MIN_SOURCES }, (_, key) => ({ key, draft: emptyDraft() })));

  const patch = (key: number, change: Partial<SourceDraft>) =>
    setEntries((current) => current.map((entry) => (entry.key === key ? { ...entry, draft: { ...entry.draft, ...change } } : entry)));

  const add = (): number => {
    const key = nextKey.current++;
    setEntries((current) => [...current, { key, draft: emptyDraft() }]);
    return key;
  };

  const remove = (key: number) => setEntries((current) => current.filter((entry) => entry.key !== key));

  async function preview(entry: Entry): Promise<PreviewOutcome> {
    const { key, draft } = entry;
    if (!hasContent(draft)) {
      const [field, message] = missingContent[draft.mode];
      patch(key, { fieldErrors: { [field]: message } });
      return { ok: false, isChanged: false };
    }
    patch(key, { isPreviewing: true, error: null, fieldErrors: {} });
    const title = draft.meta.title.trim();
    const result = await apiFetch<SourcePreviewData>("/api/v1/sources/preview", {
      method: "POST",
      body: { ...contentBody(draft), ...(title ? { title } : {}) },
    });
    if (!result.ok) {
      patch(key, {
        isPreviewing: false,
        preview: null,
        previewKey: null,
        error: result.problem.detail,
        fieldErrors: result.problem.errors ?? {},
      });
      return { ok: false, isChanged: true };
    }
    const isChanged = draft.preview?.text !== result.data.text;
    setEntries((current) =>
      current.map((other) => {
        if (other.key !== key) return other;
        // Guessed details fill empty fields only. The server cleaned with the guessed
        // title when none was given, so the key records the title actually used.
        const meta = { ...other.draft.meta };
        for (const [field, value] of Object.entries(result.data.guesses) as Array<[keyof typeof meta, string]>)
          if (!meta[field]) meta[field] = value;
        const next = { ...other.draft, isPreviewing: false, preview: result.data, meta };
        return { ...other, draft: { ...next, previewKey: previewKeyOf({ ...draft, meta: title ? draft.meta : meta }) } };
      }),
    );
    return { ok: true, isChanged };
  }

  return { entries, patch, add, remove, preview };
}
