"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { Field } from "@/components/sources/field";
import { newSourceBody } from "@/components/sources/source-draft";
import { SourceSide } from "@/components/sources/source-side";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { apiFetch } from "@/lib/client/api-client";
import { comparisonTitleSchema, MAX_QUESTION, MAX_SOURCES, MIN_SOURCES } from "@/lib/comparisons/schemas";
import { positionLetter } from "@/lib/comparisons/views";
import type { SourceSummary } from "@/lib/sources/views";

import { isPreviewCurrent, useSourceEntries, type Entry } from "./use-source-entries";

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

/** The id of an entry's control for a field, as SourceSide names them. */
function controlId(entry: Entry, field: string): string {
  const prefix = `source-${entry.key}`;
  if (field === "sourceId") return `${prefix}-source`;
  if (field === "url" && entry.draft.mode === "url") return `${prefix}-fetch-url`;
  if (["text", "file"].includes(field)) return `${prefix}-${field}`;
  if (["html", "markdown"].includes(field)) return `${prefix}-text`;
  return `${prefix}-meta-${field}`;
}

function titleError(value: string): string | undefined {
  const result = comparisonTitleSchema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

export function NewComparisonForm({ sources }: { sources: SourceSummary[] }) {
  const router = useRouter();
  const { entries, patch, add, remove, preview } = useSourceEntries();
  const [typedTitle, setTypedTitle] = useState<string | null>(null);
  const [isTitleTouched, setIsTitleTouched] = useState(false);
  const [question, setQuestion] = useState("");
  const [serverTitleError, setServerTitleError] = useState<string | null>(null);
  const [summary, setSummary] = useState<{ detail: string | null; items: ErrorSummaryItem[] } | null>(null);
  const [failures, setFailures] = useState(0);
  const [isSaving, setIsSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The title follows Source A's headline until the analyst types one of their own.
  const first = entries[0]?.draft;
  const headline = first?.mode === "existing" ? (sources.find((s) => s.id === first.sourceId)?.title ?? "") : (first?.meta.title ?? "");
  const title = typedTitle ?? headline;
  const isTitleFromHeadline = typedTitle === null && headline !== "";
  const liveTitleError = isTitleTouched || typedTitle !== null ? titleError(title) : undefined;

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const fail = (detail: string | null, items: ErrorSummaryItem[]) => {
    setSummary({ detail, items });
    setFailures((n) => n + 1);
  };

  const addSource = () => {
    const key = add();
    // Keyboard users land in the new source's first control.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`input[name="source-${key}-mode"]:checked`)?.focus());
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSummary(null);
    setIsTitleTouched(true);
    const items: ErrorSummaryItem[] = [];
    const localTitleError = titleError(title);
    if (localTitleError) items.push({ message: `Title: ${localTitleError}`, fieldId: "comparison-title" });
    entries.forEach((entry, index) => {
      if (entry.draft.mode === "existing" && !entry.draft.sourceId) {
        patch(entry.key, { fieldErrors: { sourceId: "Choose a source." } });
        items.push({ message: `${sourceLabel(index)}: choose a source.`, fieldId: controlId(entry, "sourceId") });
      }
    });
    // Make every out-of-date preview again: what is saved is what was previewed.
    const stale = entries.filter((entry) => !isPreviewCurrent(entry.draft));
    const outcomes = await Promise.all(stale.map(async (entry) => ({ entry, ...(await preview(entry)) })));
    for (const { entry, ok, isChanged } of outcomes) {
      const index = entries.indexOf(entry);
      if (!ok)
        items.push({
          message: `${sourceLabel(index)}: fix its content, then preview it.`,
          fieldId: controlId(entry, entry.draft.mode === "existing" ? "sourceId" : entry.draft.mode),
        });
      else if (isChanged)
        items.push({
          message: `${sourceLabel(index)}: check its cleaned text (updated), then create the comparison.`,
          fieldId: `source-${entry.key}-preview-title`,
        });
    }
    if (items.length > 0) return fail(null, items);

    setIsSaving(true);
    const result = await apiFetch<{ id: string }>("/api/v1/comparisons", {
      method: "POST",
      body: {
        title: title.trim(),
        question: question.trim() || undefined,
        sources: entries.map(({ draft }) => (draft.mode === "existing" ? { sourceId: draft.sourceId } : newSourceBody(draft))),
      },
    });
    if (result.ok) return router.push(`/comparisons/${result.data.id}`);
    setIsSaving(false);
    const errors = result.problem.errors ?? {};
    setServerTitleError(errors.title ?? null);
    const serverItems: ErrorSummaryItem[] = errors.title ? [{ message: `Title: ${errors.title}`, fieldId: "comparison-title" }] : [];
    entries.forEach((entry, index) => {
      const fieldErrors = entryErrors(errors, index);
      patch(entry.key, { fieldErrors });
      for (const [field, message] of Object.entries(fieldErrors)) {
        serverItems.push({ message: `${sourceLabel(index)}: ${message}`, fieldId: controlId(entry, field) });
      }
    });
    fail(result.problem.detail, serverItems);
  }

  const isPreviewing = entries.some((entry) => entry.draft.isPreviewing);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={summary ? "create-errors" : undefined}>
      <ErrorSummary
        ref={summaryRef}
        id="create-errors"
        title="The comparison was not created"
        detail={summary?.detail}
        items={summary?.items ?? []}
      />
      <div className="grid grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        <Field
          id="comparison-title"
          label="Title"
          error={liveTitleError ?? serverTitleError ?? undefined}
          hint={isTitleFromHeadline ? "Taken from Source A's headline; type to change it." : undefined}
        >
          {(aria) => (
            <input
              {...aria}
              value={title}
              onChange={(event) => {
                setTypedTitle(event.target.value);
                setServerTitleError(null);
              }}
              onBlur={() => setIsTitleTouched(true)}
              required
              aria-required
              className="input"
              placeholder="Wagner's exit from Mali: withdrawal or rebrand?"
            />
          )}
        </Field>
        <Field id="comparison-question" label="Question" hint="Optional: what the comparison should answer.">
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
            isPreviewStale={entry.draft.preview !== null && !isPreviewCurrent(entry.draft)}
            onChange={(change) => patch(entry.key, change)}
            onPreview={() => void preview(entry)}
            onRemove={entries.length > MIN_SOURCES ? () => remove(entry.key) : undefined}
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
