import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";
import { kindLabel, statusLabel } from "@/lib/annotations/state";

import { kindBadge, kindGlyph, statusBadge } from "./labels";

export function KindBadge({ kind }: { kind: AnnotationKind }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${kindBadge[kind]}`}>
      <span aria-hidden>{kindGlyph[kind]}</span>
      {kindLabel[kind]}
    </span>
  );
}

export function StatusBadge({ status }: { status: AnnotationStatus }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-medium ${statusBadge[status]}`}>{statusLabel[status]}</span>;
}
