// Scores candidate locations of a quote the way the Hypothesis client does:
// how well the quote itself matches, how well the 32 characters of context
// on each side still match, and how close the candidate is to where the span
// was expected. The score is normalised to 0..1 so one threshold applies to
// exact and fuzzy candidates alike.

import { similarity, type TextMatch } from "./text-match";

export type QuoteContext = { prefix: string; suffix: string; hint: number };
export type ScoredMatch = TextMatch & { score: number };

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * Below this a candidate is not trusted. Chosen so that a fuzzy match with its
 * context intact passes (≈ 0.9) while look-alike text elsewhere — similar words,
 * unrelated context — stays well under (≈ 0.6), and an exact quote needs at
 * least one side of its context to survive (exact + no context ≈ 0.72).
 */
export const MIN_SCORE = 0.75;

export function scoreMatch(text: string, quoteLength: number, match: TextMatch, context: QuoteContext): number {
  const quoteScore = 1 - match.errors / Math.max(1, quoteLength);
  const prefix = text.slice(Math.max(0, match.start - context.prefix.length), match.start);
  const suffix = text.slice(match.end, match.end + context.suffix.length);
  const positionScore = 1 - Math.min(1, Math.abs(match.start - context.hint) / Math.max(1, text.length));
  const raw =
    WEIGHTS.quote * quoteScore +
    WEIGHTS.prefix * similarity(prefix, context.prefix) +
    WEIGHTS.suffix * similarity(suffix, context.suffix) +
    WEIGHTS.position * positionScore;
  return raw / MAX_SCORE;
}

/** The best-scoring candidate; ties go to the one nearest the hint. */
export function bestMatch(text: string, quoteLength: number, matches: TextMatch[], context: QuoteContext): ScoredMatch | null {
  let best: ScoredMatch | null = null;
  for (const match of matches) {
    const score = scoreMatch(text, quoteLength, match, context);
    const isNearer = best !== null && Math.abs(match.start - context.hint) < Math.abs(best.start - context.hint);
    if (!best || score > best.score || (score === best.score && isNearer)) best = { ...match, score };
  }
  return best;
}
