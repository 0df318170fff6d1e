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
