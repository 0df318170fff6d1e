// Approximate search reports the lowest-error end points, which can stop a
// word short ("…in early" for "…in July" after "early" was inserted). When the
// selector's own context still sits right next to a fuzzy match, its edges are
// moved onto that context, which is what the analyst originally bracketed.

import type { TextQuote } from "./quote";
import { editDistance, type TextMatch } from "./text-match";

function nearestOccurrence(
  text: string,
  needle: string,
  from: number,
  to: number,
  target: number,
  edge: (index: number) => number,
): number | null {
  let best: number | null = null;
  let index = text.indexOf(needle, Math.max(0, from));
  while (index !== -1 && index <= to) {
    const position = edge(index);
    if (best === null || Math.abs(position - target) < Math.abs(best - target)) best = position;
    index = text.indexOf(needle, index + 1);
  }
  return best;
}

/** Moves the match's edges onto the selector's context when it is found within `slack` units of them. */
export function snapToContext(text: string, quote: TextQuote, match: TextMatch, slack: number): TextMatch {
  let { start, end } = match;
  if (quote.prefix.length > 0) {
    const at = nearestOccurrence(
      text,
      quote.prefix,
      start - slack - quote.prefix.length,
      start + slack - quote.prefix.length,
      start,
      (i) => i + quote.prefix.length,
    );
    if (at !== null) start = at;
  }
  if (quote.suffix.length > 0) {
    const at = nearestOccurrence(text, quote.suffix, end - slack, end + slack, end, (i) => i);
    if (at !== null) end = at;
  }
  if (end <= start || (start === match.start && end === match.end)) return match;
  // Long quotes keep the search's error count rather than paying O(n·m) again.
  const errors =
    quote.exact.length <= 2_000
      ? editDistance(text.slice(start, end), quote.exact)
      : match.errors + Math.abs(end - start - (match.end - match.start));
  return { start, end, errors };
}
