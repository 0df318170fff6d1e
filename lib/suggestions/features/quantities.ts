// Amounts stated in one sentence, each as an interval with its unit and hedge:
// "up to 80%" → [0, 80] %, "more than 30 soldiers" → [30, ∞) soldier,
// "most fighters" → (50, 100] % of fighter, "no workers" → [0, 0] worker.
// Intervals let "up to 80%" and "most" be compatible while "12" and "30" of
// the same thing conflict.
import type { TokenTable } from "../nlp";
import { FRACTIONS, MULTIPLIERS, parseNumberToken } from "./number-words";
import { readHedge, type Hedge } from "./hedges";

export type QuantityKind = "share" | "money" | "count";

export type Quantity = {
  kind: QuantityKind;
  low: number;
  high: number;
  /** "%" for shares, a currency for money, the counted noun's lemma for counts ("" when unknown). */
  unit: string;
  hedge: Hedge;
  /** What a share is of: "most fighters" → "fighter", "80% of the unit" → "unit", "revenue fell 12%" → "revenue" ("" when unknown). */
  of: string;
  /** The words as written, hedge included: "up to 80%". */
  text: string;
  first: number;
  last: number;
};

const CURRENCY_SYMBOLS: Record<string, string> = { $: "dollar", "€": "euro", "£": "pound", "¥": "yen" };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: "dollar",
  usd: "dollar",
  euro: "euro",
  eur: "euro",
  pound: "pound",
  gbp: "pound",
  franc: "franc",
  yen: "yen",
  rupee: "rupee",
  naira: "naira",
  rand: "rand",
  shilling: "shilling",
};
const PERCENT_WORDS = new Set(["%", "percent", "per cent", "pc"]);
/** Determiners that state a share of a group. */
const SHARE_WORDS: Record<string, [number, number]> = {
  most: [50.01, 100],
  majority: [50.01, 100],
  bulk: [50.01, 100],
  all: [100, 100],
  every: [100, 100],
  entire: [100, 100],
  none: [0, 0],
  minority: [0, 49.99],
  few: [0, 20],
};
const COUNT_ZERO = new Set(["no", "nobody", "none"]);

function isInsideEntity(table: TokenTable, index: number, types: Set<string>, entityAt: Map<number, string>): boolean {
  const type = entityAt.get(index);
  return type !== undefined && types.has(type);
}

/** The noun a number counts: "30 Malian soldiers" → "soldier", "80% of the unit" → "unit". */
function countedNoun(table: TokenTable, from: number, last: number): string {
  for (let i = from; i <= Math.min(last, from + 4); i++) {
    const pos = table.pos[i];
    if (pos === "NOUN") return table.lemma[i]!;
    if (pos !== "ADJ" && pos !== "PROPN" && pos !== "DET" && pos !== "NUM" && table.lower[i] !== "of" && table.lower[i] !== "-") return "";
  }
  return "";
}

function applyHedge(value: number, hedge: Hedge): [number, number] {
  if (hedge === "upper") return [0, value];
  if (hedge === "lower") return [value, Number.POSITIVE_INFINITY];
  if (hedge === "near") return [value * 0.85, value];
  if (hedge === "approx") return [value * 0.8, value * 1.2];
  return [value, value];
}

/** Amounts in tokens first..last (dates, times and bracketed references are skipped). */
export function extractQuantities(table: TokenTable, first: number, last: number, entityAt: Map<number, string>): Quantity[] {
  const found: Quantity[] = [];
  const skipTypes = new Set(["DATE", "TIME", "DURATION", "ORDINAL"]);
  for (let i = first; i <= last; i++) {
    if (isInsideEntity(table, i, skipTypes, entityAt)) continue;
    if (table.value[i - 1] === "[" && table.value[i + 1] === "]") continue;
    const lower = table.lower[i]!;
    let value = table.type[i] === "number" || table.pos[i] === "NUM" ? parseNumberToken(lower) : null;
    let start = i;
    let end = i;
    let kind: QuantityKind = "count";
    let unit = "";
    if (value !== null) {
      // "twenty-five" arrives as "twenty", "-", "five".
      const ones = table.value[i + 1] === "-" ? parseNumberToken(table.lower[i + 2] ?? "") : null;
      if (ones !== null && value >= 20 && value < 100 && value % 10 === 0 && ones < 10) [value, end] = [value + ones, i + 2];
      while (end + 1 <= last && MULTIPLIERS[table.lower[end + 1]!] !== undefined) value *= MULTIPLIERS[table.lower[++end]!]!;
      const symbol = CURRENCY_SYMBOLS[table.value[i - 1] ?? ""];
      const next = table.lower[end + 1] ?? "";
      const nextLemma = table.lemma[end + 1] ?? "";
      if (PERCENT_WORDS.has(next) || (next === "per" && table.lower[end + 2] === "cent")) {
        kind = "share";
        unit = "%";
        end += next === "per" ? 2 : 1;
      } else if (symbol) {
        kind = "money";
        unit = symbol;
        start = i - 1;
      } else if (CURRENCY_WORDS[nextLemma]) {
        kind = "money";
        unit = CURRENCY_WORDS[nextLemma]!;
        end++;
      } else if (FRACTIONS[next] !== undefined && value < 10) {
        // "two-thirds", "three quarters"
        kind = "share";
        unit = "%";
        value = next === "thirds" ? (value * 100) / 3 : next === "quarters" ? value * 25 : FRACTIONS[next]!;
        end++;
      } else {
        unit = countedNoun(table, end + 1, last);
        // A bare four-digit number with nothing counted is a year the NER missed.
        if (unit === "" && value >= 1800 && value <= 2100 && Number.isInteger(value)) continue;
      }
    } else if (SHARE_WORDS[lower] && isShareDeterminer(table, i, last)) {
      [value, kind, unit] = [0, "share", "%"];
    } else if (
      FRACTIONS[lower] !== undefined &&
      (table.lower[i - 1] === "a" || table.lower[i - 1] === "one" || lower === "half") &&
      table.lower[i + 1] === "of"
    ) {
      [value, kind, unit] = [FRACTIONS[lower]!, "share", "%"];
      if (table.lower[i - 1] === "a" || table.lower[i - 1] === "one") start = i - 1;
    } else if (COUNT_ZERO.has(lower) && (lower !== "no" || table.pos[i + 1] === "NOUN" || table.pos[i + 1] === "ADJ")) {
      [value, kind] = [0, "count"];
      unit = lower === "nobody" ? "people" : countedNoun(table, i + 1, last);
      if (unit === "" && lower === "no" && table.lower[i + 1] === "one") unit = "people";
      if (unit === "") continue;
    } else continue;
    const { hedge, first: hedgeFirst } = readHedge(table, start, first);
    let [low, high] = kind === "share" && SHARE_WORDS[lower] ? SHARE_WORDS[lower]! : applyHedge(value, hedge);
    if (hedge === "near" && SHARE_WORDS[lower]) [low, high] = [Math.max(0, high - 15), high];
    const of = kind === "share" ? countedNoun(table, end + 1, last) || nounBefore(table, hedgeFirst - 1, first) : "";
    found.push({
      kind,
      low,
      high,
      unit,
      of,
      hedge,
      text: table.text.slice(table.start[hedgeFirst]!, table.end[end]!),
      first: hedgeFirst,
      last: end,
    });
    i = end;
  }
  return found;
}

/** The subject noun a few words before a share: "revenue fell by 12%" → "revenue", "shares rose 4%" → "share". */
function nounBefore(table: TokenTable, from: number, first: number): string {
  for (let k = from; k >= Math.max(first, from - 4); k--) {
    // A sentence's first word may be tagged a proper noun for its capital ("Shares rose…").
    if (table.pos[k] === "NOUN" || (k === first && table.pos[k] === "PROPN")) return table.lemma[k]!;
    if (table.pos[k] === "PUNCT") return "";
  }
  return "";
}

/** "most fighters", "most of the unit", "the majority" — not the superlative "the most dangerous". */
function isShareDeterminer(table: TokenTable, i: number, last: number): boolean {
  const lower = table.lower[i]!;
  if (lower === "most" && table.lower[i - 1] === "the") return false;
  if (lower === "majority" || lower === "minority" || lower === "bulk") return true;
  if (i + 1 > last) return false;
  const next = table.pos[i + 1];
  return table.lower[i + 1] === "of" || next === "NOUN" || (next === "ADJ" && table.pos[i + 2] === "NOUN") || next === "PROPN";
}
