"use client";

import { useState } from "react";
import type { z } from "@/lib/zod";

import { sourceMetadataShape } from "@/lib/sources/schemas";

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

/** The same rules the server applies (lib/sources/schemas.ts), checked as you type. */
function liveError(key: keyof SourceMetadata, value: string): string | undefined {
  if (key === "title" && value.trim() === "") return "Give the source a title.";
  const result = (sourceMetadataShape[key] as z.ZodType).safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

export function SourceMetadataFields({ idPrefix, meta, errors, onChange }: Props) {
  const [edited, setEdited] = useState<ReadonlySet<keyof SourceMetadata>>(new Set());
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {fields.map((field) => {
        const live = edited.has(field.key) ? liveError(field.key, meta[field.key]) : undefined;
        return (
          <div key={field.key} className={field.key === "title" ? "sm:col-span-2" : undefined}>
            <Field id={`${idPrefix}-${field.key}`} label={field.label} error={live ?? errors[field.key]} hint={field.hint}>
              {(aria) => (
                <input
                  {...aria}
                  type={field.type ?? "text"}
                  value={meta[field.key]}
                  placeholder={field.placeholder}
                  required={field.key === "title"}
                  onChange={(event) => {
                    setEdited((current) => new Set(current).add(field.key));
                    onChange({ ...meta, [field.key]: event.target.value });
                  }}
                  className="input"
                />
              )}
            </Field>
          </div>
        );
      })}
    </div>
  );
}
