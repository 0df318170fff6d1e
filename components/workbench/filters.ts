import type { AnnotationView } from "@/lib/annotations/views";

export type AnnotationFilters = { kind: string; status: string; author: string; tag: string; query: string };

export const emptyFilters: AnnotationFilters = { kind: "", status: "", author: "", tag: "", query: "" };

/** How many of the select filters are set (the search box is always visible). */
export function activeFilterCount(filters: AnnotationFilters): number {
  return [filters.kind, filters.status, filters.author, filters.tag].filter(Boolean).length;
}

// Lower-cased text of each annotation, built once per annotation object, so a
// keystroke in the search box scans 5,000 annotations in a few milliseconds.
const haystacks = new WeakMap<AnnotationView, string>();

function haystackOf(annotation: AnnotationView): string {
  let text = haystacks.get(annotation);
  if (text === undefined) {
    text = [annotation.rationale, ...annotation.tags, ...annotation.spans.map((s) => s.exact)].join("\n").toLocaleLowerCase();
    haystacks.set(annotation, text);
  }
  return text;
}

export function filterAnnotations(annotations: readonly AnnotationView[], filters: AnnotationFilters): AnnotationView[] {
  const query = filters.query.trim().toLocaleLowerCase();
  return annotations.filter(
    (a) =>
      (!filters.kind || a.kind === filters.kind) &&
      (!filters.status || a.status === filters.status) &&
      (!filters.author || a.author.id === filters.author) &&
      (!filters.tag || a.tags.includes(filters.tag)) &&
      (!query || haystackOf(a).includes(query)),
  );
}
