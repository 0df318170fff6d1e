"use client";

import { useState } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

import { apiFetch } from "@/lib/client/api-client";

type Options = {
  selected: AnnotationView | null;
  upsert: (annotation: AnnotationView) => void;
  remove: (id: string) => void;
  setMessage: (message: string | null) => void;
};

type Action = "submit" | "withdraw" | "delete";

const doneMessage: Record<Exclude<Action, "delete">, string> = {
  submit: "Submitted for review.",
  withdraw: "Withdrawn from review: it is a draft again.",
};

/** Submit, withdraw and delete from the detail card; a refusal shows why and the server's current state. */
export function useAnnotationActions({ selected, upsert, remove, setMessage }: Options) {
  const [isBusy, setIsBusy] = useState(false);

  const runAction = async (action: Action) => {
    if (!selected) return;
    if (action === "delete" && !window.confirm("Delete this annotation? This cannot be undone.")) return;
    setIsBusy(true);
    const result =
      action === "delete"
        ? await apiFetch<void>(`/api/v1/annotations/${selected.id}`, { method: "DELETE" })
        : await apiFetch<AnnotationView>(`/api/v1/annotations/${selected.id}/${action}`, {
            method: "POST",
            body: { version: selected.version },
          });
    setIsBusy(false);
    if (result.ok) {
      if (action === "delete") remove(selected.id);
      else {
        upsert(result.data as AnnotationView);
        setMessage(doneMessage[action]);
      }
      return;
    }
    const current = result.problem.current as AnnotationView | undefined;
    if (current) upsert(current);
    setMessage(result.problem.status === 404 ? "This annotation no longer exists." : result.problem.detail);
  };

  return { isBusy, runAction };
}
