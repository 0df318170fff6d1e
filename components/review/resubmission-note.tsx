import { FieldChangeRow } from "@/components/history/field-change";
import { formatDate } from "@/components/history/format";
import { decisionLabel } from "@/lib/annotations/state";
import type { Resubmission } from "@/lib/reviews/resubmission";

/** On a resubmitted annotation: the earlier reviewer's request, and what changed since. */
export function ResubmissionNote({ resubmission, sourceLabel }: { resubmission: Resubmission; sourceLabel: (id: string) => string }) {
  const { earlier, changes } = resubmission;
  return (
    <section aria-labelledby="resubmission-title" className="rounded-lg border border-orange-300 bg-orange-50 p-4">
      <h2 id="resubmission-title" className="text-sm font-semibold text-orange-950">
        Resubmitted after a review
      </h2>
      <p className="mt-1 text-sm text-slate-800">
        <span className="font-medium">{earlier.reviewer.name}</span> {decisionLabel[earlier.decision]} on version{" "}
        {earlier.annotationVersion}, {formatDate(earlier.createdAt)}:
      </p>
      {earlier.comment ? (
        <blockquote dir="auto" className="mt-1 border-l-4 border-orange-400 pl-3 text-sm whitespace-pre-wrap text-slate-900">
          {earlier.comment}
        </blockquote>
      ) : null}
      <h3 className="mt-3 text-sm font-semibold text-slate-900">What changed since</h3>
      {changes === null ? (
        <p className="text-sm text-slate-700">The version that was reviewed is not in the history, so the changes cannot be shown.</p>
      ) : changes.length === 0 ? (
        <p className="text-sm text-slate-700">Nothing: it was resubmitted unchanged.</p>
      ) : (
        <dl className="mt-2 space-y-1.5 rounded-md border border-slate-200 bg-white p-3">
          {changes.map((change) => (
            <FieldChangeRow key={change.field} change={change} sourceLabel={sourceLabel} isCreate={false} />
          ))}
        </dl>
      )}
    </section>
  );
}
