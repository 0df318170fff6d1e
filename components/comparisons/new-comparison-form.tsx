"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

import { Field } from "@/components/sources/field";
import {
  contentBody,
  contentKey,
  emptyDraft,
  hasContent,
  newSourceBody,
  type SourceDraft,
  type SourcePreviewData,
} from "@/components/sources/source-draft";
import { SourceSide } from "@/components/sources/source-side";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";
import { MAX_COMPARISON_TITLE, MAX_QUESTION, MAX_SOURCES, MIN_SOURCES } from "@/lib/comparisons/schemas";
import { positionLetter } from "@/lib/comparisons/views";
import type { SourceSummary } from "@/lib/sources/views";

type Entry = { key: number; draft: SourceDraft };

const sourceLabel = (index: number) => `Source ${positionLetter(index)}`;

/** Server field errors ("sources.2.title", "sources.2") → the fields of that entry. */
function entryErrors(errors: Record<string, string> | undefined, index: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors ?? {})) {
    const prefix = `sources.${index}`;
    if (key === prefix) out.sourceId = message;
    else if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = message;
  }
  return out;
}

export function NewComparisonForm({ sources }: { sources: SourceSummary[] }) {
  const router = useRouter();
  const nextKey = useRef(MIN_SOURCES);
  const [title, setTitle] = useState("");
  const [question, setQuestion] = useState("");
  const [entries, setEntries] = useState<Entry[]>(() => Array.from({ length: MIN_SOURCES }, (_, key) => ({ key, draft: emptyDraft() })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const patch = (key: number, change: Partial<SourceDraft>) =>
    setEntries((current) => current.map((entry) => (entry.key === key ? { ...entry, draft: { ...entry.draft, ...change } } : entry)));

  const addSource = () => {
    const key = nextKey.current++;
    setEntries((current) => [...current, { key, draft: emptyDraft() }]);
    // Keyboard users land in the new source's first control.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`input[name="source-${key}-mode"]:checked`)?.focus());
  };

  async function preview(entry: Entry): Promise<boolean> {
    const { key, draft } = entry;
    if (!hasContent(draft)) {
      const field = draft.mode === "paste" ? "text" : draft.mode === "file" ? "file" : "url";
      patch(key, {
        fieldErrors: {
          [field]:
            draft.mode === "paste" ? "Paste the article's text." : draft.mode === "file" ? "Choose a file." : "Give the article's URL.",
        },
      });
      return false;
    }
    const previewKey = contentKey(draft);
    patch(key, { isPreviewing: true, error: null, fieldErrors: {} });
    const result = await apiFetch<SourcePreviewData>("/api/v1/sources/preview", {
      method: "POST",
      body: { ...contentBody(draft), ...(draft.meta.title.trim() ? { title: draft.meta.title.trim() } : {}) },
    });
    if (!result.ok) {
      patch(key, {
        isPreviewing: false,
        preview: null,
        previewKey: null,
        error: result.problem.detail,
        fieldErrors: result.problem.errors ?? {},
      });
      return false;
    }
    const guesses = result.data.guesses;
    setEntries((current) =>
      current.map((other) => {
        if (other.key !== key) return other;
        const meta = { ...other.draft.meta };
        for (const [field, value] of Object.entries(guesses) as Array<[keyof typeof meta, string]>) if (!meta[field]) meta[field] = value;
        return { ...other, draft: { ...other.draft, isPreviewing: false, preview: result.data, previewKey, meta } };
      }),
    );
    return true;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const localErrors: Record<string, string> = {};
    if (!title.trim()) localErrors.title = "Give the comparison a title.";
    setErrors(localErrors);
    const needPreview = entries.filter((entry) => entry.draft.mode !== "existing" && entry.draft.previewKey !== contentKey(entry.draft));
    const unpicked = entries.filter((entry) => entry.draft.mode === "existing" && !entry.draft.sourceId);
    for (const entry of unpicked) patch(entry.key, { fieldErrors: { sourceId: "Choose a source." } });
    if (needPreview.length > 0) {
      const results = await Promise.all(needPreview.map(preview));
      if (results.every(Boolean)) setFormError("Check the cleaned text and details of each new source, then create the comparison.");
      return;
    }
    if (Object.keys(localErrors).length > 0 || unpicked.length > 0) return;

    const body = {
      title: title.trim(),
      question: question.trim() || undefined,
      sources: entries.map(({ draft }) => (draft.mode === "existing" ? { sourceId: draft.sourceId } : newSourceBody(draft))),
    };
    setIsSaving(true);
    const result = await apiFetch<{ id: string }>("/api/v1/comparisons", { method: "POST", body });
    if (!result.ok) {
      setIsSaving(false);
      setErrors(result.problem.errors ?? {});
      entries.forEach((entry, index) => patch(entry.key, { fieldErrors: entryErrors(result.problem.errors, index) }));
      setFormError(result.problem.detail);
      return;
    }
    router.push(`/comparisons/${result.data.id}`);
  }

  const isPreviewing = entries.some((entry) => entry.draft.isPreviewing);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <div className="grid grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <Field id="comparison-title" label="Title" error={errors.title}>
          {(aria) => (
            <input
              {...aria}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              required
              maxLength={MAX_COMPARISON_TITLE}
              className="input"
              placeholder="Wagner's exit from Mali: withdrawal or rebrand?"
            />
          )}
        </Field>
        <Field id="comparison-question" label="Question" error={errors.question} hint="Optional: what the comparison should answer.">
          {(aria) => (
            <input
              {...aria}
              value={question}
              onChange={(event) => setQuestion(event.target.value)}
              maxLength={MAX_QUESTION}
              className="input"
              placeholder="Has Russia's military presence in Mali ended?"
            />
          )}
        </Field>
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        {entries.map((entry, index) => (
          <SourceSide
            key={entry.key}
            idPrefix={`source-${entry.key}`}
            label={sourceLabel(index)}
            draft={entry.draft}
            sources={sources}
            isPreviewStale={entry.draft.previewKey !== null && entry.draft.previewKey !== contentKey(entry.draft)}
            onChange={(change) => patch(entry.key, change)}
            onPreview={() => void preview(entry)}
            onRemove={entries.length > MIN_SOURCES ? () => setEntries((current) => current.filter((e) => e.key !== entry.key)) : undefined}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {entries.length < MAX_SOURCES ? (
          <Button variant="secondary" onClick={addSource}>
            Add another source
          </Button>
        ) : (
          <p className="text-sm text-slate-600">A comparison holds at most {MAX_SOURCES} sources.</p>
        )}
        <p className="text-sm text-slate-600">
          {entries.length} of at most {MAX_SOURCES} sources; at least {MIN_SOURCES}.
        </p>
      </div>
      {formError ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {formError}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSaving || isPreviewing}>
          {isSaving ? "Creating…" : "Create comparison"}
        </Button>
        {isSaving ? (
          <span role="status" className="text-sm text-slate-600">
            Importing the sources and creating the comparison…
          </span>
        ) : null}
      </div>
    </form>
  );
}
