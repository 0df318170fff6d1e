// Re-anchors one W3C selector (position + quote + context) in a text that may
// have changed since the span was described. Strategy, cheapest first:
//   1. the old position (or the caller's hint) still holds the quote → exact/moved;
//   2. the quote occurs verbatim elsewhere → the occurrence whose context and
//      position fit best → moved;
//   3. an approximate match (edit distance), near the expected position first,
//      then anywhere → fuzzy, if its score clears MIN_SCORE;
//   4. otherwise orphan. A span is never attached to look-alike text below the
//      threshold: showing nothing is better than highlighting the wrong words.

import { bestMatch, MIN_SCORE, type QuoteContext, type ScoredMatch } from "./match-quote";
import { splitsSurrogatePair, type Selector } from "./quote";
import { snapToContext } from "./snap-context";
import { approxMatches, exactMatches } from "./text-match";

export type AnchorStatus = "exact" | "moved" | "fuzzy" | "orphan";
export type AnchorResult =
  | { status: "exact" | "moved" | "fuzzy"; start: number; end: number; score: number }
  | { status: "orphan"; start?: undefined; end?: undefined; score?: number };

export type AnchorOptions = {
  /** Where the span is expected now (e.g. old start + the shift of its neighbours). */
  hint?: number;
  minScore?: number;
};

/** More exact occurrences than this (a very short quote) are narrowed to the nearest ones. */
const MAX_EXACT_CANDIDATES = 256;
/** A verbatim quote this long that occurs once is the span, whatever happened around it. */
const UNIQUE_QUOTE_LENGTH = 32;
/** How far around the expected position the first fuzzy search looks. */
const FUZZY_WINDOW = 4_000;

export function maxErrorsFor(quote: string): number {
  return Math.min(32, Math.floor(quote.length / 4));
}

/** The quote sits at `start` and at least one side of its context is unchanged. */
export function holdsAt(text: string, selector: Selector, start: number): boolean {
  if (start < 0 || !text.startsWith(selector.exact, start)) return false;
  const end = start + selector.exact.length;
  const prefixHolds = start >= selector.prefix.length && text.startsWith(selector.prefix, start - selector.prefix.length);
  return prefixHolds || text.startsWith(selector.suffix, end);
}

function found(selector: Selector, start: number, end: number, score: number, isFuzzy = false): AnchorResult {
  const status = isFuzzy ? "fuzzy" : start === selector.start && end === selector.end ? "exact" : "moved";
  return { status, start, end, score };
}

function nearest(matches: ScoredMatch[] | ReturnType<typeof exactMatches>, hint: number, limit: number) {
  if (matches.length <= limit) return matches;
  return [...matches].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, limit);
}

/** Widens a fuzzy match that starts or ends between the halves of an astral character. */
function wholeCharacters(text: string, start: number, end: number): [number, number] {
  return [splitsSurrogatePair(text, start) ? start - 1 : start, splitsSurrogatePair(text, end) ? end + 1 : end];
}

export function anchorSpan(text: string, selector: Selector, options: AnchorOptions = {}): AnchorResult {
  const { exact } = selector;
  if (exact.length === 0) return { status: "orphan" };
  const hint = Math.max(0, Math.min(text.length, options.hint ?? selector.start));
  const minScore = options.minScore ?? MIN_SCORE;
  const context: QuoteContext = { prefix: selector.prefix, suffix: selector.suffix, hint };

  if (holdsAt(text, selector, selector.start)) return found(selector, selector.start, selector.end, 1);
  if (hint !== selector.start && holdsAt(text, selector, hint)) return found(selector, hint, hint + exact.length, 1);

  const occurrences = exactMatches(text, exact);
  const exactBest = bestMatch(text, exact.length, nearest(occurrences, hint, MAX_EXACT_CANDIDATES), context);
  const isUniqueLong = occurrences.length === 1 && exact.length >= UNIQUE_QUOTE_LENGTH;
  if (exactBest && (exactBest.score >= minScore || isUniqueLong)) return found(selector, exactBest.start, exactBest.end, exactBest.score);

  const maxErrors = maxErrorsFor(exact);
  let rejected = exactBest?.score;
  if (maxErrors > 0) {
    const from = hint - FUZZY_WINDOW;
    const to = hint + exact.length + FUZZY_WINDOW;
    const windows: Array<[number, number]> = [[from, to]];
    if (from > 0 || to < text.length) windows.push([0, text.length]);
    for (const [lo, hi] of windows) {
      const matches = approxMatches(text, exact, maxErrors, lo, hi).map((m) => snapToContext(text, selector, m, maxErrors));
      const candidate = bestMatch(text, exact.length, matches, context);
      if (!candidate) continue;
      if (candidate.score >= minScore) {
        const [start, end] = wholeCharacters(text, candidate.start, candidate.end);
        return found(selector, start, end, candidate.score, candidate.errors > 0);
      }
      rejected = Math.max(rejected ?? 0, candidate.score);
    }
  }
  return rejected === undefined ? { status: "orphan" } : { status: "orphan", score: rejected };
}
