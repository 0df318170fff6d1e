// How well the text around a candidate agrees with a selector's stored
// prefix and suffix. A side is `exact` when the stored context sits right
// next to the candidate, unchanged. Otherwise its `value` (0..1) measures
// partial agreement: either by edit distance, or — when an edit right next
// to the quote pushed the context away — by how much of the stored context
// still appears a little further out ("…in June 2025, their influence"
// → "…in June 2025 — officially — their influence").
//
// An empty stored side is not a free match. Parallax always stores up to 32
// characters, so an empty side means the quote touched the start or end of
// the text, and agrees exactly only at the text's edge ("edge"). A candidate
// a short way in from the edge (a dateline or "Updated:" line added above the
// first sentence) agrees partly; anywhere else, not at all. Selectors from
// other tools may omit context they did not need ("unknown"): then an empty
// side is neutral, neither evidence for nor against.

import { editDistance } from "./text-match";

export type EmptyContext = "edge" | "unknown";
export type SideAgreement = { value: number; isExact: boolean };

/** What an unstated side is worth: enough to go with an exact other side, never enough on its own. */
const UNSTATED: SideAgreement = { value: 0.5, isExact: false };
const AGREES: SideAgreement = { value: 1, isExact: true };
const DISAGREES: SideAgreement = { value: 0, isExact: false };
/** How far an edit next to the quote may have pushed the stored context (units). */
const DISPLACEMENT = 32;
/** How far from the text's edge a quote stored at the edge may now start and still partly agree (a line added above it). */
const NEAR_EDGE = 300;
const NEAR_EDGE_AGREEMENT: SideAgreement = { value: 0.5, isExact: false };

function similarity(actual: string, expected: string): number {
  return Math.max(0, 1 - editDistance(actual, expected) / Math.max(actual.length, expected.length));
}

/** Length of the longest head of `context` that occurs in `window`. */
function longestHead(window: string, context: string): number {
  let best = 0;
  for (let j = 0; j < window.length && window.length - j > best; j++) {
    let k = 0;
    while (k < context.length && j + k < window.length && window.charCodeAt(j + k) === context.charCodeAt(k)) k++;
    if (k > best) best = k;
  }
  return best;
}

/** Length of the longest tail of `context` that occurs in `window`. */
function longestTail(window: string, context: string): number {
  let best = 0;
  for (let j = window.length; j > 0 && j > best; j--) {
    let k = 0;
    while (k < context.length && j - k > 0 && window.charCodeAt(j - 1 - k) === context.charCodeAt(context.length - 1 - k)) k++;
    if (k > best) best = k;
  }
  return best;
}

/** Normalized text has single spaces, so "at the edge" allows one leading or trailing space. */
function isAtStart(text: string, offset: number): boolean {
  return offset === 0 || (offset === 1 && text.charCodeAt(0) === 0x20);
}

function isAtEnd(text: string, offset: number): boolean {
  return offset === text.length || (offset === text.length - 1 && text.charCodeAt(offset) === 0x20);
}

export function agreeBefore(text: string, start: number, prefix: string, emptyContext: EmptyContext): SideAgreement {
  if (prefix.length === 0) {
    if (emptyContext === "unknown") return UNSTATED;
    return isAtStart(text, start) ? AGREES : start <= NEAR_EDGE ? NEAR_EDGE_AGREEMENT : DISAGREES;
  }
  const adjacent = text.slice(Math.max(0, start - prefix.length), start);
  if (adjacent === prefix) return AGREES;
  const window = text.slice(Math.max(0, start - prefix.length - DISPLACEMENT), start);
  const displaced = longestHead(window, prefix) / prefix.length;
  return { value: Math.max(similarity(adjacent, prefix), displaced), isExact: false };
}

export function agreeAfter(text: string, end: number, suffix: string, emptyContext: EmptyContext): SideAgreement {
  if (suffix.length === 0) {
    if (emptyContext === "unknown") return UNSTATED;
    return isAtEnd(text, end) ? AGREES : text.length - end <= NEAR_EDGE ? NEAR_EDGE_AGREEMENT : DISAGREES;
  }
  const adjacent = text.slice(end, end + suffix.length);
  if (adjacent === suffix) return AGREES;
  const window = text.slice(end, end + suffix.length + DISPLACEMENT);
  const displaced = longestTail(window, suffix) / suffix.length;
  return { value: Math.max(similarity(adjacent, suffix), displaced), isExact: false };
}

/**
 * Both stored sides sit unchanged right next to [start, end): the strongest
 * evidence short of an unchanged text. An empty side holds only at the
 * text's edge, unless context is "unknown" (then it holds anywhere).
 */
export function contextHolds(
  text: string,
  start: number,
  end: number,
  context: { prefix: string; suffix: string },
  emptyContext: EmptyContext,
): boolean {
  const { prefix, suffix } = context;
  const isPrefixHeld =
    prefix.length === 0
      ? emptyContext === "unknown" || isAtStart(text, start)
      : start >= prefix.length && text.startsWith(prefix, start - prefix.length);
  if (!isPrefixHeld) return false;
  return suffix.length === 0 ? emptyContext === "unknown" || isAtEnd(text, end) : text.startsWith(suffix, end);
}
