// A comparison's annotations as a W3C AnnotationCollection split into
// AnnotationPages (model section 5). The collection document embeds its first
// page; `?page=n` serves each page on its own with `partOf`, `next`, `prev`.

import type { ParallaxIris } from "@/lib/interop/public-url";

import type { ExportComparison } from "./types";
import type { W3cObject } from "./to-w3c";
import { EXPORT_CONTEXT, EXTENSION_TERMS as X } from "./vocabulary";

export const DEFAULT_PAGE_SIZE = 1_000;
export const MAX_PAGE_SIZE = 5_000;

export type PageRequest = { page: number; pageSize: number };

type PageInput = {
  iris: ParallaxIris;
  comparison: ExportComparison;
  total: number;
  request: PageRequest;
  items: W3cObject[];
};

function pageIri(input: Omit<PageInput, "items">, page: number): string {
  const query = input.request.pageSize === DEFAULT_PAGE_SIZE ? `page=${page}` : `page=${page}&pageSize=${input.request.pageSize}`;
  return `${input.iris.collection(input.comparison.id)}?${query}`;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.ceil(total / pageSize);
}

function sourcesExtension(iris: ParallaxIris, comparison: ExportComparison): W3cObject[] {
  return comparison.sources.map((source) => ({
    id: source.url ?? iris.source(source.id),
    [X.sourceLabel]: source.label,
    [X.sourceTitle]: source.title,
    ...(source.reliability ? { [X.reliability]: source.reliability } : {}),
    ...(source.reliabilityNote ? { [X.reliabilityNote]: source.reliabilityNote } : {}),
  }));
}

function page(input: PageInput): W3cObject {
  const { page: index } = input.request;
  const last = pageCount(input.total, input.request.pageSize) - 1;
  return {
    id: pageIri(input, index),
    type: "AnnotationPage",
    startIndex: index * input.request.pageSize,
    ...(index > 0 ? { prev: pageIri(input, index - 1) } : {}),
    ...(index < last ? { next: pageIri(input, index + 1) } : {}),
    items: input.items,
  };
}

/** The collection document, with the first page embedded (no `first`/`last` when it is empty). */
export function toW3cCollection(input: PageInput): W3cObject {
  const last = pageCount(input.total, input.request.pageSize) - 1;
  return {
    "@context": EXPORT_CONTEXT,
    id: input.iris.collection(input.comparison.id),
    type: "AnnotationCollection",
    label: input.comparison.title,
    total: input.total,
    ...(input.total > 0 ? { first: page({ ...input, request: { ...input.request, page: 0 } }), last: pageIri(input, last) } : {}),
    [X.sources]: sourcesExtension(input.iris, input.comparison),
  };
}

/** One page on its own, pointing back at its collection. */
export function toW3cPage(input: PageInput): W3cObject {
  return {
    "@context": EXPORT_CONTEXT,
    ...page(input),
    partOf: {
      id: input.iris.collection(input.comparison.id),
      type: "AnnotationCollection",
      label: input.comparison.title,
      total: input.total,
    },
  };
}
