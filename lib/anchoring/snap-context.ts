// Approximate search reports the lowest-error end points, which can stop a
// word short ("…in early" for "…in July" after "early" was inserted). When the
// selector's own context still sits right next to a fuzzy match, its edges are
// moved onto that context, which is what the analyst originally bracketed.

import type { TextQuote } from "./quote";
import { boundedEditDistance, type TextMatch } from "./text-match";

function nearestOccurrence(
  text: string,
  needle: string,
  from: number,
  to: number,
  target: number,
  edge: (index: number) => number,
): number | null {
  let best: number | null = null;
  // Search a slice, not the whole text: a missing needle must not cost a scan to the end.
  const lo = Math.max(0, from);
  const window = text.slice(lo, Math.max(lo, to + needle.length));
  for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + 1)) {
    const position = edge(lo + at);
    if (best === null || Math.abs(position - target) < Math.abs(best - target)) best = position;
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
  return { start, end, errors: boundedEditDistance(text.slice(start, end), quote.exact, slack) };
}
