"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";

/** A rejected annotation's author may delete it instead of revising it: two steps, no undo. */
export function DeleteAnnotationButton({ annotationId, label }: { annotationId: string; label: string }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    const result = await apiFetch(`/api/v1/annotations/${annotationId}`, { method: "DELETE" });
    if (!result.ok) return setError(result.problem.detail);
    router.refresh();
  }

  if (!isConfirming) {
    return (
      <Button
        size="sm"
        variant="ghost"
        className="text-red-800 hover:bg-red-50"
        onClick={() => setIsConfirming(true)}
        aria-label={`Delete: ${label}`}
      >
        Delete
      </Button>
    );
  }
  return (
    <span role="group" aria-label="Confirm delete" className="inline-flex flex-wrap items-center gap-2 text-sm text-red-900">
      Delete it for good?
      <Button size="sm" variant="danger" onClick={() => void remove()}>
        Delete annotation
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setIsConfirming(false)}>
        Keep
      </Button>
      {error ? <span role="alert">{error}</span> : null}
    </span>
  );
}
