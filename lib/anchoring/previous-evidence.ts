// Decisions that only the previous version can settle (see
// previous-version.ts for why): which scored candidate is provably the same
// passage, and which winner is only a copy of it.

import type { AnchorText } from "./anchor-text";
import { agreeAfter, agreeBefore } from "./context-agreement";
import type { Choice, ScoredCandidate } from "./evidence";
import type { NormalizedQuote } from "./normalize-selector";
import { descendsFromSpan, isSameCopy, isUniqueEvidence, type Evidence } from "./copy-origin";
import { isUniqueIn, type PreviousVersion } from "./previous-version";

/** A quote this long that was unique in the previous version and is unique now is the same passage, whatever surrounds it. */
const UNIQUE_QUOTE_LENGTH = 32;

/**
 * A short quote unique in both versions can still recur by coincidence: it
 * also needs one side of its context, or some of both. Uniqueness already
 * places it, so a lost text edge (a line added above the first sentence)
 * counts as neutral here rather than as disagreement.
 */
function hasSomeContext(text: string, quote: NormalizedQuote, candidate: ScoredCandidate): boolean {
  const prefix = agreeBefore(text, candidate.start, quote.prefix, "unknown");
  const suffix = agreeAfter(text, candidate.end, quote.suffix, "unknown");
  return prefix.isExact || suffix.isExact || Math.min(prefix.value, suffix.value) >= 0.5;
}

/** The unchanged context (with the quote when it is unchanged too) that backs a candidate; null when that is a text edge. */
function evidenceOf(candidate: ScoredCandidate, quote: NormalizedQuote, previousStart: number): Evidence | null {
  const isQuoteUnchanged = candidate.errors === 0;
  if (candidate.prefix.isExact && quote.prefix.length > 0) {
    const text = isQuoteUnchanged ? quote.prefix + quote.quote : quote.prefix;
    return { text, previousAt: previousStart - quote.prefix.length, currentAt: candidate.start - quote.prefix.length };
  }
  if (candidate.suffix.isExact && quote.suffix.length > 0) {
    const text = isQuoteUnchanged ? quote.quote + quote.suffix : quote.suffix;
    const previousAt = isQuoteUnchanged ? previousStart : previousStart + quote.quote.length;
    return { text, previousAt, currentAt: isQuoteUnchanged ? candidate.start : candidate.end };
  }
  return null;
}

export type PreviousVerdict = { winner: ScoredCandidate } | { winner: null; reason: "ambiguous" } | null;

/**
 * Refines the choice among scored candidates with the previous version:
 *   - a quote unique in both versions is the passage (long, or with context);
 *   - a winner must be the span's own copy: backed by context that was
 *     repeated in the previous version, the same count and rank of it; and
 *     more like the span's copy of the quote than like any other copy (a
 *     deletion can splice one copy's words onto another's context);
 *   - without a trusted winner, a candidate whose unchanged context (with
 *     the quote) was unique in the previous version and is unique now is the
 *     passage, even when the other side of its context changed completely.
 * null: the previous version adds nothing; keep the choice.
 */
export function judgeWithPrevious(
  previous: PreviousVersion,
  previousStart: number,
  current: AnchorText,
  quote: NormalizedQuote,
  scored: readonly ScoredCandidate[],
  choice: Choice,
): PreviousVerdict {
  const { text } = current.normalized();
  const exact = scored.filter((candidate) => candidate.errors === 0 && candidate.end - candidate.start === quote.quote.length);
  const [only] = exact;
  if (only && exact.length === 1 && isUniqueIn(previous, quote.quote, previousStart)) {
    if (quote.quote.length >= UNIQUE_QUOTE_LENGTH || hasSomeContext(text, quote, only)) return { winner: only };
  }
  if (choice.winner) {
    const evidence = evidenceOf(choice.winner, quote, previousStart);
    const isSame =
      (!evidence || isSameCopy(previous, evidence, current.index())) &&
      descendsFromSpan(previous, quote.quote, previousStart, text, choice.winner);
    return isSame ? null : { winner: null, reason: "ambiguous" };
  }
  const proven = scored.filter((candidate) => {
    // A reworded candidate's far edge is only a guess unless the word of context touching it is unchanged.
    const other = candidate.prefix.isExact ? candidate.suffix : candidate.prefix;
    if (candidate.errors > 0 && !other.isExact && !(other.isNearIntact && other.value >= 0.5)) return false;
    const evidence = evidenceOf(candidate, quote, previousStart);
    if (evidence === null || !isUniqueEvidence(previous, evidence, current.index())) return false;
    return descendsFromSpan(previous, quote.quote, previousStart, text, candidate);
  });
  return proven.length === 1 ? { winner: proven[0]! } : null;
}
