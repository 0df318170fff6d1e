import { annotationKinds, annotationStatuses } from "@/lib/annotations/schemas";
import type { CountTable, ReportAnnotation } from "@/lib/reports/types";

export function countAnnotations(annotations: ReadonlyArray<Pick<ReportAnnotation, "kind" | "status">>): CountTable {
  const table: CountTable = {
    byKind: Object.fromEntries(annotationKinds.map((kind) => [kind, 0])) as CountTable["byKind"],
    byStatus: Object.fromEntries(annotationStatuses.map((status) => [status, 0])) as CountTable["byStatus"],
  };
  for (const annotation of annotations) {
    table.byKind[annotation.kind] += 1;
    table.byStatus[annotation.status] += 1;
  }
  return table;
}
