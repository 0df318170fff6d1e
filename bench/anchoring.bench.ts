// Re-anchoring benchmark (issue 15): 5,000 spans made on a 20,000-word
// source, re-anchored onto a new version with 20 scattered edits (paragraphs
// removed, numbers corrected, typos fixed, words replaced, sentences
// inserted), with the previous version at hand as the version flow has it,
// and with the selectors alone. Each outcome is checked against what the
// edits did to that span. Also runs the anchoring corpus and reports its
// correct / orphaned / wrong counts. Target: well under 500 ms.

import type { AnchorResult } from "@/lib/anchoring/anchor";
import { anchorAll } from "@/lib/anchoring/anchor-all";

import { loadCorpus, runCorpus, summarize, type Mode } from "../tests/unit/fixtures/anchoring/corpus/judge";
import { makeVersionBench, type Expected, type VersionBench } from "./anchoring-data";
import type { BenchResult } from "./types";

const RUNS = 5;
const TARGET_MS = 500;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;

type Tally = { correct: number; orphaned: number; imprecise: number; wrong: number };

/** correct: as expected; orphaned: left for a person; imprecise: the right place, other bounds or class; wrong: another place. */
function judgeSpan(expected: Expected, result: AnchorResult): keyof Tally {
  if (result.status === "orphaned") return expected.status === "orphaned" ? "correct" : "orphaned";
  if (expected.status === "orphaned") return expected.isPartlyLeft && result.status === "changed" ? "correct" : "wrong";
  if (result.start === expected.start && result.end === expected.end) return result.status === expected.status ? "correct" : "imprecise";
  return result.start < expected.end && expected.start < result.end ? "imprecise" : "wrong";
}

function measure(bench: VersionBench, mode: Mode) {
  const options = mode === "with previous version" ? { previousText: bench.oldText } : {};
  const times: number[] = [];
  let results: AnchorResult[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    results = anchorAll(bench.newText, bench.selectors, options);
    if (i > 0) times.push(performance.now() - started);
  }
  const tally: Tally = { correct: 0, orphaned: 0, imprecise: 0, wrong: 0 };
  results.forEach((result, i) => tally[judgeSpan(bench.expected[i]!, result)]++);
  const statuses = { unchanged: 0, changed: 0, orphaned: 0 };
  for (const result of results) statuses[result.status]++;
  return { ms: median(times), tally, statuses };
}

function corpusFigures(): BenchResult[] {
  const files = [
    ["adversarial corpus", loadCorpus("adversarial-corpus.json")],
    ["public-style vectors", loadCorpus("public-vectors.json")],
  ] as const;
  return files.flatMap(([name, cases]) =>
    (["selector only", "with previous version"] as const).map((mode) => {
      const run = runCorpus(cases, mode);
      return { name: `${name}, ${mode}: wrong attachments`, value: run.counts.wrong, unit: "spans", note: summarize(run, cases.length) };
    }),
  );
}

export async function run(): Promise<BenchResult[]> {
  const bench = makeVersionBench();
  const spans = bench.selectors.length.toLocaleString("en");
  const rows = (["with previous version", "selector only"] as const).map((mode): BenchResult => {
    const { ms, tally, statuses } = measure(bench, mode);
    const counts = `${statuses.unchanged} unchanged, ${statuses.changed} changed, ${statuses.orphaned} orphaned; vs the edits: ${tally.correct} correct, ${tally.orphaned} orphaned, ${tally.imprecise} imprecise, ${tally.wrong} wrong`;
    return {
      name: `re-anchor ${spans} spans onto a new version with 20 edits (${mode})`,
      value: round(ms),
      unit: "ms",
      ...(mode === "with previous version" ? { target: TARGET_MS } : {}),
      note: `anchorAll in Node, median of ${RUNS}; ${counts}`,
    };
  });
  return [...rows, ...corpusFigures()];
}
