"use client";

import { useState, type FormEvent, type Ref } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-client";

import type { ComparisonActionsTarget } from "./comparison-actions-menu";

type Props = { ref: Ref<HTMLDialogElement>; comparison: ComparisonActionsTarget; onDeleted: () => void };

/** Deleting takes every annotation, review and comment with it, so the title must be typed to confirm. */
export function DeleteComparisonDialog({ ref, comparison, onDeleted }: Props) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const idPrefix = `delete-${comparison.id}`;
  const isConfirmed = typed.trim() === comparison.title.trim();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isConfirmed) return;
    const dialog = event.currentTarget.closest("dialog");
    setIsDeleting(true);
    const result = await apiFetch(`/api/v1/comparisons/${comparison.id}`, { method: "DELETE" });
    setIsDeleting(false);
    if (!result.ok) return setError(result.problem.detail);
    dialog?.close();
    onDeleted();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${idPrefix}-heading`}
      className="m-auto w-full max-w-lg rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/40"
      onClose={() => setTyped("")}
    >
      <form onSubmit={onSubmit} className="space-y-4 p-5">
        <h2 id={`${idPrefix}-heading`} className="text-lg font-semibold text-red-800">
          Delete comparison
        </h2>
        <p className="text-sm text-slate-700">
          This deletes <strong>{comparison.title}</strong> with all its annotations, reviews and comments. The sources stay available. This
          cannot be undone.
        </p>
        <div>
          <label htmlFor={`${idPrefix}-confirm`} className="text-sm font-medium text-slate-700">
            Type the title to confirm
          </label>
          <input
            id={`${idPrefix}-confirm`}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            className="input mt-1"
          />
        </div>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={(event) => event.currentTarget.closest("dialog")?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!isConfirmed || isDeleting}>
            {isDeleting ? "Deleting…" : "Delete comparison"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
