"use client";

import { activityVerb } from "@/lib/live/presence-activity";

import { useOthersOnAnnotation } from "./use-presence-activity";

/** "Rey Reviewer is reviewing" — who else has this annotation open (soft presence, not a lock). */
export function AnnotationPresence({ annotationId }: { annotationId: string }) {
  const others = useOthersOnAnnotation(annotationId);
  return (
    <p
      aria-live="polite"
      data-testid="annotation-presence"
      className={others.length ? "px-4 pt-3 text-xs font-medium text-indigo-800" : "sr-only"}
    >
      {others.map((other) => `${other.name} ${activityVerb[other.activity]}`).join(" · ")}
    </p>
  );
}
