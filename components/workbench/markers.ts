import { paragraphIndexAt, splitParagraphs, type Paragraph } from "@/lib/anchoring/paragraphs";
import type { AnnotationView } from "@/lib/annotations/views";

// How many annotations touch each paragraph of each source, for the margin
// markers (paragraph-list.tsx). One pass over the spans.

const paragraphCache = new Map<string, Paragraph[]>();

export function paragraphsOf(text: string): Paragraph[] {
  let paragraphs = paragraphCache.get(text);
  if (!paragraphs) {
    if (paragraphCache.size > 16) paragraphCache.clear();
    paragraphs = splitParagraphs(text);
    paragraphCache.set(text, paragraphs);
  }
  return paragraphs;
}

export function paragraphMarkers(
  annotations: readonly AnnotationView[],
  texts: ReadonlyMap<string, string>,
): Map<string, Map<number, number>> {
  const result = new Map<string, Map<number, number>>();
  const lastSeen = new Map<string, Map<number, number>>();
  annotations.forEach((annotation, a) => {
    for (const span of annotation.spans) {
      const text = texts.get(span.sourceId);
      if (text === undefined) continue;
      const paragraphs = paragraphsOf(text);
      if (paragraphs.length === 0) continue;
      let counts = result.get(span.sourceId);
      let seen = lastSeen.get(span.sourceId);
      if (!counts || !seen) {
        result.set(span.sourceId, (counts = new Map()));
        lastSeen.set(span.sourceId, (seen = new Map()));
      }
      const first = paragraphIndexAt(paragraphs, span.start);
      const last = Math.max(first, paragraphIndexAt(paragraphs, Math.max(span.start, span.end - 1)));
      for (let i = first; i <= last; i++) {
        if (seen.get(i) === a) continue;
        seen.set(i, a);
        counts.set(i, (counts.get(i) ?? 0) + 1);
      }
    }
  });
  return result;
}
