"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

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
import { apiFetch } from "@/components/workbench/api-client";
import type { SourceSummary } from "@/lib/sources/views";

type Side = "left" | "right";
const sideLabel: Record<Side, string> = { left: "Source A (left)", right: "Source B (right)" };

/** Server field errors ("left.title", "leftSourceId") → the field of the side they belong to. */
function sideErrors(errors: Record<string, string> | undefined, side: Side): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors ?? {})) {
    if (key.startsWith(`${side}.`)) out[key.slice(side.length + 1)] = message;
    else if (key === `${side}SourceId`) out.sourceId = message;
  }
  return out;
}

export function NewComparisonForm({ sources }: { sources: SourceSummary[] }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [question, setQuestion] = useState("");
  const [drafts, setDrafts] = useState<Record<Side, SourceDraft>>({ left: emptyDraft(), right: emptyDraft() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const patch = (side: Side, change: Partial<SourceDraft>) =>
    setDrafts((current) => ({ ...current, [side]: { ...current[side], ...change } }));

  async function preview(side: Side): Promise<boolean> {
    const draft = drafts[side];
    if (!hasContent(draft)) {
      const field = draft.mode === "paste" ? "text" : draft.mode === "file" ? "file" : "url";
      patch(side, {
        fieldErrors: {
          [field]:
            draft.mode === "paste" ? "Paste the article's text." : draft.mode === "file" ? "Choose a file." : "Give the article's URL.",
        },
      });
      return false;
    }
    const key = contentKey(draft);
    patch(side, { isPreviewing: true, error: null, fieldErrors: {} });
    const result = await apiFetch<SourcePreviewData>("/api/v1/sources/preview", {
      method: "POST",
      body: { ...contentBody(draft), ...(draft.meta.title.trim() ? { title: draft.meta.title.trim() } : {}) },
    });
    if (!result.ok) {
      patch(side, {
        isPreviewing: false,
        preview: null,
        previewKey: null,
        error: result.problem.detail,
        fieldErrors: result.problem.errors ?? {},
      });
      return false;
    }
    const guesses = result.data.guesses;
    setDrafts((current) => {
      const meta = { ...current[side].meta };
      for (const [field, value] of Object.entries(guesses) as Array<[keyof typeof meta, string]>) if (!meta[field]) meta[field] = value;
      return { ...current, [side]: { ...current[side], isPreviewing: false, preview: result.data, previewKey: key, meta } };
    });
    return true;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const localErrors: Record<string, string> = {};
    if (!title.trim()) localErrors.title = "Give the comparison a title.";
    setErrors(localErrors);
    const needPreview = (["left", "right"] as const).filter(
      (side) => drafts[side].mode !== "existing" && drafts[side].previewKey !== contentKey(drafts[side]),
    );
    for (const side of ["left", "right"] as const) {
      if (drafts[side].mode === "existing" && !drafts[side].sourceId) patch(side, { fieldErrors: { sourceId: "Choose a source." } });
    }
    if (needPreview.length > 0) {
      const results = await Promise.all(needPreview.map(preview));
      if (results.every(Boolean)) setFormError("Check the cleaned text and details of each new source, then create the comparison.");
      return;
    }
    if (
      Object.keys(localErrors).length > 0 ||
      (["left", "right"] as const).some((side) => drafts[side].mode === "existing" && !drafts[side].sourceId)
    )
      return;

    const body: Record<string, unknown> = { title: title.trim(), question: question.trim() || undefined };
    for (const side of ["left", "right"] as const) {
      const draft = drafts[side];
      if (draft.mode === "existing") body[`${side}SourceId`] = draft.sourceId;
      else body[side] = newSourceBody(draft);
    }
    setIsSaving(true);
    const result = await apiFetch<{ id: string }>("/api/v1/comparisons", { method: "POST", body });
    if (!result.ok) {
      setIsSaving(false);
      setErrors(result.problem.errors ?? {});
      for (const side of ["left", "right"] as const) patch(side, { fieldErrors: sideErrors(result.problem.errors, side) });
      setFormError(result.problem.detail);
      return;
    }
    router.push(`/comparisons/${result.data.id}`);
  }

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
              maxLength={300}
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
              maxLength={2000}
              className="input"
              placeholder="Has Russia's military presence in Mali ended?"
            />
          )}
        </Field>
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        {(["left", "right"] as const).map((side) => (
          <SourceSide
            key={side}
            side={side}
            label={sideLabel[side]}
            draft={drafts[side]}
            sources={sources}
            isPreviewStale={drafts[side].previewKey !== null && drafts[side].previewKey !== contentKey(drafts[side])}
            onChange={(change) => patch(side, change)}
            onPreview={() => void preview(side)}
          />
        ))}
      </div>
      {formError ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {formError}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSaving || drafts.left.isPreviewing || drafts.right.isPreviewing}>
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
