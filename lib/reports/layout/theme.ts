import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";

// Page geometry and colours of the report, in PDF points (1/72 in).

export const pageSize = { width: 595.28, height: 841.89 } as const; // A4
export const margins = { top: 64, bottom: 60, left: 56, right: 56 } as const;
export const contentWidth = pageSize.width - margins.left - margins.right;
export const contentBottom = pageSize.height - margins.bottom;
/** Space a section may use on a page of its own. */
export const freshPageHeight = contentBottom - margins.top;

export const columnGap = 14;
export const columnWidth = (contentWidth - columnGap) / 2;
export const panelPadding = 8;
export const quoteWidth = columnWidth - panelPadding * 2 - 3;

export const colors = {
  text: "#0f172a",
  muted: "#475569",
  faint: "#94a3b8",
  rule: "#cbd5e1",
  panel: "#f1f5f9",
  accent: "#4338ca",
} as const;

export const kindColor: Record<AnnotationKind, string> = {
  agreement: "#047857",
  contradiction: "#b91c1c",
  note: "#1d4ed8",
};

export const statusColor: Record<AnnotationStatus, string> = {
  draft: "#64748b",
  in_review: "#b45309",
  approved: "#047857",
  changes_requested: "#c2410c",
  rejected: "#334155",
};

export const sizes = { title: 24, h1: 15, h2: 11.5, body: 10, quote: 9.5, small: 8.5, tiny: 7.5 } as const;
