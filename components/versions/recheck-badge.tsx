import type { AnnotationView } from "@/lib/annotations/views";

/**
 * "Needs re-check": a new source version changed or removed a passage of this
 * finding. An approved finding keeps its approval for the version it was
 * approved on, and says so.
 */
export function RecheckBadge({ annotation }: { annotation: Pick<AnnotationView, "needsRecheck" | "status"> }) {
  if (!annotation.needsRecheck) return null;
  const label = annotation.status === "approved" ? "Approved on older version" : "Needs re-check";
  return (
    <span
      className="inline-flex items-center gap-1 rounded bg-orange-100 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-orange-900 ring-1 ring-orange-300 ring-inset"
      title="A new version of a source changed or removed a passage of this finding."
      data-testid="recheck-badge"
    >
      <span aria-hidden>⟳</span>
      {label}
      {annotation.status === "approved" ? <span className="sr-only">: a source changed, re-check it</span> : null}
    </span>
  );
}
