import { formatDate } from "@/components/history/format";
import type { AssessmentHistory } from "@/lib/assessments/history";
import { confidenceLabel, likelihoodLabel, type AnalyticConfidence, type Likelihood } from "@/lib/assessments/scale";

const actionLabel: Record<string, string> = {
  "assessment.create": "wrote the assessment",
  "assessment.update": "revised it",
  "assessment.submit": "submitted it for review",
  "assessment.withdraw": "withdrew it from review",
  "assessment.approve": "approved it",
  "assessment.request_changes": "requested changes",
  "assessment.reject": "rejected it",
};

const fieldLabel = { judgment: "Judgment", likelihood: "Likelihood", confidence: "Confidence", annotationIds: "Cited findings" } as const;

function show(field: keyof typeof fieldLabel, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (field === "likelihood") return likelihoodLabel[value as Likelihood] ?? String(value);
  if (field === "confidence") return confidenceLabel[value as AnalyticConfidence] ?? String(value);
  if (field === "annotationIds") return `${(value as string[]).length} finding(s)`;
  return String(value);
}

/** Every write, submission and decision on the assessment, oldest first. */
export function AssessmentHistoryList({ history }: { history: AssessmentHistory }) {
  return (
    <ol className="space-y-3 border-l border-slate-200 pl-4">
      {history.events.map((event) => (
        <li key={event.id} className="text-sm">
          <p className="text-slate-900">
            <span className="font-medium">{event.actor?.name ?? "Someone (account removed)"}</span>{" "}
            {actionLabel[event.action] ?? event.action}
            {event.version ? (
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">v{event.version}</span>
            ) : null}
          </p>
          <p className="text-xs text-slate-700">
            <time dateTime={event.createdAt}>{formatDate(event.createdAt)}</time>
          </p>
          {event.comment ? (
            <blockquote
              dir="auto"
              className="mt-1 rounded-md border-l-4 border-orange-300 bg-orange-50 px-3 py-1.5 whitespace-pre-wrap text-slate-900"
            >
              {event.comment}
            </blockquote>
          ) : null}
          {event.action === "assessment.update" && event.changes.length > 0 ? (
            <ul className="mt-1 space-y-0.5 text-xs text-slate-800">
              {event.changes.map((change) => (
                <li key={change.field}>
                  {fieldLabel[change.field]}: <del className="text-red-900">{show(change.field, change.before)}</del> →{" "}
                  <ins className="text-emerald-900 no-underline">{show(change.field, change.after)}</ins>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
