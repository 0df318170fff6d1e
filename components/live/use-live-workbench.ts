"use client";

import { useRouter } from "next/navigation";
import { useCallback, type Dispatch, type SetStateAction } from "react";

import type { AnnotationView } from "@/lib/annotations/views";
import { apiFetch } from "@/lib/client/api-client";
import { fromCompactAnnotations, type CompactComparison } from "@/lib/comparisons/compact";

import type { AnnotationStore } from "@/components/workbench/annotation-store";
import type { ComposerState } from "@/components/workbench/composer";

import { useComparisonEvents } from "./use-comparison-events";
import { usePresenceActivity } from "./use-presence-activity";

// The workbench's live wiring in one call: others' annotations appear, change
// and disappear in place (selection, scroll and an open composer stay); the
// annotation being edited shows a newer version the moment one is saved
// elsewhere; others see that it is being edited.

type Options = {
  comparisonId: string;
  feedCursor: number | null;
  /** The workbench's annotation store: live changes go through the same upsert/remove as local saves. */
  store: Pick<AnnotationStore, "upsert" | "remove" | "replace">;
  setComposer: Dispatch<SetStateAction<ComposerState | null>>;
  /** The annotation open in the composer, if it edits one. */
  editingId: string | null;
};

function conflictMessage(current: AnnotationView): string {
  return `Someone just saved a newer version of this annotation (now ${current.status.replace("_", " ")}, version ${current.version}); it is shown below. Your text is still here: check it against theirs before saving.`;
}

export function useLiveWorkbench({ comparisonId, feedCursor, store, setComposer, editingId }: Options) {
  const { upsert, remove, replace } = store;
  const router = useRouter();
  usePresenceActivity(editingId ? { annotationId: editingId, activity: "editing" } : null);

  const onAnnotationChanged = useCallback(
    (annotation: AnnotationView) => {
      upsert(annotation); // never goes back to an older version (annotation-store.ts)
      setComposer((state) =>
        state?.editing?.id === annotation.id &&
        !state.isSaving &&
        annotation.version > Math.max(state.editing.version, state.conflict?.version ?? 0)
          ? // The version being edited stays the old one: saving still meets the server's version check and never overwrites blindly.
            { ...state, conflict: annotation, error: conflictMessage(annotation) }
          : state,
      );
    },
    [upsert, setComposer],
  );

  const onAnnotationRemoved = useCallback(
    (id: string) => {
      remove(id);
      setComposer((state) =>
        state?.editing?.id === id && !state.isSaving
          ? { ...state, error: "This annotation was deleted, or taken back to draft by its author, while you were editing it." }
          : state,
      );
    },
    [remove, setComposer],
  );

  const onResync = useCallback(async () => {
    // The compact form: at thousands of annotations it is a third of the readable one.
    const result = await apiFetch<CompactComparison>(`/api/v1/comparisons/${comparisonId}?form=compact`);
    if (result.ok) replace(fromCompactAnnotations(result.data));
  }, [comparisonId, replace]);

  return useComparisonEvents(comparisonId, feedCursor, {
    onAnnotationChanged,
    onAnnotationRemoved,
    onResync: () => void onResync(),
    onComparisonChanged: () => router.refresh(),
  });
}
