// Low-level text matching for re-anchoring: approximate (edit-distance)
// matches via approx-string-match, and edit distances.
// Offsets are UTF-16 code units, end exclusive.

import approxSearch from "approx-string-match";

export type TextMatch = { start: number; end: number; errors: number };

/**
 * The lowest-error approximate matches of `quote` inside text[from, to)
 * (approx-string-match reports only the best error count it finds).
 */
export function approxMatches(text: string, quote: string, maxErrors: number, from = 0, to = text.length): TextMatch[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (quote.length === 0 || hi <= lo) return [];
  return approxSearch(text.slice(lo, hi), quote, maxErrors).map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }));
}

/**
 * Levenshtein distance between `a` and `b` when it is at most `limit`, else
 * `limit + 1`. Only the diagonal band of width 2·limit + 1 is computed, so a
 * long quote costs O(length · limit), not O(length²).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const outside = limit + 1;
  // Cells outside the band keep `outside`; each row only resets the one stale cell left of its band.
  let previous = new Int32Array(b.length + 1).fill(outside);
  let current = new Int32Array(b.length + 1).fill(outside);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 && i <= limit ? i : outside;
    let rowMinimum = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, outside);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return outside;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Levenshtein distance; for short strings (context), where O(n·m) is cheap. */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Math.max(a.length, b.length));
}
