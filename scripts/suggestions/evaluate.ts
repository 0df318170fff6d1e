// Scores the engine against the labelled article pairs in
// tests/fixtures/suggestions/: each label names the passages (quotes, with
// equivalent alternatives) a careful analyst would link, and the kind.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { suggestForSources } from "../../lib/suggestions/suggest";
import type { Suggestion, SuggestionKind } from "../../lib/suggestions/types";

type Quotes = string | string[];
type LabelFile = {
  title: string;
  heldOut: boolean;
  /** Written before a round of rule changes and never looked at in detail while making them. */
  sealed?: boolean;
  sources: Array<{ id: string; file: string }>;
  labels: Array<{ kind: SuggestionKind; a: Quotes; b: Quotes; note: string }>;
};
type Range = { start: number; end: number };
export type Label = { kind: SuggestionKind; a: Range[]; b: Range[]; note: string };
export type ArticlePair = { name: string; title: string; isHeldOut: boolean; isSealed: boolean; texts: [string, string]; labels: Label[] };

export const FIXTURES_DIR = path.join(process.cwd(), "tests", "fixtures", "suggestions");

function locate(text: string, quote: string, where: string): Range {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`${where}: quote not found: “${quote}”`);
  if (text.indexOf(quote, start + 1) !== -1) throw new Error(`${where}: quote occurs more than once: “${quote}”`);
  return { start, end: start + quote.length };
}

export function loadArticlePairs(dir = FIXTURES_DIR): ArticlePair[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = path.join(dir, entry.name);
      const file = JSON.parse(readFileSync(path.join(folder, "labels.json"), "utf8")) as LabelFile;
      const texts = file.sources.map((source) => readFileSync(path.join(folder, source.file), "utf8")) as [string, string];
      const labels = file.labels.map((label, i) => {
        const where = `${entry.name} label ${i + 1}`;
        const ranges = (quotes: Quotes, text: string) => [quotes].flat().map((quote) => locate(text, quote, where));
        return { kind: label.kind, a: ranges(label.a, texts[0]), b: ranges(label.b, texts[1]), note: label.note };
      });
      return { name: entry.name, title: file.title, isHeldOut: file.heldOut, isSealed: file.sealed === true, texts, labels };
    })
    .sort((x, y) => Number(x.isHeldOut) - Number(y.isHeldOut) || Number(x.isSealed) - Number(y.isSealed) || x.name.localeCompare(y.name));
}

const overlaps = (span: Range, ranges: Range[]) => ranges.some((range) => span.start < range.end && range.start < span.end);

/** Index of the first label this suggestion matches (spans overlap both sides, same kind), or -1. */
export function matchLabel(suggestion: Suggestion, labels: Label[]): number {
  return labels.findIndex(
    (label) => label.kind === suggestion.kind && overlaps(suggestion.spans[0], label.a) && overlaps(suggestion.spans[1], label.b),
  );
}

/** Same passages as a label but the other kind. */
export function isWrongKind(suggestion: Suggestion, labels: Label[]): boolean {
  return labels.some(
    (label) => label.kind !== suggestion.kind && overlaps(suggestion.spans[0], label.a) && overlaps(suggestion.spans[1], label.b),
  );
}

export type PairResult = {
  pair: ArticlePair;
  suggestions: Suggestion[];
  /** For each suggestion, the label it matches or -1. */
  matches: number[];
  ms: number;
};

export function evaluatePair(pair: ArticlePair): PairResult {
  const started = performance.now();
  const { suggestions } = suggestForSources([
    { id: "a", text: pair.texts[0], language: "en" },
    { id: "b", text: pair.texts[1], language: "en" },
  ]);
  const ms = performance.now() - started;
  return { pair, suggestions, matches: suggestions.map((suggestion) => matchLabel(suggestion, pair.labels)), ms };
}

export type Figures = { hitsAt5: number; shownAt5: number; hitsAt10: number; shownAt10: number; found: number; labels: number };

/** Counts behind precision@5/@10 (over the suggestions actually shown, at most k) and recall@20, optionally for one kind. */
export function countFigures(result: PairResult, kind?: SuggestionKind): Figures {
  const inKind = (i: number) => !kind || result.suggestions[i]!.kind === kind;
  const top = (k: number) =>
    result.matches
      .slice(0, k)
      .map((match, i) => ({ match, i }))
      .filter(({ i }) => inKind(i));
  const labels = result.pair.labels.filter((label) => !kind || label.kind === kind);
  const found = new Set(result.matches.slice(0, 20).filter((match) => match !== -1));
  return {
    hitsAt5: top(5).filter(({ match }) => match !== -1).length,
    shownAt5: top(5).length,
    hitsAt10: top(10).filter(({ match }) => match !== -1).length,
    shownAt10: top(10).length,
    found: [...found].filter((match) => !kind || result.pair.labels[match]!.kind === kind).length,
    labels: labels.length,
  };
}

export function addFigures(all: Figures[]): Figures {
  const sum = (pick: (f: Figures) => number) => all.reduce((total, f) => total + pick(f), 0);
  return {
    hitsAt5: sum((f) => f.hitsAt5),
    shownAt5: sum((f) => f.shownAt5),
    hitsAt10: sum((f) => f.hitsAt10),
    shownAt10: sum((f) => f.shownAt10),
    found: sum((f) => f.found),
    labels: sum((f) => f.labels),
  };
}

export const ratio = (part: number, whole: number) => (whole === 0 ? Number.NaN : part / whole);
