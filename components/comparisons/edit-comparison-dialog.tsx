"use client";

import { useState, type FormEvent, type Ref } from "react";

import { Field } from "@/components/sources/field";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-client";

import type { ComparisonActionsTarget } from "./comparison-actions-menu";
import { MAX_COMPARISON_TITLE, MAX_QUESTION } from "@/lib/comparisons/schemas";

type Props = { ref: Ref<HTMLDialogElement>; comparison: ComparisonActionsTarget; onSaved: () => void };

export function EditComparisonDialog({ ref, comparison, onSaved }: Props) {
  const [title, setTitle] = useState(comparison.title);
  const [question, setQuestion] = useState(comparison.question ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const idPrefix = `edit-${comparison.id}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const dialog = event.currentTarget.closest("dialog");
    if (!title.trim()) return setErrors({ title: "Give the comparison a title." });
    setIsSaving(true);
    const result = await apiFetch(`/api/v1/comparisons/${comparison.id}`, {
      method: "PATCH",
      body: { title: title.trim(), question: question.trim() },
    });
    setIsSaving(false);
    if (!result.ok) {
      setErrors(result.problem.errors ?? {});
      return setError(result.problem.detail);
    }
    setErrors({});
    setError(null);
    dialog?.close();
    onSaved();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${idPrefix}-heading`}
      className="m-auto w-full max-w-lg rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4 p-5">
        <h2 id={`${idPrefix}-heading`} className="text-lg font-semibold">
          Edit comparison
        </h2>
        <Field id={`${idPrefix}-title`} label="Title" error={errors.title}>
          {(aria) => (
            <input
              {...aria}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              maxLength={MAX_COMPARISON_TITLE}
              className="input"
            />
          )}
        </Field>
        <Field id={`${idPrefix}-question`} label="Question" error={errors.question}>
          {(aria) => (
            <textarea
              {...aria}
              value={question}
              onChange={(event) => setQuestion(event.target.value)}
              rows={3}
              maxLength={MAX_QUESTION}
              className="input"
            />
          )}
        </Field>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={(event) => event.currentTarget.closest("dialog")?.close()}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSaving}>
            {isSaving ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
