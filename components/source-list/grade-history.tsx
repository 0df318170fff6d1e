import { formatDate } from "@/components/history/format";
import type { GradeChange } from "@/lib/comparisons/sources-overview";

/** Every change of a source's grade in this comparison, newest first, from the audit trail. */
export function GradeHistory({ changes, label }: { changes: GradeChange[]; label: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-indigo-800 hover:underline">
        Grading history of {label} ({changes.length})
      </summary>
      {changes.length === 0 ? (
        <p className="mt-2 text-slate-700">No change recorded.</p>
      ) : (
        <ol className="mt-2 space-y-2 border-l border-slate-200 pl-3">
          {changes.map((change, index) => (
            <li key={`${change.at}-${index}`}>
              <p className="text-slate-800">
                <span className="font-medium">{change.actor?.name ?? "Someone (account removed)"}</span> graded it{" "}
                <strong>{change.after.reliability ?? "—"}</strong>
                {change.before.reliability ? <span className="text-slate-600"> (was {change.before.reliability})</span> : null}
              </p>
              <p className="text-xs text-slate-600">
                <time dateTime={change.at}>{formatDate(change.at)}</time>
              </p>
              {change.after.note ? <p className="mt-0.5 whitespace-pre-wrap text-slate-700">{change.after.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
