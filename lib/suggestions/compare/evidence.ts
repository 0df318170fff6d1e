// One finding about a pair of sentences, with the words a person can check.
import type { SuggestionKind } from "../types";

export type EvidenceType = "amount" | "date" | "time" | "event" | "negation" | "denial" | "speaker" | "same-fact";

/**
 * Stand-ins for the two sources' labels in reasons ("A: ‘80%’, B: ‘most’");
 * suggest.ts replaces them with the labels of the pair being compared.
 */
export const SIDE_A = "\uE000";
export const SIDE_B = "\uE001";

export type Evidence = { kind: SuggestionKind; type: EvidenceType; weight: number; reason: string };

/** Shortens a quote for a reason: whole words, at most `max` characters. */
export function quote(text: string, max = 60): string {
  const clean = text.replace(/[\s\uE000\uE001]+/g, " ").trim();
  if (clean.length <= max) return `‘${clean}’`;
  const cut = clean.lastIndexOf(" ", max);
  return `‘${clean.slice(0, cut > 0 ? cut : max)}…’`;
}
