// Event words with a polarity inside a frame (see EVENT_FRAMES): "withdrew"
// is presence −, "reappeared" presence +, "has not vanished" presence + (a
// negated −), "no one was injured" harm −.
import { FRAME_OF, LASTING_WORDS, PHRASAL_FRAMES, PLACE_NOUNS, PRESENCE_NOUNS, type EventFrame } from "../frames";
import type { TokenTable } from "../nlp";
import { isNegatedAt } from "./stance";

export type EventMention = { frame: EventFrame; polarity: 1 | -1; isNegated: boolean; text: string; index: number };

const EVENT_TAGS = new Set(["VERB", "NOUN", "ADJ", "ADV", "PROPN"]);
const BE_FORMS = new Set(["be", "is", "are", "was", "were", "been"]);

function frameAt(table: TokenTable, i: number): { frame: EventFrame; polarity: 1 | -1 } | undefined {
  const lower = table.lower[i]!;
  // "over" is an event ("the war is over") only after a form of "be" or "far from".
  if (lower === "over") {
    const before = table.lower[i - 1] ?? "";
    return BE_FORMS.has(table.lemma[i - 1] ?? "") || BE_FORMS.has(before) || before === "from" ? FRAME_OF.get(lower) : undefined;
  }
  if (!EVENT_TAGS.has(table.pos[i]!)) return undefined;
  if (LASTING_WORDS.has(lower)) return modifiesPresence(table, i) ? { frame: "presence", polarity: 1 } : undefined;
  if (table.lemma[i] === "leave" && !isDeparture(table, i)) return undefined;
  // Phrasal verbs: "pull out", "check out", "carry on", "take over".
  const phrasal = PHRASAL_FRAMES.get(`${table.lemma[i]} ${table.lower[i + 1] ?? ""}`);
  return phrasal ?? FRAME_OF.get(lower) ?? FRAME_OF.get(table.lemma[i]!);
}

/** Event words in tokens first..last with their polarity after negation. */
export function extractEvents(table: TokenTable, first: number, last: number): EventMention[] {
  const events: EventMention[] = [];
  for (let i = first; i <= last; i++) {
    const entry = frameAt(table, i);
    if (!entry) continue;
    const isNegated = isNegatedAt(table, i, first);
    const polarity = (isNegated ? -entry.polarity : entry.polarity) as 1 | -1;
    const from = isNegated ? negationStart(table, i, first) : i;
    events.push({ frame: entry.frame, polarity, isNegated, text: table.text.slice(table.start[from]!, table.end[i]!), index: i });
  }
  return events;
}

/** Where the negation of token i begins, to quote "has not entirely vanished" rather than "vanished". */
export function negationStart(table: TokenTable, i: number, first: number): number {
  for (let k = i - 1; k >= Math.max(first, i - 4); k--) {
    const lower = table.lower[k]!;
    if (lower === "not" || lower === "n't" || lower === "never" || lower === "no" || lower === "nobody" || lower === "none") {
      return table.lower[k - 1] !== undefined && (table.pos[k - 1] === "AUX" || lower === "n't") && k - 1 >= first ? k - 1 : k;
    }
    if (lower === "from" && table.lower[k - 1] === "far") return k - 1;
  }
  return i;
}

/** "continued presence", "enduring Russian influence": a lasting-adjective before a presence noun. */
function modifiesPresence(table: TokenTable, i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < table.count; k++) {
    if (PRESENCE_NOUNS.has(table.lemma[k]!)) return true;
    if (table.pos[k] !== "ADJ" && table.pos[k] !== "PROPN") return false;
  }
  return false;
}

/** "left Mali", "left the country", "left on Monday" — not "left the units stranded" or "the left". */
function isDeparture(table: TokenTable, i: number): boolean {
  if (table.pos[i] !== "VERB" && table.pos[i] !== "NOUN") return false;
  const next = i + 1 < table.count ? i + 1 : -1;
  if (next === -1) return true;
  const pos = table.pos[next]!;
  if (pos === "PUNCT" || pos === "ADP" || pos === "ADV" || pos === "SCONJ" || pos === "CCONJ") return true;
  if (pos === "PROPN") return table.pos[next + 1] !== "NOUN" && table.pos[next + 1] !== "ADJ";
  if (pos === "DET" || pos === "PRON") {
    for (let k = next + 1; k <= next + 3 && k < table.count; k++) if (table.pos[k] === "NOUN") return PLACE_NOUNS.has(table.lemma[k]!);
  }
  return false;
}
