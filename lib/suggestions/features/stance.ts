// How a sentence holds what it says: negated, denied, claimed, hedged or
// stated as certain, and who is reported as saying it.
import type { TokenTable } from "../nlp";
import {
  CERTAINTY_WORDS,
  CLAIM_VERBS,
  DENIAL_PHRASES,
  DENIAL_VERBS,
  DENIAL_WORDS,
  HEDGE_WORDS,
  MODAL_WORDS,
  NEGATORS,
  REPORTING_VERBS,
  WITHHOLD_VERBS,
  WITHHOLD_WORDS,
} from "../lexicon";

const CONTENT_TAGS = new Set(["NOUN", "VERB", "ADJ", "PROPN"]);

export type Cue = { text: string; index: number };

export type Stance = {
  negations: Cue[];
  denial: Cue | null;
  claim: Cue | null;
  hedge: Cue | null;
  certainty: Cue | null;
  /** Content lemmas after the denial cue: what is denied. */
  denied: Set<string>;
  /** "has not disclosed", "did not say", "unknown": the sentence says something is not known or not given. */
  withheld: Cue | null;
  /** Content stems after the first negation or withholding cue: what the sentence says is not so. */
  negatedTerms: Set<string>;
  /** Entity roots of who is reported as speaking ("the mayor said", "said Ana Ruiz", "according to police"). */
  speakers: string[];
};

/**
 * True when token i is negated: a negator up to four words before it in the
 * same clause, or "far from". (Wink's own negation scope runs to the next
 * punctuation and starts at words like "eliminate": too wide to rely on.)
 */
export function isNegatedAt(table: TokenTable, i: number, first: number): boolean {
  for (let k = i - 1; k >= Math.max(first, i - 4); k--) {
    const lower = table.lower[k]!;
    if (NEGATORS.has(lower)) return true;
    if (lower === "from" && table.lower[k - 1] === "far") return true;
    if (table.pos[k] === "PUNCT") break;
  }
  return false;
}

/** The negator before token i (for quoting "has not disclosed"), or i itself. */
function negationCue(table: TokenTable, i: number, first: number): number {
  for (let k = i - 1; k >= Math.max(first, i - 4); k--) {
    if (NEGATORS.has(table.lower[k]!)) return table.pos[k - 1] === "AUX" && k - 1 >= first ? k - 1 : k;
  }
  return i;
}

function cue(table: TokenTable, first: number, last: number): Cue {
  return { text: table.text.slice(table.start[first]!, table.end[last]!), index: first };
}

/** The proper-noun run (or a noun) right before or after a reporting verb. */
function speakerNear(table: TokenTable, verb: number, first: number, last: number): string | null {
  for (const step of [-1, 1]) {
    let k = verb + step;
    while (k >= first && k <= last && (table.pos[k] === "DET" || table.pos[k] === "AUX" || table.pos[k] === "ADV")) k += step;
    if (k < first || k > last) continue;
    // Only names: "the company said" and "the carmaker announced" may be the same speaker.
    if (table.pos[k] === "PROPN") return table.lemma[k]!;
  }
  return null;
}

export function extractStance(table: TokenTable, first: number, last: number): Stance {
  const stance: Stance = {
    negations: [],
    denial: null,
    claim: null,
    hedge: null,
    certainty: null,
    denied: new Set(),
    withheld: null,
    negatedTerms: new Set(),
    speakers: [],
  };
  for (let i = first; i <= last; i++) {
    const lower = table.lower[i]!;
    const lemma = table.lemma[i]!;
    const pos = table.pos[i]!;
    if (NEGATORS.has(lower) || lemma === "not") stance.negations.push(cue(table, i, Math.min(last, i + 1)));
    const isDenialPhrase = pos === "VERB" && DENIAL_PHRASES.get(lemma) === table.lower[i + 1] && i + 1 <= last;
    if (!stance.denial && isDenialPhrase && !isNegatedAt(table, i, first)) stance.denial = cue(table, i, i + 1);
    if (!stance.denial && ((DENIAL_VERBS.has(lemma) && pos === "VERB") || DENIAL_WORDS.has(lower)) && !isNegatedAt(table, i, first)) {
      stance.denial = cue(table, i, i);
    }
    const isWithheld = (WITHHOLD_VERBS.has(lemma) && pos === "VERB" && isNegatedAt(table, i, first)) || WITHHOLD_WORDS.has(lower);
    if (!stance.withheld && isWithheld) stance.withheld = cue(table, Math.max(first, negationCue(table, i, first)), i);
    if (stance.negations.length > 0 || stance.withheld) {
      if (table.isStop[i] === 0 && CONTENT_TAGS.has(pos) && !NEGATORS.has(lower)) stance.negatedTerms.add(table.stem[i]!);
    }
    if (stance.denial && i > stance.denial.index && table.isStop[i] === 0 && CONTENT_TAGS.has(pos)) stance.denied.add(lemma);
    if (!stance.claim && CLAIM_VERBS.has(lemma) && (pos === "VERB" || pos === "NOUN")) stance.claim = cue(table, i, i);
    const isModal = MODAL_WORDS.has(lower) && pos === "AUX" && isVerbAhead(table, i + 1, last);
    const isHedge = isModal || HEDGE_WORDS.has(lemma) || HEDGE_WORDS.has(lower);
    if (!stance.hedge && isHedge) stance.hedge = cue(table, i, Math.min(last, i + 1));
    if (!stance.certainty && (CERTAINTY_WORDS.has(lemma) || CERTAINTY_WORDS.has(lower)) && !isNegatedAt(table, i, first)) {
      stance.certainty = cue(table, i, i);
    }
    const isReporting = (REPORTING_VERBS.has(lemma) || CLAIM_VERBS.has(lemma) || DENIAL_VERBS.has(lemma)) && pos === "VERB";
    const isAccording = lower === "according" && table.lower[i + 1] === "to";
    if (isReporting || isAccording) {
      const speaker = isAccording ? speakerNear(table, i + 1, first, last) : speakerNear(table, i, first, last);
      if (speaker && !stance.speakers.includes(speaker)) stance.speakers.push(speaker);
    }
  }
  return stance;
}

/** A verb follows (adverbs and "not" between allowed): "may persist", "could well be" — not "military might." */
function isVerbAhead(table: TokenTable, from: number, last: number): boolean {
  for (let k = from; k <= last && k <= from + 3; k++) {
    const pos = table.pos[k];
    if (pos === "VERB" || pos === "AUX") return true;
    if (pos !== "ADV" && pos !== "PART") return false;
  }
  return false;
}
