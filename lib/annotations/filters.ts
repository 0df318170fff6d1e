// The side panel's filters (kind, status, author, tag, free text) as one rule
// that the exports apply on the server, with the same meaning as in the
// workbench: the text query matches the rationale, a tag or a quoted passage,
// ignoring case.

import { z } from "@/lib/zod";

import { annotationKinds, annotationStatuses, MAX_TAG_LENGTH } from "@/lib/annotations/schemas";

const blankAsAbsent = (value: unknown) => (value === "" ? undefined : value);

/** Query parameters of the exports: ?kind=&status=&author=&tag=&q= (empty means no filter). */
export const annotationFiltersSchema = z.object({
  kind: z.preprocess(blankAsAbsent, z.enum(annotationKinds).optional()),
  status: z.preprocess(blankAsAbsent, z.enum(annotationStatuses).optional()),
  author: z.preprocess(blankAsAbsent, z.string().uuid("must be a user id").optional()),
  tag: z.preprocess(blankAsAbsent, z.string().trim().max(MAX_TAG_LENGTH).optional()),
  q: z.preprocess(blankAsAbsent, z.string().trim().max(200).optional()),
});

export type AnnotationFilterQuery = z.output<typeof annotationFiltersSchema>;

type Searchable = { rationale: string; tags: readonly string[]; spans: ReadonlyArray<{ exact: string }> };

export function matchesTextQuery(annotation: Searchable, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return true;
  return (
    annotation.rationale.toLocaleLowerCase().includes(needle) ||
    annotation.tags.some((tag) => tag.toLocaleLowerCase().includes(needle)) ||
    annotation.spans.some((span) => span.exact.toLocaleLowerCase().includes(needle))
  );
}

/** The database half of the filters (the text query runs in matchesTextQuery). */
export function filtersWhere(filters: AnnotationFilterQuery) {
  return {
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.author ? { authorId: filters.author.toLowerCase() } : {}),
    ...(filters.tag ? { tags: { has: filters.tag } } : {}),
  };
}
