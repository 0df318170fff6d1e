// Low-level text matching for re-anchoring: exact occurrences, approximate
// (edit-distance) matches via approx-string-match, and a similarity measure
// for short context strings. Offsets are UTF-16 code units, end exclusive.

import approxSearch from "approx-string-match";

export type TextMatch = { start: number; end: number; errors: number };

/** Exact occurrences of `quote` starting inside text[from, to), at most `limit` of them. */
export function exactMatches(text: string, quote: string, from = 0, to = text.length, limit = Infinity): TextMatch[] {
  const matches: TextMatch[] = [];
  if (quote.length === 0) return matches;
  let index = text.indexOf(quote, Math.max(0, from));
  while (index !== -1 && index < to && matches.length < limit) {
    matches.push({ start: index, end: index + quote.length, errors: 0 });
    index = text.indexOf(quote, index + 1);
  }
  return matches;
}

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

/** Levenshtein distance; context strings are short (≤ 32 units by default), so O(n·m) is cheap. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 for identical strings, 0 for entirely different ones; an empty expectation always agrees. */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0 || actual === expected) return 1;
  return Math.max(0, 1 - editDistance(actual, expected) / expected.length);
}
