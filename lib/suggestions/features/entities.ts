// Named entities and noun phrases of one sentence. Entities are runs of
// proper nouns (wink's PROPN tag) plus capitalised parts of hyphenated words
// ("ex-Wagner", "Kremlin-backed"); each gets a root shared by its demonym
// ("Russian" and "Russia" → "russ") so two sources naming the same actor
// differently still meet.
import type { TokenTable } from "../nlp";

export type EntityMention = { root: string; surface: string };

const DEMONYM_SUFFIXES = ["ians", "ans", "ian", "ese", "ish", "an", "ns", "n", "i", "e", "a", "s"];
const LEADING_WORDS = new Set(["the", "a", "an"]);
// Capitalised words that are not names.
const NOT_NAMES = new Set([
  ...["i", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "st."],
  ...["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
  ...["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
]);

/** Lowercase stem shared by a place and its demonym: Russia/Russian, Mali/Malian, Ukraine/Ukrainian. */
export function entityRoot(word: string): string {
  let lower = word.toLowerCase();
  if (lower.endsWith("’s") || lower.endsWith("'s")) lower = lower.slice(0, -2);
  // Strip suffixes until none applies: "russia" → "russi" → "russ", like "russian" → "russ".
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of DEMONYM_SUFFIXES) {
      if (lower.endsWith(suffix) && lower.length - suffix.length >= 4) {
        lower = lower.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return lower;
}

function isCapitalised(word: string): boolean {
  const first = word.charCodeAt(0);
  return first >= 65 && first <= 90;
}

/**
 * Which tokens are names: capitalised proper nouns, except a sentence's first
 * word when the text never capitalises it mid-sentence ("Police detained…"
 * next to "police said", "Speculations suggest…").
 */
export function markNames(table: TokenTable, sentenceStarts: Set<number>): Uint8Array {
  const capitalisedInside = new Set<string>();
  for (let i = 0; i < table.count; i++) {
    if (!sentenceStarts.has(i) && isCapitalised(table.value[i]!)) capitalisedInside.add(table.lower[i]!);
  }
  const names = new Uint8Array(table.count);
  for (let i = 0; i < table.count; i++) {
    const lower = table.lower[i]!;
    if (table.pos[i] !== "PROPN" || table.type[i] !== "word" || !isCapitalised(table.value[i]!) || NOT_NAMES.has(lower)) continue;
    if (sentenceStarts.has(i) && !capitalisedInside.has(lower)) continue;
    names[i] = 1;
  }
  return names;
}

/** Proper-noun runs ("Africa Corps", "Sadio Camara") and capitalised parts of hyphenated tokens. */
export function extractEntities(table: TokenTable, first: number, last: number, names: Uint8Array): EntityMention[] {
  const mentions: EntityMention[] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length > 0 && LEADING_WORDS.has(run[0]!.toLowerCase())) run.shift();
    if (run.length > 0) mentions.push({ root: run.map(entityRoot).join(" "), surface: run.join(" ") });
    run = [];
  };
  for (let i = first; i <= last; i++) {
    const word = table.value[i]!;
    const isName = names[i] === 1;
    if (word.includes("-") && table.type[i] === "word" && i > first) {
      // "ex-Wagner", "Tuareg-led": keep only the capitalised parts.
      flush();
      for (const part of word.split("-")) if (isCapitalised(part) && part.length > 1) run.push(part);
      flush();
    } else if (isName) {
      run.push(word);
    } else if (table.value[i] === "-" && run.length > 0) {
      // "Kremlin-backed": the name ends at the hyphen.
      flush();
    } else {
      flush();
    }
  }
  flush();
  return mentions;
}

/** Single-word entity roots, for overlap between sentences ("Wagner Group" and "ex-Wagner" share "wagner"). */
export function entityWords(mentions: EntityMention[]): Set<string> {
  const words = new Set<string>();
  for (const mention of mentions) for (const part of mention.root.split(" ")) if (part.length > 1) words.add(part);
  return words;
}

const NOUN_TAGS = new Set(["NOUN", "PROPN"]);

/** Head lemma of every noun phrase (the last noun of a run of nouns and adjectives). */
export function extractNounHeads(table: TokenTable, first: number, last: number): string[] {
  const heads: string[] = [];
  for (let i = first; i <= last; i++) {
    if (!NOUN_TAGS.has(table.pos[i]!) || table.type[i] !== "word") continue;
    const next = i + 1 <= last ? table.pos[i + 1]! : "";
    if (!NOUN_TAGS.has(next)) heads.push(table.lemma[i]!);
  }
  return heads;
}
