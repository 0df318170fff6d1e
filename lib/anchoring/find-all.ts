// The search behind the workbench's "Find passage" box: the same matching
// normalization as re-anchoring (so `Mali's` finds `Mali’s`, a double space
// finds a line break) plus case folding. Knuth–Morris–Pratt over the
// normalized text: linear in text + query whatever the input, so a typed
// query can never make the page hang.

import { normalizeText, toOriginalRange, type NormalizedText } from "./normalize-text";
import type { TextPosition } from "./quote";

/** Longest proper border of every prefix of `pattern` (the KMP failure table). */
function borders(pattern: string): Int32Array {
  const table = new Int32Array(pattern.length);
  let k = 0;
  for (let i = 1; i < pattern.length; i++) {
    while (k > 0 && pattern.charCodeAt(i) !== pattern.charCodeAt(k)) k = table[k - 1]!;
    if (pattern.charCodeAt(i) === pattern.charCodeAt(k)) k++;
    table[i] = k;
  }
  return table;
}

/** Start offsets of the non-overlapping occurrences of `pattern` in `text`, left to right. */
function searchLinear(text: string, pattern: string): number[] {
  const found: number[] = [];
  if (pattern.length === 0) return found;
  const table = borders(pattern);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== pattern.charCodeAt(k)) k = table[k - 1]!;
    if (text.charCodeAt(i) === pattern.charCodeAt(k)) k++;
    if (k === pattern.length) {
      found.push(i - k + 1);
      k = 0;
    }
  }
  return found;
}

/** The query as it is matched: normalized, case-folded, without surrounding spaces. */
function normalizeQuery(query: string): string {
  return normalizeText(query, { foldCase: true }).text.trim();
}

function findNormalized(normalized: NormalizedText, query: string): TextPosition[] {
  const pattern = normalizeQuery(query);
  return searchLinear(normalized.text, pattern).map((at) => toOriginalRange(normalized, at, at + pattern.length));
}

/**
 * Every occurrence of `query` in `text`, ignoring case, quote and dash style,
 * whitespace runs and Unicode composition; offsets are UTF-16 offsets into
 * the original `text`, end exclusive, in document order, non-overlapping.
 */
export function findAll(text: string, query: string): TextPosition[] {
  return findNormalized(normalizeText(text, { foldCase: true }), query);
}

/** findAll for many queries on one text (a search box): the text is normalized once. */
export function createFinder(text: string): (query: string) => TextPosition[] {
  const normalized = normalizeText(text, { foldCase: true });
  return (query) => findNormalized(normalized, query);
}
