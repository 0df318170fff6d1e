"use client";

import { useRef, useState } from "react";

import { isPreviewCurrent, previewDraft, type PreviewOutcome } from "@/components/sources/preview-draft";
import { emptyDraft, type SourceDraft } from "@/components/sources/source-draft";
import { MIN_SOURCES } from "@/lib/comparisons/schemas";

// The source entries of the new-comparison form and their previews (each
// out of date as soon as its content or title changes).

export type Entry = { key: number; draft: SourceDraft };

export { isPreviewCurrent };

export function useSourceEntries() {
  const nextKey = useRef(MIN_SOURCES);
  const [entries, setEntries] = useState<Entry[]>(() => Array.from({ length: MIN_SOURCES }, (_, key) => ({ key, draft: emptyDraft() })));

  const update = (key: number, change: (draft: SourceDraft) => SourceDraft) =>
    setEntries((current) => current.map((entry) => (entry.key === key ? { ...entry, draft: change(entry.draft) } : entry)));
  const patch = (key: number, change: Partial<SourceDraft>) => update(key, (draft) => ({ ...draft, ...change }));

  const add = (): number => {
    const key = nextKey.current++;
    setEntries((current) => [...current, { key, draft: emptyDraft() }]);
    return key;
  };

  const remove = (key: number) => setEntries((current) => current.filter((entry) => entry.key !== key));

  async function preview(entry: Entry): Promise<Omit<PreviewOutcome, "apply">> {
    patch(entry.key, { isPreviewing: true, error: null, fieldErrors: {} });
    const outcome = await previewDraft(entry.draft);
    update(entry.key, (draft) => ({ ...outcome.apply(draft), isPreviewing: false }));
    return { ok: outcome.ok, isChanged: outcome.isChanged };
  }

  return { entries, patch, add, remove, preview };
}
