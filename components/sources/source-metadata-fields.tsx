"use client";

import { Field } from "./field";
import type { SourceMetadata } from "./source-draft";

type Props = { idPrefix: string; meta: SourceMetadata; errors: Record<string, string>; onChange: (meta: SourceMetadata) => void };

const fields: Array<{ key: keyof SourceMetadata; label: string; type?: string; placeholder?: string; hint?: string }> = [
  { key: "title", label: "Title" },
  { key: "outlet", label: "Outlet", placeholder: "e.g. CNews Live" },
  { key: "author", label: "Author" },
  { key: "publishedAt", label: "Published date", type: "date" },
  { key: "url", label: "URL", type: "url", placeholder: "https://…" },
  { key: "language", label: "Language", placeholder: "en", hint: "A code such as en, fr, ar or pt-BR." },
];

export function SourceMetadataFields({ idPrefix, meta, errors, onChange }: Props) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {fields.map((field) => (
        <div key={field.key} className={field.key === "title" ? "sm:col-span-2" : undefined}>
          <Field id={`${idPrefix}-${field.key}`} label={field.label} error={errors[field.key]} hint={field.hint}>
            {(aria) => (
              <input
                {...aria}
                type={field.type ?? "text"}
                value={meta[field.key]}
                placeholder={field.placeholder}
                required={field.key === "title"}
                onChange={(event) => onChange({ ...meta, [field.key]: event.target.value })}
                className="input"
              />
            )}
          </Field>
        </div>
      ))}
    </div>
  );
}
