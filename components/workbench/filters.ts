import type { AnnotationView } from "@/lib/annotations/views";

export type AnnotationFilters = { kind: string; status: string; author: string; tag: string; query: string };

export const emptyFilters: AnnotationFilters = { kind: "", status: "", author: "", tag: "", query: "" };

export function filterAnnotations(annotations: AnnotationView[], filters: AnnotationFilters): AnnotationView[] {
  const query = filters.query.trim().toLocaleLowerCase();
  return annotations.filter(
    (a) =>
      (!filters.kind || a.kind === filters.kind) &&
      (!filters.status || a.status === filters.status) &&
      (!filters.author || a.author.id === filters.author) &&
      (!filters.tag || a.tags.includes(filters.tag)) &&
      (!query ||
        a.rationale.toLocaleLowerCase().includes(query) ||
        a.tags.some((t) => t.toLocaleLowerCase().includes(query)) ||
        a.spans.some((s) => s.exact.toLocaleLowerCase().includes(query))),
  );
}
