// Decides which candidate, if any, is the passage. A candidate is trusted
// only with positive evidence, and only when it clearly beats every other
// place the quote could be:
//   - evidence: at least one side of the stored context sits unchanged right
//     next to it, and the other side does too or still mostly agrees (see
//     backsUp); the quote itself may be reworded (a quarter of it at most);
//   - margin: its score beats the best candidate elsewhere (not overlapping
//     it) by MARGIN; a near-tie is left for a person to resolve.
// The quote alone is never evidence, however long: an identical sentence
// elsewhere is exactly what a deleted passage leaves behind.

import { agreeAfter, agreeBefore, type EmptyContext, type SideAgreement } from "./context-agreement";
import type { NormalizedQuote } from "./normalize-selector";
import type { Candidate } from "./candidates";
import type { TextMatch } from "./text-match";

export type ScoredCandidate = TextMatch & {
  prefix: SideAgreement;
  suffix: SideAgreement;
  /** 0..1: the quote counts twice, each side of context once. */
  score: number;
  hasEvidence: boolean;
};

export type Choice =
  { winner: ScoredCandidate } | { winner: null; reason: "not-found" | "weak-evidence" | "ambiguous"; best?: ScoredCandidate };

/** A side that is not exact must agree at least this much to back an exact other side… */
const PARTIAL_AGREEMENT = 0.5;
/** …and, if the word touching the quote changed, this much (an edit of a few letters, or words pushed aside by an insertion). */
const NEAR_CHANGED_AGREEMENT = 0.9;

/**
 * Whether a side that is not the exact one still backs the candidate. A
 * look-alike's context typically differs right next to the quote ("Team
 * Alpha reported…" for "Team Beta reported…") while the words further out
 * match, so a changed nearest word needs near-complete agreement otherwise;
 * for a reworded quote it is not enough at all, as the region's edge would
 * be a guess.
 */
function backsUp(side: SideAgreement, isReworded: boolean): boolean {
  if (side.isExact) return true;
  // A reworded candidate's edge on this side is only as sure as the word touching it.
  if (isReworded) return side.isNearIntact && side.value >= PARTIAL_AGREEMENT;
  return side.value >= (side.isNearIntact ? PARTIAL_AGREEMENT : NEAR_CHANGED_AGREEMENT);
}
/** How far the winner's score must be above the best candidate elsewhere. */
const MARGIN = 0.05;

export function scoreCandidate(text: string, selector: NormalizedQuote, match: Candidate, emptyContext: EmptyContext): ScoredCandidate {
  const prefix = agreeBefore(text, match.start, selector.prefix, emptyContext);
  const suffix = agreeAfter(text, match.end, selector.suffix, emptyContext);
  const quoteScore = match.similarity ?? 1 - match.errors / Math.max(1, selector.quote.length);
  const score = (2 * quoteScore + prefix.value + suffix.value) / 4;
  const isReworded = match.errors > 0;
  const hasEvidence = prefix.isExact ? backsUp(suffix, isReworded) : suffix.isExact && backsUp(prefix, isReworded);
  return { ...match, prefix, suffix, score, hasEvidence };
}

function overlaps(a: TextMatch, b: TextMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

const isFramed = (candidate: ScoredCandidate) => candidate.prefix.isExact && candidate.suffix.isExact;

/**
 * The trusted candidate, or why there is none. Among places within the
 * margin of the best score, one with both sides of its context intact
 * outweighs those with only one; otherwise the best must beat the best
 * place elsewhere by the margin. Ties go to fewer errors.
 */
export function chooseCandidate(candidates: readonly ScoredCandidate[]): Choice {
  if (candidates.length === 0) return { winner: null, reason: "not-found" };
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.errors - b.errors);
  const top = ranked[0]!;
  const contenders = ranked.filter((candidate) => candidate.score > top.score - MARGIN);
  const framed = contenders.filter(isFramed);
  const [firstFramed] = framed;
  if (firstFramed && framed.every((candidate) => overlaps(candidate, firstFramed))) return { winner: firstFramed };
  if (!top.hasEvidence) return { winner: null, reason: "weak-evidence", best: top };
  const rival = ranked.find((candidate) => !overlaps(candidate, top));
  return !rival || top.score - rival.score >= MARGIN ? { winner: top } : { winner: null, reason: "ambiguous", best: top };
}

/**
 * Several places hold the quote with both sides of its context: identical
 * copies. Content cannot tell them apart, so only position can, and only
 * when it is unmistakable: the copy at the expected position, the k-th of n
 * copies when the previous version also had n, or a copy far nearer the
 * expected position than any other. Otherwise nobody can tell: null.
 */
export function chooseAmongCopies(
  starts: readonly number[],
  hint: number,
  ordinal: { index: number; count: number } | null,
): number | null {
  if (ordinal && ordinal.count === starts.length) return starts[ordinal.index] ?? null;
  if (ordinal && ordinal.count > 1) return null;
  if (starts.length === 1) return starts[0]!;
  if (starts.includes(hint)) return hint;
  const [first, second] = [...starts].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint));
  const nearestDistance = Math.abs(first! - hint);
  return Math.abs(second! - hint) >= 4 * nearestDistance + 200 ? first! : null;
}
