// Which copy of a repeated passage a candidate is, judged against the
// previous version: the same count and rank of its evidence, and the same
// surroundings. Used by previous-evidence.ts.

import { occurrencesIn, type PreviousVersion } from "./previous-version";
import type { TextIndex } from "./text-index";

/** Where a candidate's evidence sits: the unchanged side of context (with the quote, when that is unchanged too). */
export type Evidence = { text: string; previousAt: number; currentAt: number };

/**
 * A candidate backed by one unchanged side of context is the same copy as the
 * span only if that evidence was unique in the previous version, or still
 * occurs as often and the candidate holds the same rank. Otherwise one of the
 * look-alike copies disappeared, and nothing says which.
 */
export function isSameCopy(previous: PreviousVersion, evidence: Evidence, current: TextIndex): boolean {
  const before = occurrencesIn(previous, evidence.text, evidence.previousAt);
  if (before.length < 2) return true;
  const now = current.occurrences(evidence.text);
  const rank = before.indexOf(evidence.previousAt);
  return now.length === before.length && rank !== -1 && now[rank] === evidence.currentAt;
}

/** The evidence occurs once in the previous version, where the span was, and once now, where the candidate is. */
export function isUniqueEvidence(previous: PreviousVersion, evidence: Evidence, current: TextIndex): boolean {
  const before = occurrencesIn(previous, evidence.text, evidence.previousAt);
  if (before.length !== 1 || before[0] !== evidence.previousAt) return false;
  const now = current.occurrences(evidence.text);
  return now.length === 1 && now[0] === evidence.currentAt;
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
  const copies = occurrencesIn(previous, quote, previousStart);
  if (copies.length <= 1) return true;
  const old = previous.normalized().text;
  const continuation = (at: number) => runBefore(old, at, text, candidate.start) + runAfter(old, at + quote.length, text, candidate.end);
  const own = continuation(previousStart);
  const other = Math.max(...copies.filter((at) => at !== previousStart).map(continuation));
  return own > 0 && own >= 2 * other;
}
