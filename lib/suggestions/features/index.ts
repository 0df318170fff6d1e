// Everything the engine knows about one sentence, extracted once per source.
import type { TokenTable, WinkEntity } from "../nlp";
import type { SentenceUnit } from "../sentences";
import { extractDates, type DateMention, type TimeMention } from "./dates";
import { entityWords, extractEntities, extractNounHeads, markNames, type EntityMention } from "./entities";
import { extractEvents, negationStart, type EventMention } from "./events";
import { extractQuantities, type Quantity } from "./quantities";
import { extractStance, isNegatedAt, type Stance } from "./stance";
import { REPORTING_VERBS } from "../lexicon";

export type VerbMention = { text: string; isNegated: boolean };

export type SentenceFeatures = {
  unit: SentenceUnit;
  /** Content lemmas with their counts (entity words included), for similarity. */
  terms: Map<string, number>;
  entities: EntityMention[];
  entityWords: Set<string>;
  nouns: Set<string>;
  /** Content verbs by lemma, with negation: "did not confirm" → confirm, negated. */
  verbs: Map<string, VerbMention>;
  quantities: Quantity[];
  dates: DateMention[];
  times: TimeMention[];
  events: EventMention[];
  stance: Stance;
  wordCount: number;
};

const CONTENT_TAGS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"]);
// Frequent words that carry no content of their own.
const LIGHT_WORDS = new Set(["say", "also", "then", "now", "just", "even", "still", "more", "most", "such", "other", "new", "year", "time", "make", "take", "get"]);

function extractTerms(table: TokenTable, first: number, last: number, nameMask: Uint8Array, names: Set<string>): Map<string, number> {
  const terms = new Map<string, number>();
  for (let i = first; i <= last; i++) {
    if (table.type[i] !== "word" && table.type[i] !== "number") continue;
    if (table.isStop[i] === 1 || !CONTENT_TAGS.has(table.pos[i]!)) continue;
    const lemma = table.lemma[i]!;
    if (lemma.length < 2 || LIGHT_WORDS.has(lemma) || nameMask[i] === 1) continue;
    terms.set(lemma, (terms.get(lemma) ?? 0) + 1);
  }
  // Names count through their roots, so "Russian" meets "Russia".
  for (const word of names) terms.set(word, (terms.get(word) ?? 0) + 1);
  return terms;
}

function extractVerbs(table: TokenTable, first: number, last: number): Map<string, VerbMention> {
  const verbs = new Map<string, VerbMention>();
  for (let i = first; i <= last; i++) {
    const lemma = table.lemma[i]!;
    if (table.pos[i] !== "VERB" || table.isStop[i] === 1 || REPORTING_VERBS.has(lemma) || verbs.has(lemma)) continue;
    const isNegated = isNegatedAt(table, i, first);
    const from = isNegated ? negationStart(table, i, first) : i;
    verbs.set(lemma, { text: table.text.slice(table.start[from]!, table.end[i]!), isNegated });
  }
  return verbs;
}

/** Features of every sentence of one tokenized text. */
export function extractFeatures(table: TokenTable, units: SentenceUnit[]): SentenceFeatures[] {
  const entityAt = new Map<number, string>();
  for (const entity of table.entities) for (let i = entity.first; i <= entity.last; i++) entityAt.set(i, entity.type);
  const nameMask = markNames(table, new Set(units.map((unit) => unit.first)));
  let cursor = 0;
  return units.map((unit) => {
    const { first, last } = unit;
    const own: WinkEntity[] = [];
    while (cursor < table.entities.length && table.entities[cursor]!.last < first) cursor++;
    for (let k = cursor; k < table.entities.length && table.entities[k]!.first <= last; k++) {
      if (table.entities[k]!.first >= first && table.entities[k]!.last <= last) own.push(table.entities[k]!);
    }
    const entities = extractEntities(table, first, last, nameMask);
    const names = entityWords(entities);
    const events = extractEvents(table, first, last);
    const quantities = extractQuantities(table, first, last, entityAt);
    const terms = extractTerms(table, first, last, nameMask, names);
    // Frames and amounts join the vocabulary, so "withdrew" meets "departure"
    // (same frame, same polarity) and "reappeared" meets "left" (same frame).
    for (const event of events) {
      terms.set(`frame:${event.frame}`, 1);
      terms.set(`frame:${event.frame}:${event.polarity}`, 1);
    }
    for (const quantity of quantities) terms.set(`amount:${quantity.kind}:${quantity.unit}`, 1);
    let wordCount = 0;
    for (let i = first; i <= last; i++) if (table.type[i] === "word") wordCount++;
    return {
      unit,
      terms,
      entities,
      entityWords: names,
      nouns: new Set(extractNounHeads(table, first, last)),
      verbs: extractVerbs(table, first, last),
      quantities,
      ...extractDates(table, own, first, last),
      events,
      stance: extractStance(table, first, last),
      wordCount,
    };
  });
}
