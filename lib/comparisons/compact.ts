import type { AnnotationView } from "@/lib/annotations/views";
import type { ComparisonDetail } from "@/lib/comparisons/views";

// The compact form of a comparison (`GET /api/v1/comparisons/:id?form=compact`,
// and what the workbench page sends to the browser). Same sources, same
// annotations, same meaning as the readable form, without what repeats:
// authors are listed once and referred to by index; a span is
// `[sourceIndex, start, end]` when the source text still holds its quote at
// those offsets, else `[sourceIndex, start, end, exact, prefix, suffix]`;
// only the creation time is kept. At 5,000 annotations this is about a third
// of the readable form.

export type CompactSpan = [number, number, number] | [number, number, number, string, string, string];

export type CompactAnnotation = {
  id: string;
  kind: AnnotationView["kind"];
  status: AnnotationView["status"];
  version: number;
  /** Index into `authors`. */
  author: number;
  rationale: string;
  confidence: AnnotationView["confidence"];
  credibility: number | null;
  tags: string[];
  createdAt: string;
  spans: CompactSpan[];
};

export type CompactComparison = Omit<ComparisonDetail, "annotations"> & {
  form: "compact";
  authors: Array<{ id: string; name: string }>;
  annotations: CompactAnnotation[];
};

export function toCompactComparison(detail: ComparisonDetail): CompactComparison {
  const { annotations, ...rest } = detail;
  const sourceIndex = new Map(detail.sources.map((source, i) => [source.id, i]));
  const authorIndex = new Map<string, number>();
  const authors: CompactComparison["authors"] = [];
  const compact = annotations.map((annotation): CompactAnnotation => {
    let author = authorIndex.get(annotation.author.id);
    if (author === undefined) {
      author = authors.push(annotation.author) - 1;
      authorIndex.set(annotation.author.id, author);
    }
    return {
      id: annotation.id,
      kind: annotation.kind,
      status: annotation.status,
      version: annotation.version,
      author,
      rationale: annotation.rationale,
      confidence: annotation.confidence,
      credibility: annotation.credibility,
      tags: annotation.tags,
      createdAt: annotation.createdAt,
      spans: annotation.spans.map((span): CompactSpan => {
        const index = sourceIndex.get(span.sourceId) ?? -1;
        const text = detail.sources[index]?.text;
        const holds = text !== undefined && text.slice(span.start, span.end) === span.exact;
        return holds ? [index, span.start, span.end] : [index, span.start, span.end, span.exact, span.prefix, span.suffix];
      }),
    };
  });
  return { ...rest, form: "compact", authors, annotations: compact };
}

/** Back to readable annotations. Span ids become `annotationId:position` (the compact form does not carry them). */
export function fromCompactAnnotations(compact: Pick<CompactComparison, "id" | "sources" | "authors" | "annotations">): AnnotationView[] {
  return compact.annotations.map((annotation) => ({
    id: annotation.id,
    comparisonId: compact.id,
    kind: annotation.kind,
    status: annotation.status,
    version: annotation.version,
    author: compact.authors[annotation.author] ?? { id: "", name: "Unknown" },
    rationale: annotation.rationale,
    confidence: annotation.confidence,
    credibility: annotation.credibility,
    tags: annotation.tags,
    createdAt: annotation.createdAt,
    updatedAt: annotation.createdAt,
    submittedAt: null,
    decidedAt: null,
    spans: annotation.spans.map(([index, start, end, exact, prefix, suffix], position) => {
      const source = compact.sources[index];
      const text = source?.text ?? "";
      return {
        id: `${annotation.id}:${position}`,
        sourceId: source?.id ?? "",
        start,
        end,
        exact: exact ?? text.slice(start, end),
        prefix: prefix ?? text.slice(Math.max(0, start - 32), start),
        suffix: suffix ?? text.slice(end, end + 32),
      };
    }),
  }));
}
