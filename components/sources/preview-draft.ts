"use client";

import { apiFetch } from "@/lib/client/api-client";

import { contentBody, hasContent, previewKeyOf, type SourceDraft, type SourcePreviewData } from "./source-draft";

// Asks the server to clean a draft's content exactly as saving it would, and
// says how the draft changes. A preview is made from the content and the title
// together (both decide the cleaned text).

/** ok: the preview is current; isChanged: its cleaned text differs from the one shown before. */
export type PreviewOutcome = { ok: boolean; isChanged: boolean; apply: (draft: SourceDraft) => SourceDraft };

const missingContent: Record<SourceDraft["mode"], [string, string]> = {
  paste: ["text", "Paste the article's text."],
  file: ["file", "Choose a file."],
  url: ["url", "Give the article's URL."],
  existing: ["sourceId", "Choose a source."],
};

export function isPreviewCurrent(draft: SourceDraft): boolean {
  return draft.mode === "existing" || (draft.preview !== null && draft.previewKey === previewKeyOf(draft));
}

export async function previewDraft(draft: SourceDraft): Promise<PreviewOutcome> {
  if (!hasContent(draft)) {
    const [field, message] = missingContent[draft.mode];
    return { ok: false, isChanged: false, apply: (current) => ({ ...current, fieldErrors: { [field]: message } }) };
  }
  const title = draft.meta.title.trim();
  const result = await apiFetch<SourcePreviewData>("/api/v1/sources/preview", {
    method: "POST",
    body: { ...contentBody(draft), ...(title ? { title } : {}) },
  });
  if (!result.ok) {
    const { detail, errors } = result.problem;
    return {
      ok: false,
      isChanged: true,
      apply: (current) => ({ ...current, isPreviewing: false, preview: null, previewKey: null, error: detail, fieldErrors: errors ?? {} }),
    };
  }
  const apply = (current: SourceDraft): SourceDraft => {
    // Guessed details fill empty fields only. The server cleaned with the guessed
    // title when none was given, so the key records the title actually used.
    const meta = { ...current.meta };
    for (const [field, value] of Object.entries(result.data.guesses) as Array<[keyof typeof meta, string]>)
      if (!meta[field]) meta[field] = value;
    const previewKey = previewKeyOf({ ...draft, meta: title ? draft.meta : meta });
    return { ...current, isPreviewing: false, error: null, fieldErrors: {}, preview: result.data, meta, previewKey };
  };
  return { ok: true, isChanged: draft.preview?.text !== result.data.text, apply };
}
