import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { countExportAnnotations, loadExportAnnotations, loadExportComparison, loadVersionConverters } from "@/lib/interop/load-export";
import { parallaxIris } from "@/lib/interop/public-url";
import { w3cQuerySchema, type W3cQuery } from "@/lib/interop/schemas";
import { pageCount, toW3cCollection, toW3cPage } from "@/lib/interop/w3c/collection";
import { toW3cAnnotation, type W3cObject } from "@/lib/interop/w3c/to-w3c";
import { parseInput, type UntrustedInput } from "@/lib/validation";

export type W3cExportOptions = { baseUrl: string };

/**
 * The comparison's annotations (those the actor may see) as a W3C
 * AnnotationCollection with its first page embedded, or, with `page`, one
 * AnnotationPage.
 */
export async function exportW3c(
  actor: Actor,
  comparisonId: string,
  query: W3cQuery | UntrustedInput,
  options: W3cExportOptions,
): Promise<{ document: W3cObject; title: string }> {
  assertPermission(actor, "report.export");
  const request = parseInput(w3cQuerySchema, query);
  const comparison = await loadExportComparison(comparisonId);
  const total = await countExportAnnotations(actor, comparison.id);
  const page = request.page ?? 0;
  if (request.page !== undefined && page >= Math.max(1, pageCount(total, request.pageSize))) {
    throw new AppError("not_found", `This collection has ${pageCount(total, request.pageSize)} page(s); page numbers start at 0.`);
  }
  const annotations = await loadExportAnnotations(actor, comparison.id, { skip: page * request.pageSize, take: request.pageSize });
  const iris = parallaxIris(options.baseUrl);
  const context = {
    iris,
    sources: new Map(comparison.sources.map((source) => [source.id, source])),
    converterFor: await loadVersionConverters(annotations),
  };
  const items = annotations.map((annotation) => toW3cAnnotation(context, annotation));
  const input = { iris, comparison, total, request: { page, pageSize: request.pageSize }, items };
  return { document: request.page === undefined ? toW3cCollection(input) : toW3cPage(input), title: comparison.title };
}
