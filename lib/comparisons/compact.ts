import { describeSpan } from "@/lib/anchoring/quote";
import { spanNeedsRecheck, type AnnotationView, type SpanView } from "@/lib/annotations/views";
import type { ComparisonDetail } from "@/lib/comparisons/views";

// The compact form of a comparison (`GET /api/v1/comparisons/:id?form=compact`,
// and what the workbench page sends to the browser). Same sources, same
// annotations, same meaning as the readable form, without what repeats:
// authors are listed once and referred to by index; a span is
// `[sourceIndex, start, end]` when it was made on the source's latest version
// and still stands there unchanged at those offsets (the usual case), else
// the full span (its version, anchor and id) with `sourceIndex` in place of
// `sourceId`; only the creation time is kept. At 5,000 annotations this is
// about a third of the readable form.

export type CompactFullSpan = Omit<SpanView, "sourceId"> & { sourceIndex: number };
export type CompactSpan = [number, number, number] | CompactFullSpan;

type CompactSource = { id: string; text: string; version: SpanView["version"] };

/** The span in compact form against its comparison's sources (latest texts). */
export function compactSpan(span: SpanView, sources: readonly CompactSource[], sourceIndex: ReadonlyMap<string, number>): CompactSpan {
  const index = sourceIndex.get(span.sourceId) ?? -1;
  const source = sources[index];
  const { anchor } = span;
  const isPlain =
    source !== undefined &&
    span.version.id === source.version.id &&
    anchor.status === "unchanged" &&
    anchor.intactVersion.id === source.version.id &&
    anchor.start === span.start &&
    anchor.end === span.end &&
    anchor.keptAt === null &&
    span.end - span.start === span.exact.length &&
    source.text.startsWith(span.exact, span.start);
  if (isPlain) return [index, span.start, span.end];
  const { sourceId: _sourceId, ...rest } = span;
  return { ...rest, sourceIndex: index };
}

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
      spans: annotation.spans.map((span) => compactSpan(span, detail.sources, sourceIndex)),
    };
  });
  return { ...rest, form: "compact", authors, annotations: compact };
}

/** Back to readable annotations. Plain spans get the id `annotationId:position` (the compact form does not carry it). */
export function fromCompactAnnotations(
  compact: Pick<CompactComparison, "id" | "authors" | "annotations"> & { sources: readonly CompactSource[] },
): AnnotationView[] {
  return compact.annotations.map((annotation) => {
    const spans = annotation.spans.map((span, position): SpanView => {
      if (!Array.isArray(span)) {
        const { sourceIndex, ...rest } = span;
        return { ...rest, sourceId: compact.sources[sourceIndex]?.id ?? "" };
      }
      const [index, start, end] = span;
      const source = compact.sources[index];
      const text = source?.text ?? "";
      const version = source?.version ?? { id: "", number: 0, createdAt: "" };
      const { exact, prefix, suffix } = describeSpan(text, start, end);
      return {
        id: `${annotation.id}:${position}`,
        sourceId: source?.id ?? "",
        start,
        end,
        exact,
        prefix,
        suffix,
        version,
        anchor: { status: "unchanged", start, end, exact, intactVersion: version, keptAt: null },
      };
    });
    return {
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
      spans,
      needsRecheck: spans.some(spanNeedsRecheck),
    };
  });
}
