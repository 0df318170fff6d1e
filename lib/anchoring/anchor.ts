// Re-anchors one W3C selector (position + quote + context) in a text that may
// have changed since the span was described, and classifies the outcome:
//   unchanged — the same quote (maybe moved; maybe with other whitespace,
//               quote marks or Unicode composition);
//   changed   — the passage is there, reworded (a typo fixed, a number
//               corrected, a sentence split): `exact` is the new wording;
//   orphaned  — no place in the text is the passage beyond doubt. Showing
//               nothing is better than highlighting the wrong words.
// Strategy, cheapest first, every step requiring positive evidence:
//   1. the stored position (or the caller's hint) holds the quote and both
//      sides of its context;
//   2. the quote occurs elsewhere with both sides of its context;
//   3. (given the previous version) the quote was unique there and is unique
//      here;
//   4. scored candidates — exact and approximate — one of which has
//      context evidence and beats every other place by a margin.
// Matching runs on normalized text (normalize-text.ts); results are UTF-16
// offsets into the original text.

import { prepareAnchorText, type AnchorText, type AnchorTextOptions } from "./anchor-text";
import { exactCandidates, fuzzyCandidates, strongOccurrences } from "./candidates";
import { contextHolds, type EmptyContext } from "./context-agreement";
import { chooseAmongCopies, chooseCandidate, scoreCandidate, type ScoredCandidate } from "./evidence";
import { normalizeQuote, type NormalizedQuote } from "./normalize-selector";
import { toNormalizedOffset, toOriginalRange } from "./normalize-text";
import { judgeWithPrevious } from "./previous-evidence";
import { describesVersion, isRepeatedIn, mayRepeatIn, ordinalIn, previousQuoteStart } from "./previous-version";
import { splitsSurrogatePair, type Selector } from "./quote";

export { prepareAnchorText, type AnchorText } from "./anchor-text";

export type AnchorStatus = "unchanged" | "changed" | "orphaned";
export type OrphanReason = "empty-quote" | "not-found" | "weak-evidence" | "ambiguous";

export type AnchoredSpan = {
  status: "unchanged" | "changed";
  start: number;
  end: number;
  /** The text now covered; for "changed", the new wording. */
  exact: string;
  /** The span no longer starts at its stored offset. */
  isMoved: boolean;
  /** 0..1: how well quote and context agree. */
  score: number;
};
export type OrphanedSpan = {
  status: "orphaned";
  reason: OrphanReason;
  /** The best rejected candidate's score, when there was one. */
  score?: number;
  start?: undefined;
  end?: undefined;
  exact?: undefined;
  isMoved?: undefined;
};
export type AnchorResult = AnchoredSpan | OrphanedSpan;

export type AnchorOptions = AnchorTextOptions & {
  /** Where the span is expected now (e.g. its old start plus the shift of its neighbours). */
  hint?: number;
};

/** The quote sits at `start` with both sides of its stored context unchanged (an empty side only at the text's edge). */
export function holdsAt(text: string, selector: Selector, start: number, emptyContext: EmptyContext = "edge"): boolean {
  if (start < 0 || selector.exact.length === 0 || !text.startsWith(selector.exact, start)) return false;
  return contextHolds(text, start, start + selector.exact.length, selector, emptyContext);
}

function orphaned(reason: OrphanReason, score?: number): OrphanedSpan {
  return score === undefined ? { status: "orphaned", reason } : { status: "orphaned", reason, score };
}

function attach(target: AnchorText, selector: Selector, quote: NormalizedQuote, from: number, to: number, score: number): AnchoredSpan {
  const normalized = target.normalized();
  let { start, end } = toOriginalRange(normalized, from, to);
  if (splitsSurrogatePair(target.text, start)) start--;
  if (splitsSurrogatePair(target.text, end)) end++;
  [start, end] = keepStoredWhitespace(target.text, start, end, selector.exact);
  const status = normalized.text.slice(from, to) === quote.quote ? "unchanged" : "changed";
  return { status, start, end, exact: target.text.slice(start, end), isMoved: start !== selector.start, score };
}

const WHITESPACE = /\s/;

/**
 * A quote that began or ended with part of a run of whitespace ("…road.\n"
 * of "…road.\n\nIn July") maps onto the whole run, which normalization
 * made one space: give it back no more leading or trailing whitespace than
 * the stored quote had, without splitting a CRLF.
 */
function keepStoredWhitespace(text: string, start: number, end: number, exact: string): [number, number] {
  const storedLead = exact.length - exact.trimStart().length;
  const storedTrail = exact.length - exact.trimEnd().length;
  let lead = 0;
  while (start + lead < end && WHITESPACE.test(text[start + lead]!)) lead++;
  let trail = 0;
  while (end - trail > start + lead && WHITESPACE.test(text[end - trail - 1]!)) trail++;
  let from = start + Math.max(0, lead - storedLead);
  let to = end - Math.max(0, trail - storedTrail);
  if (text[from - 1] === "\r" && text[from] === "\n") from--;
  if (text[to - 1] === "\r" && text[to] === "\n") to++;
  return [from, to];
}

const isWordCharacter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** The candidate starts or ends inside a word where the stored quote started or ended between words. */
function cutsWord(text: string, match: { start: number; end: number }, quote: NormalizedQuote): boolean {
  const storedCutsStart = isWordCharacter(quote.prefix.at(-1)) && isWordCharacter(quote.quote[0]);
  const storedCutsEnd = isWordCharacter(quote.quote.at(-1)) && isWordCharacter(quote.suffix[0]);
  const cutsStart = isWordCharacter(text[match.start - 1]) && isWordCharacter(text[match.start]);
  const cutsEnd = isWordCharacter(text[match.end - 1]) && isWordCharacter(text[match.end]);
  return (cutsStart && !storedCutsStart) || (cutsEnd && !storedCutsEnd);
}

/**
 * Exact occurrences and approximate candidates, scored. An exact occurrence
 * that cuts a word the stored quote did not cut is not the quote ("…rasano
 * n" inside "…rasano ne" after a typo fix). An approximate region An approximate region
 * that overlaps an exact occurrence is dropped: the quote is unchanged there,
 * and the region only adds words inserted next to it.
 */
function scoreAll(target: AnchorText, quote: NormalizedQuote, hint: number): ScoredCandidate[] {
  const text = target.normalized().text;
  const exact = exactCandidates(target.index(), quote.quote, hint).filter((match) => !cutsWord(text, match, quote));
  const fuzzy = fuzzyCandidates(text, target.index(), quote, hint, target.emptyContext).filter(
    (match) => !exact.some((occurrence) => occurrence.start < match.end && match.start < occurrence.end),
  );
  const seen = new Set<string>();
  const scored: ScoredCandidate[] = [];
  for (const match of [...exact, ...fuzzy]) {
    const key = `${match.start}:${match.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    scored.push(scoreCandidate(text, quote, match, target.emptyContext));
  }
  return scored;
}

export function anchorIn(target: AnchorText, selector: Selector, hintOffset = selector.start): AnchorResult {
  if (selector.exact.length === 0) return orphaned("empty-quote");
  const { text, emptyContext } = target;
  const previous = target.previous && describesVersion(target.previous, selector) ? target.previous : null;
  const hint = Math.max(0, Math.min(text.length, hintOffset));

  // In place: one string comparison, unless the previous version had copies of this passage.
  let quote: NormalizedQuote | null = null;
  const isRepeated =
    previous !== null &&
    mayRepeatIn(previous, selector, emptyContext) &&
    isRepeatedIn(previous, (quote = normalizeQuote(selector)), selector, emptyContext);
  for (const at of hint === selector.start ? [hint] : [selector.start, hint]) {
    if (!isRepeated && holdsAt(text, selector, at, emptyContext)) {
      return {
        status: "unchanged",
        start: at,
        end: at + selector.exact.length,
        exact: selector.exact,
        isMoved: at !== selector.start,
        score: 1,
      };
    }
  }
  quote ??= normalizeQuote(selector);
  if (quote.quote.length === 0) return orphaned("empty-quote");

  const normalized = target.normalized();
  const hintAt = toNormalizedOffset(normalized, hint);
  const copies = strongOccurrences(normalized.text, target.index(), quote, emptyContext);
  if (copies.length > 0) {
    const at = chooseAmongCopies(copies, hintAt, previous && ordinalIn(previous, quote, selector, emptyContext));
    return at === null ? orphaned("ambiguous", 1) : attach(target, selector, quote, at, at + quote.quote.length, 1);
  }

  const scored = scoreAll(target, quote, hintAt);
  const choice = chooseCandidate(scored);
  const verdict = previous && judgeWithPrevious(previous, previousQuoteStart(previous, selector), target, quote, scored, choice);
  const decided = verdict ?? choice;
  if (decided.winner === null) return orphaned(decided.reason, choice.winner === null ? choice.best?.score : choice.winner.score);
  return attach(target, selector, quote, decided.winner.start, decided.winner.end, decided.winner.score);
}

export function anchorSpan(text: string, selector: Selector, options: AnchorOptions = {}): AnchorResult {
  return anchorIn(prepareAnchorText(text, options), selector, options.hint);
}
