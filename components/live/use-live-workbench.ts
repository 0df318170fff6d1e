"use client";

import { useRouter } from "next/navigation";
import { useCallback, type Dispatch, type SetStateAction } from "react";

import type { AnnotationView } from "@/lib/annotations/views";
import type { ComparisonDetail } from "@/lib/comparisons/views";

import type { ComposerState } from "@/components/workbench/composer";
import { apiFetch } from "@/lib/client/api-client";
import { useComparisonEvents } from "./use-comparison-events";
import { usePresenceActivity } from "./use-presence-activity";

// The workbench's live wiring in one call: others' annotations appear, change
// and disappear in place (selection, scroll and an open composer stay); the
// annotation being edited shows a newer version the moment one is saved
// elsewhere; others see that it is being edited.

type Options = {
  comparisonId: string;
  feedCursor: number | null;
  setAnnotations: Dispatch<SetStateAction<AnnotationView[]>>;
  setComposer: Dispatch<SetStateAction<ComposerState | null>>;
  /** The annotation open in the composer, if it edits one. */
  editingId: string | null;
};

/** Replaces an annotation by a newer version, or adds it; never goes back to an older one. */
export function mergeAnnotation(list: AnnotationView[], next: AnnotationView): AnnotationView[] {
  const index = list.findIndex((a) => a.id === next.id);
  if (index < 0) return [...list, next];
  if (list[index]!.version > next.version) return list;
  const copy = list.slice();
  copy[index] = next;
  return copy;
}

function conflictMessage(current: AnnotationView): string {
  return `Someone just saved a newer version of this annotation (now ${current.status.replace("_", " ")}, version ${current.version}); it is shown below. Your text is still here: check it against theirs before saving.`;
}

export function useLiveWorkbench({ comparisonId, feedCursor, setAnnotations, setComposer, editingId }: Options) {
  const router = useRouter();
  usePresenceActivity(editingId ? { annotationId: editingId, activity: "editing" } : null);

  const onAnnotationChanged = useCallback(
    (annotation: AnnotationView) => {
      setAnnotations((list) => mergeAnnotation(list, annotation));
      setComposer((state) =>
        state?.editing?.id === annotation.id &&
        !state.isSaving &&
        annotation.version > Math.max(state.editing.version, state.conflict?.version ?? 0)
          ? // The version being edited stays the old one: saving still meets the server's version check and never overwrites blindly.
            { ...state, conflict: annotation, error: conflictMessage(annotation) }
          : state,
      );
    },
    [setAnnotations, setComposer],
  );

  const onAnnotationRemoved = useCallback(
    (id: string) => {
      setAnnotations((list) => list.filter((a) => a.id !== id));
      setComposer((state) =>
        state?.editing?.id === id && !state.isSaving
          ? { ...state, error: "This annotation was deleted, or taken back to draft by its author, while you were editing it." }
          : state,
      );
    },
    [setAnnotations, setComposer],
  );

  const onResync = useCallback(async () => {
    const result = await apiFetch<ComparisonDetail>(`/api/v1/comparisons/${comparisonId}`);
    if (result.ok) setAnnotations(result.data.annotations);
  }, [comparisonId, setAnnotations]);

  return useComparisonEvents(comparisonId, feedCursor, {
    onAnnotationChanged,
    onAnnotationRemoved,
    onResync: () => void onResync(),
    onComparisonChanged: () => router.refresh(),
  });
}
