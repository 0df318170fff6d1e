"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";

import type { AnnotationView } from "@/lib/annotations/views";
import { apiFetch } from "@/lib/client/api-client";

/** What the resolve controls of the selected annotation need from its host. */
export type RecheckControls = {
  reselectingSpanId: string | null;
  isBusy: boolean;
  onReselect: (spanId: string) => void;
  onCancelReselect: () => void;
  onKeep: (spanId: string) => void;
};

type Options = {
  annotation: AnnotationView | null;
  upsert: (annotation: AnnotationView) => void;
  setMessage: (message: string | null) => void;
  /** Brings the passage's source on screen so it can be selected again. */
  showSource: (sourceId: string) => void;
};

type Selection = { sourceId: string; start: number; end: number; exact: string };

/**
 * Resolving a changed or orphaned passage from a workbench: "Re-select" arms
 * the next selection in that passage's source (`take` returns true when it
 * consumed a selection), "Keep" records the old version. Both call
 * POST /api/v1/annotations/:id/spans/:spanId/resolve.
 */
export function useReselect({ annotation, upsert, setMessage, showSource }: Options) {
  const [target, setTarget] = useState<{ annotationId: string; spanId: string; sourceId: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const router = useRouter();
  const active = target && annotation?.id === target.annotationId ? target : null;

  const resolve = useCallback(
    async (spanId: string, body: Record<string, unknown>, done: string) => {
      if (!annotation) return;
      setIsBusy(true);
      const result = await apiFetch<AnnotationView>(`/api/v1/annotations/${annotation.id}/spans/${spanId}/resolve`, {
        method: "POST",
        body: { ...body, version: annotation.version },
      });
      setIsBusy(false);
      setTarget(null);
      if (!result.ok) return setMessage(result.problem.detail);
      upsert(result.data);
      setMessage(done);
      router.refresh(); // the page's banner and nav counts
    },
    [annotation, upsert, setMessage, router],
  );

  const take = (selection: Selection): boolean => {
    if (!active || selection.sourceId !== active.sourceId) return false;
    window.getSelection()?.removeAllRanges();
    const reopened = annotation?.status === "approved" ? " It goes back to draft: submit it for a new review." : "";
    const { start, end, exact } = selection;
    void resolve(active.spanId, { action: "reselect", start, end, exact }, `Passage re-selected in the latest version.${reopened}`);
    return true;
  };

  const controls: RecheckControls = {
    reselectingSpanId: active?.spanId ?? null,
    isBusy,
    onReselect: (spanId) => {
      const span = annotation?.spans.find((s) => s.id === spanId);
      if (!annotation || !span) return;
      setTarget({ annotationId: annotation.id, spanId, sourceId: span.sourceId });
      showSource(span.sourceId);
      setMessage(null);
    },
    onCancelReselect: () => setTarget(null),
    onKeep: (spanId) => void resolve(spanId, { action: "keep" }, "Kept on the version it was made on."),
  };
  return { take, controls };
}
