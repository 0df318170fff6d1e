// What the version a span was made on tells about it. When a new version of
// a source arrives, the old text is at hand, and it settles questions the
// 32 characters of stored context cannot:
//   - was this passage (quote and context) repeated in the old version? Then
//     an identical copy sitting where it was proves nothing: the annotated
//     copy may be the one that was deleted. The k-th of n copies maps to the
//     k-th copy only when the new version still has n of them.
//   - was the quote unique in the old version? A quote that occurred once
//     before and once now is the same passage, moved, even when everything
//     around it changed (a paragraph moved as a whole).
// An n-gram index (text-index.ts) answers "unique?" and "where?" without
// scanning the old text for every span.

import { strongOccurrences } from "./candidates";
import type { EmptyContext } from "./context-agreement";
import type { NormalizedQuote } from "./normalize-selector";
import { normalizeText, toNormalizedOffset, type NormalizedText } from "./normalize-text";
import type { Selector } from "./quote";
import { indexText, type TextIndex } from "./text-index";

export type PreviousVersion = {
  readonly text: string;
  normalized(): NormalizedText;
  /** An n-gram index of the normalized text. */
  index(): TextIndex;
  /** An n-gram index of the text as stored (for the fast path, before anything is normalized). */
  storedIndex(): TextIndex;
};

/** Where the span sat among the copies of its quote-with-context in the previous version. */
export type Ordinal = { index: number; count: number };

export function preparePreviousVersion(text: string): PreviousVersion {
  let normalized: NormalizedText | null = null;
  let index: TextIndex | null = null;
  let storedIndex: TextIndex | null = null;
  const normalize = () => (normalized ??= normalizeText(text));
  return {
    text,
    normalized: normalize,
    index: () => (index ??= indexText(normalize().text)),
    storedIndex: () => (storedIndex ??= indexText(text)),
  };
}

/** The selector describes this version of the text (its quote sits at its offsets). */
export function describesVersion(previous: PreviousVersion, selector: Selector): boolean {
  return previous.text.startsWith(selector.exact, selector.start) && selector.end - selector.start === selector.exact.length;
}

/** Every start of `needle` in the previous version's normalized text; [knownAt] at once when the index proves it unique there. */
export function occurrencesIn(previous: PreviousVersion, needle: string, knownAt: number): number[] {
  const text = previous.normalized().text;
  if (knownAt >= 0 && text.startsWith(needle, knownAt) && previous.index().isUnique(knownAt, needle.length)) return [knownAt];
  return previous.index().occurrences(needle);
}

/** The span's quote start in the previous version's normalized text. */
export function previousQuoteStart(previous: PreviousVersion, span: Selector): number {
  return toNormalizedOffset(previous.normalized(), span.start);
}

/** Cheap first look, on the stored text: false when quote-with-context is certainly unique in the previous version. */
export function mayRepeatIn(previous: PreviousVersion, span: Selector, emptyContext: EmptyContext): boolean {
  // With edge context, an empty side pins the passage to the start or end: it cannot repeat.
  if (emptyContext === "edge" && (span.prefix.length === 0 || span.suffix.length === 0)) return false;
  const at = span.start - span.prefix.length;
  const isDescribed = at >= 0 && previous.text.startsWith(span.prefix, at) && previous.text.startsWith(span.suffix, span.end);
  return !isDescribed || !previous.storedIndex().isUnique(at, span.prefix.length + span.exact.length + span.suffix.length);
}

/** Whether the span's quote-with-context occurs more than once in the previous version (normalized). */
export function isRepeatedIn(previous: PreviousVersion, selector: NormalizedQuote, span: Selector, emptyContext: EmptyContext): boolean {
  if (emptyContext === "edge" && (selector.prefix.length === 0 || selector.suffix.length === 0)) return false;
  const needle = selector.prefix + selector.quote + selector.suffix;
  return occurrencesIn(previous, needle, previousQuoteStart(previous, span) - selector.prefix.length).length > 1;
}

export function ordinalIn(
  previous: PreviousVersion,
  selector: NormalizedQuote,
  span: Selector,
  emptyContext: EmptyContext,
): Ordinal | null {
  const normalized = previous.normalized();
  const starts = strongOccurrences(normalized.text, previous.index(), selector, emptyContext);
  const index = starts.indexOf(previousQuoteStart(previous, span));
  return index === -1 ? null : { index, count: starts.length };
}

/** The quote (without context) occurs exactly once in the previous version, where the span was. */
export function isUniqueIn(previous: PreviousVersion, quote: string, previousStart: number): boolean {
  const starts = occurrencesIn(previous, quote, previousStart);
  return starts.length === 1 && starts[0] === previousStart;
}
