import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";

export const kindBadge: Record<AnnotationKind, string> = {
  agreement: "bg-emerald-100 text-emerald-900 ring-emerald-600/30",
  contradiction: "bg-red-100 text-red-900 ring-red-600/30",
  note: "bg-blue-100 text-blue-900 ring-blue-600/30",
};

/** A glyph per kind so the badge does not rely on colour alone. */
export const kindGlyph: Record<AnnotationKind, string> = { agreement: "=", contradiction: "≠", note: "✎" };

export const statusBadge: Record<AnnotationStatus, string> = {
  draft: "border border-dashed border-slate-400 text-slate-700",
  in_review: "bg-amber-100 text-amber-900",
  approved: "bg-emerald-700 text-white",
  changes_requested: "bg-orange-100 text-orange-900",
  rejected: "bg-slate-200 text-slate-600 line-through",
};
