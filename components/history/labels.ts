import type { TrackedField } from "@/lib/history/diff";

/** Audit actions as sentences; seeded data uses `review.*`, the service `annotation.*`. */
const actionLabels: Record<string, string> = {
  "annotation.create": "created the annotation",
  "annotation.update": "edited it",
  "annotation.submit": "submitted it for review",
  "annotation.approve": "approved it",
  "annotation.request_changes": "requested changes",
  "annotation.reject": "rejected it",
  "annotation.delete": "deleted it",
  "review.approve": "approved it",
  "review.request_changes": "requested changes",
  "review.reject": "rejected it",
};

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

export function actionTone(action: string): string {
  if (action.endsWith("approve")) return "bg-emerald-600";
  if (action.endsWith("request_changes")) return "bg-orange-500";
  if (action.endsWith("reject") || action.endsWith("delete")) return "bg-slate-500";
  if (action.endsWith("submit")) return "bg-amber-500";
  return "bg-indigo-600";
}

export const fieldLabel: Record<TrackedField, string> = {
  status: "Status",
  kind: "Kind",
  rationale: "Rationale",
  confidence: "Confidence",
  tags: "Tags",
  spans: "Passages",
};
