import type { VersionOutcome } from "@/lib/versions/views";

/** What a new version did to the passages on the source, in words. */
export function ReanchorSummary({ outcome }: { outcome: VersionOutcome }) {
  if (!outcome.changed) {
    return (
      <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800" data-testid="reanchor-summary">
        No change: the cleaned text is the same as version {outcome.version.number}. Nothing was stored.
      </p>
    );
  }
  const { unchanged, changed, orphaned, annotationsFlagged } = outcome.summary;
  return (
    <div
      role="status"
      className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-slate-900 ring-1 ring-emerald-200"
      data-testid="reanchor-summary"
    >
      <p className="font-semibold">Version {outcome.version.number} saved.</p>
      <p>
        Passages re-anchored: <strong>{unchanged}</strong> unchanged, <strong>{changed}</strong> changed, <strong>{orphaned}</strong>{" "}
        orphaned.
      </p>
      <p>
        {annotationsFlagged === 0
          ? "No finding needs a re-check."
          : `${annotationsFlagged} finding${annotationsFlagged === 1 ? "" : "s"} flagged for re-check; their authors and reviewers were notified.`}
      </p>
    </div>
  );
}
