// The hedge words in front of an amount: "up to", "more than", "about".
import type { TokenTable } from "../nlp";

/** exact: "80"; upper: "up to 80"; lower: "more than 30"; near: "nearly 80"; approx: "about 80". */
export type Hedge = "exact" | "upper" | "lower" | "near" | "approx";

const PHRASES: Array<[string[], Hedge]> = [
  [["up", "to"], "upper"],
  [["at", "most"], "upper"],
  [["no", "more", "than"], "upper"],
  [["not", "more", "than"], "upper"],
  [["less", "than"], "upper"],
  [["fewer", "than"], "upper"],
  [["as", "many", "as"], "upper"],
  [["as", "much", "as"], "upper"],
  [["under"], "upper"],
  [["below"], "upper"],
  [["more", "than"], "lower"],
  [["at", "least"], "lower"],
  [["no", "fewer", "than"], "lower"],
  [["no", "less", "than"], "lower"],
  [["in", "excess", "of"], "lower"],
  [["upwards", "of"], "lower"],
  [["over"], "lower"],
  [["above"], "lower"],
  [["nearly"], "near"],
  [["almost"], "near"],
  [["close", "to"], "near"],
  [["just", "under"], "near"],
  [["about"], "approx"],
  [["around"], "approx"],
  [["roughly"], "approx"],
  [["approximately"], "approx"],
  [["some"], "approx"],
  [["estimated"], "approx"],
  [["an", "estimated"], "approx"],
  [["circa"], "approx"],
  [["~"], "approx"],
];

/** The hedge directly before token `start` (never reaching before `floor`), longest phrase first. */
export function readHedge(table: TokenTable, start: number, floor: number): { hedge: Hedge; first: number } {
  let best: { hedge: Hedge; first: number } = { hedge: "exact", first: start };
  for (const [words, hedge] of PHRASES) {
    const from = start - words.length;
    if (from < floor || from >= best.first) continue;
    if (words.every((word, k) => table.lower[from + k] === word)) best = { hedge, first: from };
  }
  return best;
}
