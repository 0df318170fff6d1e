// What the version a span was made on tells about it. When a new version of
// a source arrives, the old text is at hand, and it settles two questions the
// 32 characters of stored context cannot:
//   - was this passage (quote and context) repeated in the old version? Then
//     an identical copy sitting where it was proves nothing: the annotated
//     copy may be the one that was deleted. The k-th of n copies maps to the
//     k-th copy only when the new version still has n of them.
//   - was the quote unique in the old version? A quote that occurred once
//     before and once now is the same passage, moved, even when everything
//     around it changed (a paragraph moved as a whole).

import { strongOccurrences } from "./candidates";
import type { EmptyContext } from "./context-agreement";
import type { NormalizedQuote } from "./normalize-selector";
import { normalizeText, toNormalizedOffset, type NormalizedText } from "./normalize-text";
import type { Selector } from "./quote";

export type PreviousVersion = { readonly text: string; normalized(): NormalizedText };

/** Where the span sat among the copies of its quote-with-context in the previous version. */
export type Ordinal = { index: number; count: number };

export function preparePreviousVersion(text: string): PreviousVersion {
  let normalized: NormalizedText | null = null;
  return { text, normalized: () => (normalized ??= normalizeText(text)) };
}

/** The selector describes this version of the text (its quote sits at its offsets). */
export function describesVersion(previous: PreviousVersion, selector: Selector): boolean {
  return previous.text.startsWith(selector.exact, selector.start) && selector.end - selector.start === selector.exact.length;
}

/** Cheap test whether quote-with-context occurs more than once in the previous version. */
export function isRepeatedIn(previous: PreviousVersion, selector: NormalizedQuote, emptyContext: EmptyContext): boolean {
  // With edge context, an empty side pins the passage to the start or end: it cannot repeat.
  if (emptyContext === "edge" && (selector.prefix.length === 0 || selector.suffix.length === 0)) return false;
  const text = previous.normalized().text;
  const needle = selector.prefix + selector.quote + selector.suffix;
  const first = text.indexOf(needle);
  return first !== -1 && text.indexOf(needle, first + 1) !== -1;
}

export function ordinalIn(
  previous: PreviousVersion,
  selector: NormalizedQuote,
  span: Selector,
  emptyContext: EmptyContext,
): Ordinal | null {
  const normalized = previous.normalized();
  const starts = strongOccurrences(normalized.text, selector, emptyContext);
  const index = starts.indexOf(toNormalizedOffset(normalized, span.start));
  return index === -1 ? null : { index, count: starts.length };
}

/** The quote (without context) occurs exactly once in the previous version. */
export function isUniqueIn(previous: PreviousVersion, quote: string): boolean {
  const text = previous.normalized().text;
  const first = text.indexOf(quote);
  return first !== -1 && text.indexOf(quote, first + 1) === -1;
}

function occurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) starts.push(at);
  return starts;
}

/** Where a candidate's evidence sits: the unchanged side of context (with the quote, when that is unchanged too). */
export type Evidence = { text: string; previousAt: number; currentAt: number };

/**
 * A candidate backed by one unchanged side of context is the same copy as the
 * span only if that evidence was unique in the previous version, or still
 * occurs as often and the candidate holds the same rank. Otherwise one of the
 * look-alike copies disappeared, and nothing says which.
 */
export function isSameCopy(previous: PreviousVersion, evidence: Evidence, currentText: string): boolean {
  const before = occurrences(previous.normalized().text, evidence.text);
  if (before.length < 2) return true;
  const now = occurrences(currentText, evidence.text);
  const rank = before.indexOf(evidence.previousAt);
  return now.length === before.length && rank !== -1 && now[rank] === evidence.currentAt;
}

/** The span's quote start in the previous version's normalized text. */
export function previousQuoteStart(previous: PreviousVersion, span: Selector): number {
  return toNormalizedOffset(previous.normalized(), span.start);
}

/** The evidence occurs once in the previous version, where the span was, and once now, where the candidate is. */
export function isUniqueEvidence(previous: PreviousVersion, evidence: Evidence, currentText: string): boolean {
  const before = occurrences(previous.normalized().text, evidence.text);
  const now = occurrences(currentText, evidence.text);
  return before.length === 1 && before[0] === evidence.previousAt && now.length === 1 && now[0] === evidence.currentAt;
}

/** How far around a copy its surroundings are compared (units); the previous version is at hand, so reach past the 32 stored. */
const REACH = 256;

/** Length of the common run of `a` before `aAt` and `b` before `bAt` (at most REACH). */
function runBefore(a: string, aAt: number, b: string, bAt: number): number {
  let k = 0;
  while (k < REACH && aAt - k > 0 && bAt - k > 0 && a.charCodeAt(aAt - k - 1) === b.charCodeAt(bAt - k - 1)) k++;
  return k;
}

function runAfter(a: string, aAt: number, b: string, bAt: number): number {
  let k = 0;
  while (k < REACH && aAt + k < a.length && bAt + k < b.length && a.charCodeAt(aAt + k) === b.charCodeAt(bAt + k)) k++;
  return k;
}

/**
 * Whether a candidate in the new text descends from the span's own copy of
 * the quote rather than from another copy in the previous version. A
 * deletion can splice one copy's words onto another copy's context (delete
 * Beta's paragraph, and Alpha's identical sentence is now followed by what
 * followed Beta's), so matching the stored context is not enough: the text
 * around the candidate must continue the span's copy, on both sides taken
 * together, at least twice as far as it continues any other copy.
 */
export function descendsFromSpan(
  previous: PreviousVersion,
  quote: string,
  previousStart: number,
  text: string,
  candidate: { start: number; end: number },
): boolean {
  const old = previous.normalized().text;
  const continuation = (at: number) => runBefore(old, at, text, candidate.start) + runAfter(old, at + quote.length, text, candidate.end);
  const own = continuation(previousStart);
  let other = 0;
  for (const at of occurrences(old, quote)) if (at !== previousStart) other = Math.max(other, continuation(at));
  return own > 0 ? own >= 2 * other : other === 0 && occurrences(old, quote).length <= 1;
}
