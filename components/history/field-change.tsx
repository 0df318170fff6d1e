import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import type { FieldChange, SpanValue } from "@/lib/history/diff";

import { fieldLabel } from "./labels";

// One changed field, before → after. Removed values struck through in red,
// added ones in green, with text labels so colour is not the only signal.

function renderValue(field: FieldChange["field"], value: unknown, sourceLabel: (id: string) => string): string {
  if (value === null || value === undefined) return "—";
  if (field === "status") return statusLabel[value as AnnotationStatus] ?? String(value);
  if (field === "kind") return kindLabel[value as AnnotationKind] ?? String(value);
  if (field === "tags") return (value as string[]).length ? (value as string[]).join(", ") : "(none)";
  if (field === "spans") return (value as SpanValue[]).map((span) => `${sourceLabel(span.sourceId)}: “${span.exact}”`).join("\n");
  return String(value);
}

export function FieldChangeRow({
  change,
  sourceLabel,
  isCreate,
}: {
  change: FieldChange;
  sourceLabel: (id: string) => string;
  isCreate: boolean;
}) {
  const before = renderValue(change.field, change.before, sourceLabel);
  const after = renderValue(change.field, change.after, sourceLabel);
  const isLong = change.field === "rationale" || change.field === "spans";
  return (
    <div className="grid grid-cols-[6rem_1fr] gap-2 text-sm">
      <dt className="text-xs leading-6 font-semibold text-slate-500">{fieldLabel[change.field]}</dt>
      {isCreate ? (
        <dd className="leading-6 whitespace-pre-wrap text-slate-800">{after}</dd>
      ) : isLong ? (
        <dd className="space-y-1">
          <p className="rounded bg-red-50 px-2 py-1 whitespace-pre-wrap text-red-900">
            <span className="sr-only">Before: </span>
            <del>{before}</del>
          </p>
          <p className="rounded bg-emerald-50 px-2 py-1 whitespace-pre-wrap text-emerald-900">
            <span className="sr-only">After: </span>
            <ins className="no-underline">{after}</ins>
          </p>
        </dd>
      ) : (
        <dd className="leading-6">
          <span className="sr-only">Before: </span>
          <del className="rounded bg-red-50 px-1.5 text-red-900">{before}</del>
          <span aria-hidden className="mx-1.5 text-slate-400">
            →
          </span>
          <span className="sr-only">After: </span>
          <ins className="rounded bg-emerald-50 px-1.5 text-emerald-900 no-underline">{after}</ins>
        </dd>
      )}
    </div>
  );
}
