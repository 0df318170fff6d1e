// Where a quote might be now, in normalized text. Three sources of
// candidates, all cheap enough to run for every span that did not stay put:
//   - exact occurrences of the quote (the nearest ones when there are many);
//   - approximate matches near the expected position, their edges snapped
//     onto the stored context;
//   - regions bracketed by the stored context anywhere in the text
//     (bracketed.ts): a moved and edited passage.
// Candidates are only proposals; evidence.ts decides whether one is trusted.

import { bracketedMatches } from "./bracketed";
import { contextHolds, type EmptyContext } from "./context-agreement";
import { toTextQuote, type NormalizedQuote } from "./normalize-selector";
import { snapToContext } from "./snap-context";
import { nearest, occurrencesOf, type TextIndex } from "./text-index";
import { approxMatches, type TextMatch } from "./text-match";

/** A place the quote might be; `similarity` (0..1) replaces the edit-distance one for a rewritten passage. */
export type Candidate = TextMatch & { similarity?: number };

/** More exact occurrences than this (a very short quote) are narrowed to the nearest ones. */
const MAX_EXACT_CANDIDATES = 256;
/** How far around the expected position approximate search looks (bracketing reaches the rest of the text). */
const FUZZY_WINDOW = 1_000;

/** Errors a changed quote may have and still count as the same passage reworded (a quarter, at most 32). */
function maxErrorsFor(quote: string): number {
  return Math.min(32, Math.floor(quote.length / 4));
}

export function exactCandidates(index: TextIndex, quote: string, hint: number): TextMatch[] {
  return nearest(occurrencesOf(index, quote), hint, MAX_EXACT_CANDIDATES);
}

function nearbyMatches(text: string, selector: NormalizedQuote, hint: number, maxErrors: number): TextMatch[] {
  const { quote } = selector;
  return approxMatches(text, quote, maxErrors, hint - FUZZY_WINDOW, hint + quote.length + FUZZY_WINDOW).map((match) =>
    snapToContext(text, toTextQuote(selector), match, maxErrors),
  );
}

/** Approximate candidates near the hint, and regions bracketed by the stored context anywhere (see bracketed.ts). */
export function fuzzyCandidates(
  text: string,
  index: TextIndex,
  selector: NormalizedQuote,
  hint: number,
  emptyContext: EmptyContext,
): Candidate[] {
  const maxErrors = maxErrorsFor(selector.quote);
  const near = maxErrors === 0 ? [] : nearbyMatches(text, selector, hint, maxErrors);
  return [...near, ...bracketedMatches(text, index, selector, hint, maxErrors, emptyContext)];
}

/** Quote starts where the quote occurs with both sides of its stored context (see contextHolds). */
export function strongOccurrences(text: string, index: TextIndex, selector: NormalizedQuote, emptyContext: EmptyContext): number[] {
  const { prefix, quote, suffix } = selector;
  const starts: number[] = [];
  for (const match of occurrencesOf(index, prefix + quote + suffix)) {
    const start = match.start + prefix.length;
    if (contextHolds(text, start, start + quote.length, selector, emptyContext)) starts.push(start);
  }
  return starts;
}
