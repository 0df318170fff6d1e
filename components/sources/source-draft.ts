// Client-side state of one side of the new-comparison form, and the request
// bodies built from it. The server re-validates everything.
import type { ImportStats, RemovedLine } from "@/lib/sources/import-text";

export type SourceMode = "existing" | "paste" | "file" | "url";

export type SourceMetadata = { title: string; outlet: string; author: string; publishedAt: string; url: string; language: string };

export type SourcePreviewData = {
  text: string;
  removed: RemovedLine[];
  stats: ImportStats;
  rawFormat: "text" | "markdown" | "html";
  guesses: Partial<SourceMetadata>;
};

export type UploadedFile = { name: string; type: string; content: string; size: number };

export type SourceDraft = {
  mode: SourceMode;
  sourceId: string;
  text: string;
  file: UploadedFile | null;
  url: string;
  meta: SourceMetadata;
  preview: SourcePreviewData | null;
  /** The inputs the preview was made from (content and title, see previewKeyOf); a different key means the preview is out of date. */
  previewKey: string | null;
  isPreviewing: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
};

export const emptyMetadata: SourceMetadata = { title: "", outlet: "", author: "", publishedAt: "", url: "", language: "" };

export function emptyDraft(): SourceDraft {
  return {
    mode: "paste",
    sourceId: "",
    text: "",
    file: null,
    url: "",
    meta: emptyMetadata,
    preview: null,
    previewKey: null,
    isPreviewing: false,
    error: null,
    fieldErrors: {},
  };
}

export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm"];
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function contentKey(draft: SourceDraft): string {
  if (draft.mode === "paste") return `paste:${draft.text}`;
  if (draft.mode === "file") return `file:${draft.file?.name}:${draft.file?.content.length}:${draft.file?.content.slice(0, 64)}`;
  if (draft.mode === "url") return `url:${draft.url.trim()}`;
  return `existing:${draft.sourceId}`;
}

/**
 * Everything that decides the cleaned text: the content and the title (the
 * title's copies are removed from the text). A preview made from another key
 * is out of date and is made again before anything is saved.
 */
export function previewKeyOf(draft: SourceDraft): string {
  return `${contentKey(draft)}\u0000title:${draft.meta.title.trim()}`;
}

export function hasContent(draft: SourceDraft): boolean {
  if (draft.mode === "paste") return draft.text.trim() !== "";
  if (draft.mode === "file") return draft.file !== null;
  if (draft.mode === "url") return draft.url.trim() !== "";
  return draft.sourceId !== "";
}

/** The content part of a request: pasted text, a file, or a URL for the server to fetch. */
export function contentBody(draft: SourceDraft): Record<string, unknown> {
  if (draft.mode === "paste") return { text: draft.text };
  if (draft.mode === "file" && draft.file) return { file: { name: draft.file.name, type: draft.file.type, content: draft.file.content } };
  return { url: draft.url.trim() };
}

/** A new source for POST /api/v1/comparisons: content plus the metadata the analyst confirmed. */
export function newSourceBody(draft: SourceDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { ...contentBody(draft) };
  for (const [key, value] of Object.entries(draft.meta)) if (value.trim() !== "") body[key] = value.trim();
  return body;
}

export async function readUpload(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, type: file.type, content: btoa(binary), size: file.size };
}
