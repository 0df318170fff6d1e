// One finding about a pair of sentences, with the words a person can check.
import type { SuggestionKind } from "../types";

export type EvidenceType = "amount" | "date" | "time" | "event" | "negation" | "denial" | "speaker" | "same-fact";

export type Evidence = { kind: SuggestionKind; type: EvidenceType; weight: number; reason: string };

/** Shortens a quote for a reason: whole words, at most `max` characters. */
export function quote(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return `‘${clean}’`;
  const cut = clean.lastIndexOf(" ", max);
  return `‘${clean.slice(0, cut > 0 ? cut : max)}…’`;
}
