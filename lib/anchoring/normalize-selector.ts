// A stored quote and its context, normalized for matching. The three parts
// are normalized as one string and cut where the original parts met, so a
// run of spaces across a boundary collapses exactly as it does in the text.

import { normalizeText, toNormalizedOffset } from "./normalize-text";
import type { TextQuote } from "./quote";

export type NormalizedQuote = { prefix: string; quote: string; suffix: string };

export function normalizeQuote(selector: TextQuote): NormalizedQuote {
  const joined = normalizeText(selector.prefix + selector.exact + selector.suffix);
  const quoteStart = toNormalizedOffset(joined, selector.prefix.length);
  const quoteEnd = Math.max(quoteStart, toNormalizedOffset(joined, selector.prefix.length + selector.exact.length));
  return {
    prefix: joined.text.slice(0, quoteStart),
    quote: joined.text.slice(quoteStart, quoteEnd),
    suffix: joined.text.slice(quoteEnd),
  };
}

/** The normalized parts in the shape of a W3C quote selector. */
export function toTextQuote(selector: NormalizedQuote): TextQuote {
  return { exact: selector.quote, prefix: selector.prefix, suffix: selector.suffix };
}
