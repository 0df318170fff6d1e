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
  /** Content stems and noun-phrase bigrams with their counts (entity roots included), for similarity. */
  terms: Map<string, number>;
  /** A readable word for each stem term ("peopl" → "people"), for reasons. */
  termWords: Map<string, string>;
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
const LIGHT_WORDS = new Set([
  "say",
  "also",
  "then",
  "now",
  "just",
  "even",
  "still",
  "more",
  "most",
  "such",
  "other",
  "new",
  "year",
  "time",
  "make",
  "take",
  "get",
]);

const PHRASE_TAGS = new Set(["NOUN", "ADJ", "PROPN"]);

function extractTerms(table: TokenTable, first: number, last: number, nameMask: Uint8Array, names: Set<string>) {
  const terms = new Map<string, number>();
  const termWords = new Map<string, string>();
  let previous = -1;
  for (let i = first; i <= last; i++) {
    const isContent = (table.type[i] === "word" || table.type[i] === "number") && table.isStop[i] === 0 && CONTENT_TAGS.has(table.pos[i]!);
    const lemma = table.lemma[i]!;
    if (!isContent || lemma.length < 2 || LIGHT_WORDS.has(lemma) || nameMask[i] === 1) {
      previous = -1;
      continue;
    }
    const stem = table.stem[i]!;
    terms.set(stem, (terms.get(stem) ?? 0) + 1);
    if (!termWords.has(stem)) termWords.set(stem, lemma);
    // Adjacent words of one noun phrase ("electrical fault", "retirement age") also count as a pair.
    if (previous === i - 1 && PHRASE_TAGS.has(table.pos[previous]!) && PHRASE_TAGS.has(table.pos[i]!)) {
      const pair = `${table.stem[previous]}_${stem}`;
      terms.set(pair, (terms.get(pair) ?? 0) + 1);
    }
    previous = i;
  }
  // Names count through their roots, so "Russian" meets "Russia".
  for (const word of names) terms.set(word, (terms.get(word) ?? 0) + 1);
  return { terms, termWords };
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
    const { terms, termWords } = extractTerms(table, first, last, nameMask, names);
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
      termWords,
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
