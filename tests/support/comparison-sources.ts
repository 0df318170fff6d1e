// The one place out-of-process tests read a comparison's sources from
// `GET /api/v1/comparisons/:id`. Accepts both shapes of the answer: `sources`
// (2–12, in order) and the older `left`/`right` pair.

export type ComparisonSource = { id: string; text: string };

type SourceLike = { id: string; text: string };

export function readComparisonSources(comparison: unknown): ComparisonSource[] {
  const record = comparison as { sources?: SourceLike[]; left?: SourceLike; right?: SourceLike };
  const sources = record.sources ?? [record.left, record.right].filter((source): source is SourceLike => Boolean(source));
  if (sources.length < 2) throw new Error("The comparison answer names fewer than two sources");
  return sources.map(({ id, text }) => ({ id, text }));
}

/** A span of 3–10 whole words at a random place of `text`, as the API takes it. */
export function pickSpan(source: ComparisonSource, random: () => number = Math.random) {
  const { text } = source;
  let start = Math.floor(random() * Math.max(1, text.length - 200));
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  let end = start;
  const words = 3 + Math.floor(random() * 8);
  for (let i = 0; i < words && end < text.length; i++) {
    end++;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
  }
  // Never end inside a surrogate pair: the server refuses a split character.
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
  return { sourceId: source.id, start, end, exact: text.slice(start, end) };
}

/** The service/API input that creates a comparison over existing sources, in order (2–12). */
export function comparisonInput(title: string, sourceIds: string[]) {
  return { title, sourceIds };
}
