"use client";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { SourceSummary } from "@/lib/sources/views";

import { Field } from "./field";
import { ACCEPTED_EXTENSIONS, MAX_UPLOAD_BYTES, readUpload, type SourceDraft, type SourceMode } from "./source-draft";
import { SourceMetadataFields } from "./source-metadata-fields";
import { SourcePreview } from "./source-preview";

type Props = {
  /** Prefix of element ids, unique on the page. */
  idPrefix: string;
  label: string;
  draft: SourceDraft;
  sources: SourceSummary[];
  isPreviewStale: boolean;
  onChange: (patch: Partial<SourceDraft>) => void;
  onPreview: () => void;
  /** Offered while the comparison has more sources than the minimum. */
  onRemove?: () => void;
};

const modes: Array<{ mode: SourceMode; label: string }> = [
  { mode: "paste", label: "Paste text" },
  { mode: "file", label: "Upload file" },
  { mode: "url", label: "From URL" },
  { mode: "existing", label: "Existing source" },
];

export function SourceSide({ idPrefix, label, draft, sources, isPreviewStale, onChange, onPreview, onRemove }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const errors = draft.fieldErrors;
  const picked = sources.find((source) => source.id === draft.sourceId);

  const onFile = async (file: File | undefined) => {
    if (!file) return onChange({ file: null });
    const extension = file.name.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? "";
    if (!ACCEPTED_EXTENSIONS.includes(extension))
      return onChange({ file: null, fieldErrors: { file: `${file.name} is not a .txt, .md, .html or .htm file.` } });
    if (file.size > MAX_UPLOAD_BYTES) return onChange({ file: null, fieldErrors: { file: `${file.name} is larger than 5 MB.` } });
    onChange({ file: await readUpload(file), fieldErrors: {} });
  };

  return (
    <fieldset
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      aria-describedby={draft.error ? id("error") : undefined}
    >
      <legend className="px-1 text-base font-semibold text-slate-900">{label}</legend>
      {onRemove ? (
        <div className="-mt-1 mb-2 flex justify-end">
          <Button variant="ghost" size="sm" onClick={onRemove}>
            Remove {label}
          </Button>
        </div>
      ) : null}
      <div role="radiogroup" aria-label={`How to add ${label}`} className="mb-4 inline-flex flex-wrap rounded-lg bg-slate-100 p-1">
        {modes.map((option) => (
          <label
            key={option.mode}
            className={`cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${draft.mode === option.mode ? "bg-white text-indigo-800 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
          >
            <input
              type="radio"
              name={id("mode")}
              value={option.mode}
              checked={draft.mode === option.mode}
              onChange={() => onChange({ mode: option.mode, error: null, fieldErrors: {} })}
              className="sr-only"
            />
            {option.label}
          </label>
        ))}
      </div>

      {draft.mode === "existing" ? (
        <Field
          id={id("source")}
          label="Source"
          error={errors.sourceId}
          hint={picked?.isTextLocked ? <LockedNote /> : "Sources already imported into Parallax."}
        >
          {(aria) => (
            <select
              {...aria}
              value={draft.sourceId}
              onChange={(event) => onChange({ sourceId: event.target.value, fieldErrors: {} })}
              className="input"
            >
              <option value="">Choose a source…</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.title}
                  {source.outlet ? ` — ${source.outlet}` : ""}
                  {source.publishedAt ? ` (${source.publishedAt})` : ""}
                  {source.isTextLocked ? " · annotated" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <div className="space-y-3">
          {draft.mode === "paste" ? (
            <Field
              id={id("text")}
              label="Article text"
              error={errors.text ?? errors.html ?? errors.markdown}
              hint="Paste the article as copied from the page; site boilerplate is removed in the preview."
            >
              {(aria) => (
                <textarea
                  {...aria}
                  rows={8}
                  value={draft.text}
                  onChange={(event) => onChange({ text: event.target.value })}
                  className="input font-serif"
                />
              )}
            </Field>
          ) : null}
          {draft.mode === "file" ? (
            <Field
              id={id("file")}
              label="Article file"
              error={errors.file}
              hint={
                draft.file
                  ? `${draft.file.name} · ${Math.ceil(draft.file.size / 1024)} KB`
                  : "A .txt, .md, .html or .htm file, UTF-8, up to 5 MB."
              }
            >
              {(aria) => (
                <input
                  {...aria}
                  type="file"
                  accept={[...ACCEPTED_EXTENSIONS, "text/plain", "text/markdown", "text/html"].join(",")}
                  onChange={(event) => void onFile(event.target.files?.[0])}
                  className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
                />
              )}
            </Field>
          ) : null}
          {draft.mode === "url" ? (
            <Field
              id={id("fetch-url")}
              label="Article URL"
              error={errors.url}
              hint="The server fetches the page (public http/https addresses only, up to 5 MB and 10 seconds)."
            >
              {(aria) => (
                <input
                  {...aria}
                  type="url"
                  inputMode="url"
                  placeholder="https://…"
                  value={draft.url}
                  onChange={(event) => onChange({ url: event.target.value })}
                  className="input"
                />
              )}
            </Field>
          ) : null}
          <div className="flex items-center gap-3">
            <Button variant="secondary" onClick={onPreview} disabled={draft.isPreviewing}>
              {draft.isPreviewing ? "Cleaning…" : draft.preview ? "Refresh preview" : "Preview cleaned text"}
            </Button>
            {draft.isPreviewing ? (
              <span role="status" className="text-sm text-slate-600">
                {draft.mode === "url" ? "Fetching and cleaning the page…" : "Cleaning the text…"}
              </span>
            ) : null}
            {draft.preview && isPreviewStale && !draft.isPreviewing ? (
              <span className="text-sm text-amber-800">Out of date: the text or the title changed. It is cleaned again before saving.</span>
            ) : null}
          </div>
          {draft.preview ? (
            <>
              <SourcePreview preview={draft.preview} headingId={id("preview-title")} isStale={isPreviewStale} />
              <div className="border-t border-slate-100 pt-3">
                <h4 className="mb-2 text-sm font-medium text-slate-700">Details of {label}</h4>
                <SourceMetadataFields idPrefix={id("meta")} meta={draft.meta} errors={errors} onChange={(meta) => onChange({ meta })} />
              </div>
            </>
          ) : null}
        </div>
      )}
      <FormError message={draft.error} id={id("error")} className="mt-3" />
    </fieldset>
  );
}

function LockedNote() {
  return (
    <span className="font-medium text-amber-800">
      Annotated: it is used as its latest version. A new version re-anchors every annotation on it (Versions page).
    </span>
  );
}
