// Candidates found through the stored context rather than the quote, so a
// passage that moved anywhere in the text and was edited is still found:
//   - right after an occurrence of the stored prefix, or right before one of
//     the stored suffix: the quote with up to a quarter of it changed;
//   - between an occurrence of the prefix and one of the suffix: the passage
//     rewritten, however long the change (a sentence inserted inside it), as
//     long as it keeps at least half of its words in order. Its similarity is
//     that share of words, not the edit distance.

import type { Candidate } from "./candidates";
import { wordsInOrder, type EmptyContext } from "./context-agreement";
import { toTextQuote, type NormalizedQuote } from "./normalize-selector";
import { snapToContext } from "./snap-context";
import { nearest, occurrencesOf, type TextIndex } from "./text-index";
import { approxMatches, boundedEditDistance } from "./text-match";

/** Occurrences of a stored context examined, nearest the expected position first. */
const MAX_CONTEXT_OCCURRENCES = 16;
/** Share of the quote's words (by length) a rewritten passage must keep, in order. */
const MIN_WORD_SHARE = 0.5;

/** Offsets where the quote would start (after the prefix) or end (before the suffix). */
function contextEdges(
  text: string,
  index: TextIndex,
  context: string,
  hint: number,
  isPrefix: boolean,
  emptyContext: EmptyContext,
): number[] {
  if (context.length === 0) {
    if (emptyContext === "unknown") return [];
    return [isPrefix ? (text.startsWith(" ") ? 1 : 0) : text.endsWith(" ") ? text.length - 1 : text.length];
  }
  const found = nearest(occurrencesOf(index, context), hint, MAX_CONTEXT_OCCURRENCES);
  return found.map((match) => (isPrefix ? match.end : match.start));
}

const words = (text: string) => text.split(" ").filter((word) => word.length > 0);

export function bracketedMatches(
  text: string,
  index: TextIndex,
  selector: NormalizedQuote,
  hint: number,
  maxErrors: number,
  emptyContext: EmptyContext,
): Candidate[] {
  const { quote } = selector;
  const matches: Candidate[] = [];
  const settle = (start: number, end: number) => {
    const snapped = snapToContext(text, toTextQuote(selector), { start, end, errors: maxErrors }, maxErrors);
    const errors = boundedEditDistance(text.slice(snapped.start, snapped.end), quote, maxErrors);
    if (errors <= maxErrors && snapped.end > snapped.start) matches.push({ ...snapped, errors });
  };
  const starts = contextEdges(text, index, selector.prefix, hint, true, emptyContext);
  const ends = contextEdges(text, index, selector.suffix, hint, false, emptyContext).sort((a, b) => a - b);
  if (maxErrors > 0) {
    for (const start of starts) {
      const found = approxMatches(text, quote, maxErrors, start, start + quote.length + maxErrors);
      settle(start, Math.min(text.length, found.length > 0 ? Math.max(...found.map((m) => m.end)) : start + quote.length));
    }
    for (const end of ends) {
      const found = approxMatches(text, quote, maxErrors, end - quote.length - maxErrors, end);
      settle(Math.max(0, found.length > 0 ? Math.min(...found.map((m) => m.start)) : end - quote.length), end);
    }
  }
  const quoteWords = words(quote);
  for (const start of starts) {
    const end = ends.find((at) => at > start && at - start <= 2 * quote.length + 64);
    if (end === undefined) continue;
    const region = text.slice(start, end);
    const similarity = wordsInOrder(quoteWords, words(region));
    if (region !== quote && similarity >= MIN_WORD_SHARE) {
      matches.push({ start, end, errors: Math.max(1, boundedEditDistance(region, quote, maxErrors)), similarity });
    }
  }
  return matches;
}
