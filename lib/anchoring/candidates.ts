// Where a quote might be now, in normalized text. Three sources of
// candidates, all cheap enough to run for every span that did not stay put:
//   - exact occurrences of the quote (the nearest ones when there are many);
//   - approximate matches near the expected position, their edges snapped
//     onto the stored context;
//   - "bracketed" regions anywhere in the text: right after an occurrence of
//     the stored prefix, or right before one of the stored suffix, whatever
//     the quote now says there (a moved and edited passage).
// Candidates are only proposals; evidence.ts decides whether one is trusted.

import { contextHolds, type EmptyContext } from "./context-agreement";
import type { NormalizedQuote } from "./normalize-selector";
import { snapToContext } from "./snap-context";
import { approxMatches, boundedEditDistance, exactMatches, type TextMatch } from "./text-match";
import type { WindowCounts } from "./window-counts";

/** Exact occurrences, skipping the search when the text's window counts prove there are none. */
function occurrencesOf(text: string, needle: string, windows?: WindowCounts): TextMatch[] {
  return windows && !windows.mayContain(needle) ? [] : exactMatches(text, needle);
}

/** More exact occurrences than this (a very short quote) are narrowed to the nearest ones. */
const MAX_EXACT_CANDIDATES = 256;
/** Occurrences of a stored context examined for a bracketed region. */
const MAX_CONTEXT_OCCURRENCES = 16;
/** How far around the expected position approximate search looks (bracketing reaches the rest of the text). */
const FUZZY_WINDOW = 1_000;

/** Errors a changed quote may have and still count as the same passage reworded (a quarter, at most 32). */
export function maxErrorsFor(quote: string): number {
  return Math.min(32, Math.floor(quote.length / 4));
}

function nearest<T extends { start: number }>(items: T[], hint: number, limit: number): T[] {
  if (items.length <= limit) return items;
  return [...items].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, limit);
}

export function exactCandidates(text: string, quote: string, hint: number, windows?: WindowCounts): TextMatch[] {
  return nearest(occurrencesOf(text, quote, windows), hint, MAX_EXACT_CANDIDATES);
}

function asQuote(selector: NormalizedQuote) {
  return { exact: selector.quote, prefix: selector.prefix, suffix: selector.suffix };
}

function nearbyMatches(text: string, selector: NormalizedQuote, hint: number, maxErrors: number): TextMatch[] {
  const { quote } = selector;
  return approxMatches(text, quote, maxErrors, hint - FUZZY_WINDOW, hint + quote.length + FUZZY_WINDOW).map((match) =>
    snapToContext(text, asQuote(selector), match, maxErrors),
  );
}

/** Offsets where the quote would start (after the prefix) or end (before the suffix). */
function contextEdges(text: string, context: string, hint: number, isPrefix: boolean, emptyContext: EmptyContext, windows?: WindowCounts): number[] {
  if (context.length === 0) {
    if (emptyContext === "unknown") return [];
    return [isPrefix ? (text.startsWith(" ") ? 1 : 0) : text.endsWith(" ") ? text.length - 1 : text.length];
  }
  const found = nearest(occurrencesOf(text, context, windows), hint, MAX_CONTEXT_OCCURRENCES);
  return found.map((match) => (isPrefix ? match.end : match.start));
}

function bracketedMatches(text: string, selector: NormalizedQuote, hint: number, maxErrors: number, emptyContext: EmptyContext, windows?: WindowCounts) {
  const { quote } = selector;
  const matches: TextMatch[] = [];
  const settle = (start: number, end: number) => {
    const snapped = snapToContext(text, asQuote(selector), { start, end, errors: maxErrors }, maxErrors);
    const errors = boundedEditDistance(text.slice(snapped.start, snapped.end), quote, maxErrors);
    if (errors <= maxErrors && snapped.end > snapped.start) matches.push({ ...snapped, errors });
  };
  for (const start of contextEdges(text, selector.prefix, hint, true, emptyContext, windows)) {
    const found = approxMatches(text, quote, maxErrors, start, start + quote.length + maxErrors);
    const end = found.length > 0 ? Math.max(...found.map((m) => m.end)) : start + quote.length;
    settle(start, Math.min(text.length, end));
  }
  for (const end of contextEdges(text, selector.suffix, hint, false, emptyContext, windows)) {
    const found = approxMatches(text, quote, maxErrors, end - quote.length - maxErrors, end);
    const start = found.length > 0 ? Math.min(...found.map((m) => m.start)) : end - quote.length;
    settle(Math.max(0, start), end);
  }
  return matches;
}

/** Approximate candidates near the hint and bracketed by the stored context anywhere; none for short quotes. */
export function fuzzyCandidates(text: string, selector: NormalizedQuote, hint: number, emptyContext: EmptyContext, windows?: WindowCounts): TextMatch[] {
  const maxErrors = maxErrorsFor(selector.quote);
  if (maxErrors === 0) return [];
  return [...nearbyMatches(text, selector, hint, maxErrors), ...bracketedMatches(text, selector, hint, maxErrors, emptyContext, windows)];
}

/** Quote starts where the quote occurs with both sides of its stored context (see contextHolds). */
export function strongOccurrences(text: string, selector: NormalizedQuote, emptyContext: EmptyContext, windows?: WindowCounts): number[] {
  const { prefix, quote, suffix } = selector;
  const starts: number[] = [];
  for (const match of occurrencesOf(text, prefix + quote + suffix, windows)) {
    const start = match.start + prefix.length;
    if (contextHolds(text, start, start + quote.length, selector, emptyContext)) starts.push(start);
  }
  return starts;
}
