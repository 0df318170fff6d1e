// How well the text around a candidate agrees with a selector's stored
// prefix and suffix. A side is `exact` when the stored context sits right
// next to the candidate, unchanged. Otherwise its `value` (0..1) measures
// partial agreement: either by edit distance, or — when an edit right next
// to the quote pushed the context away — by how much of the stored context
// still appears a little further out ("…in June 2025, their influence"
// → "…in June 2025 — officially — their influence").
//
// Partial agreement is the best of three measures: edit distance (a word
// changed), displacement (an edit right next to the quote pushed the
// context away: "…in June 2025, their influence" → "…in June 2025 —
// officially — their influence"), and the share of the context's words that
// still follow in order (a clause inserted: "Hospitals appealed for blood"
// → "Hospitals in Bamako appealed urgently for blood").
//
// An empty stored side is not a free match. Parallax always stores up to 32
// characters, so an empty side means the quote touched the start or end of
// the text, and agrees only at the text's edge ("edge"); anywhere else it
// disagrees, even a line below a new dateline, because a deleted first
// paragraph can leave an identical sentence just there. Selectors from other
// tools may omit context they did not need ("unknown"): then an empty side
// is neutral, neither evidence for nor against.

import { editDistance } from "./text-match";

export type EmptyContext = "edge" | "unknown";
export type SideAgreement = {
  value: number;
  isExact: boolean;
  /** The word of context touching the quote is unchanged (what tells "Team Alpha reported" from "Team Beta reported"). */
  isNearIntact: boolean;
};

/** What an unstated side is worth: enough to go with an exact other side, never enough on its own. */
const UNSTATED: SideAgreement = { value: 0.5, isExact: false, isNearIntact: true };
const AGREES: SideAgreement = { value: 1, isExact: true, isNearIntact: true };
const DISAGREES: SideAgreement = { value: 0, isExact: false, isNearIntact: false };
/** How far an edit next to the quote may have pushed the stored context (units). */
const DISPLACEMENT = 32;

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

/** The whole words of a stored context: the outermost one may have been cut at 32 characters, so it is left out. */
function contextWords(context: string, side: "prefix" | "suffix"): string[] {
  const words = context.split(" ");
  if (side === "prefix" && !context.startsWith(" ")) words.shift();
  if (side === "suffix" && !context.endsWith(" ")) words.pop();
  return words.filter((word) => word.length > 0);
}

/** Share (by characters) of `expected` words found in order among `actual` words (longest common subsequence). */
export function wordsInOrder(expected: string[], actual: string[]): number {
  const total = expected.reduce((sum, word) => sum + word.length, 0);
  if (total === 0) return 0;
  let previous = new Array<number>(actual.length + 1).fill(0);
  for (const word of expected) {
    const current = [0];
    for (let j = 1; j <= actual.length; j++) {
      current[j] = Math.max(previous[j]!, current[j - 1]!, actual[j - 1] === word ? previous[j - 1]! + word.length : 0);
    }
    previous = current;
  }
  return previous[actual.length]! / total;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The stored context from the quote out to the end of its first real word
 * (punctuation and spaces next to the quote included): “. Hospitals” of
 * “. Hospitals appealed…”, “Team Beta ” of “…regions. Team Beta ”.
 */
function nearestWord(context: string, side: "prefix" | "suffix"): string {
  const characters = side === "prefix" ? [...context].reverse() : [...context];
  let length = 0;
  let hasWord = false;
  for (const character of characters) {
    const isWord = WORD_CHARACTER.test(character);
    if (hasWord && !isWord) break;
    hasWord ||= isWord;
    length += character.length;
  }
  return side === "prefix" ? context.slice(context.length - length) : context.slice(0, length);
}

/** Normalized text has single spaces, so "at the edge" allows one leading or trailing space. */
function isAtStart(text: string, offset: number): boolean {
  return offset === 0 || (offset === 1 && text.charCodeAt(0) === 0x20);
}

function isAtEnd(text: string, offset: number): boolean {
  return offset === text.length || (offset === text.length - 1 && text.charCodeAt(offset) === 0x20);
}

export function agreeBefore(text: string, start: number, prefix: string, emptyContext: EmptyContext): SideAgreement {
  if (prefix.length === 0) return emptyContext === "unknown" ? UNSTATED : isAtStart(text, start) ? AGREES : DISAGREES;
  const adjacent = text.slice(Math.max(0, start - prefix.length), start);
  if (adjacent === prefix) return AGREES;
  const window = text.slice(Math.max(0, start - prefix.length - DISPLACEMENT), start);
  const displaced = longestHead(window, prefix) / prefix.length;
  const words = wordsInOrder(contextWords(prefix, "prefix"), window.split(" "));
  return {
    value: Math.max(similarity(adjacent, prefix), displaced, words),
    isExact: false,
    isNearIntact: adjacent.endsWith(nearestWord(prefix, "prefix")),
  };
}

export function agreeAfter(text: string, end: number, suffix: string, emptyContext: EmptyContext): SideAgreement {
  if (suffix.length === 0) return emptyContext === "unknown" ? UNSTATED : isAtEnd(text, end) ? AGREES : DISAGREES;
  const adjacent = text.slice(end, end + suffix.length);
  if (adjacent === suffix) return AGREES;
  const window = text.slice(end, end + suffix.length + DISPLACEMENT);
  const displaced = longestTail(window, suffix) / suffix.length;
  const words = wordsInOrder(contextWords(suffix, "suffix"), window.split(" "));
  return {
    value: Math.max(similarity(adjacent, suffix), displaced, words),
    isExact: false,
    isNearIntact: adjacent.startsWith(nearestWord(suffix, "suffix")),
  };
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
