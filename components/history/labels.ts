import type { AuditAction } from "@/lib/audit/actions";
import type { TrackedField } from "@/lib/history/diff";

/** An annotation's audit actions as sentences ("Rey approved it"). */
const actionLabels: Partial<Record<AuditAction, string>> = {
  "annotation.create": "created the annotation",
  "annotation.update": "edited it",
  "annotation.submit": "submitted it for review",
  "annotation.withdraw": "withdrew it from review",
  "annotation.approve": "approved it",
  "annotation.request_changes": "requested changes",
  "annotation.reject": "rejected it",
  "annotation.delete": "deleted it",
  "annotation.reanchor": "added a source version that changed its passages",
  "annotation.span_keep": "kept a passage on the version it was made on",
};

export function actionLabel(action: string): string {
  return actionLabels[action as AuditAction] ?? action;
}

export function actionTone(action: string): string {
  if (action.endsWith("approve")) return "bg-emerald-600";
  if (action.endsWith("request_changes")) return "bg-orange-500";
  if (action.endsWith("reject") || action.endsWith("delete")) return "bg-slate-500";
  if (action.endsWith("submit")) return "bg-amber-500";
  if (action.endsWith("withdraw")) return "bg-slate-400";
  return "bg-indigo-600";
}

export const fieldLabel: Record<TrackedField, string> = {
  status: "Status",
  kind: "Kind",
  rationale: "Rationale",
  confidence: "Confidence",
  credibility: "Credibility",
  tags: "Tags",
  spans: "Passages",
};
