import "server-only";

import { annotationFiltersSchema, filtersWhere, matchesTextQuery, type AnnotationFilterQuery } from "@/lib/annotations/filters";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { annotationHeader, annotationRow } from "@/lib/interop/csv/annotation-rows";
import { toCsv } from "@/lib/interop/csv/csv";
import { loadExportAnnotations, loadExportComparison } from "@/lib/interop/load-export";
import { parseInput, type UntrustedInput } from "@/lib/validation";

/** The annotations the actor may see, filtered as in the side panel, as CSV (RFC 4180, UTF-8 with BOM). */
export async function exportCsv(
  actor: Actor,
  comparisonId: string,
  query: Partial<AnnotationFilterQuery> | UntrustedInput = {},
): Promise<{ csv: string; title: string; count: number }> {
  assertPermission(actor, "report.export");
  const filters = parseInput(annotationFiltersSchema, query);
  const comparison = await loadExportComparison(comparisonId);
  const loaded = await loadExportAnnotations(actor, comparison.id, { where: filtersWhere(filters) });
  const annotations = filters.q ? loaded.filter((annotation) => matchesTextQuery(annotation, filters.q!)) : loaded;
  const csv = toCsv([annotationHeader(comparison), ...annotations.map((annotation) => annotationRow(comparison, annotation))]);
  return { csv, title: comparison.title, count: annotations.length };
}
