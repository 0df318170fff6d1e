// npm run eval:suggestions [-- --verbose]: precision@5, precision@10 and
// recall@20 of the suggestion engine on the labelled article pairs, per pair,
// per kind, for the tuned set and the held-out sets. Exits 1 below target.
// --verbose lists every suggestion and miss, except for the sealed pairs
// (add --show-sealed once their figures have been reported).
import {
  addFigures,
  countFigures,
  evaluatePair,
  isWrongKind,
  loadArticlePairs,
  ratio,
  type Figures,
  type PairResult,
} from "./suggestions/evaluate";

/** Targets on the pooled tuned set (also stated in the README). */
export const TARGETS = { precisionAt10: 0.7, recallAt20: 0.8 };
/**
 * The held-out pairs were written after tuning and are reported, not gated:
 * the floor first set for them (P@10 ≥ 50%, R@20 ≥ 60%) was missed at the
 * first measurement, and moving it afterwards would make it meaningless.
 */
const HELD_OUT_FLOOR = { precisionAt10: 0.5, recallAt20: 0.6 };

const isVerbose = process.argv.includes("--verbose");
const isSealedShown = process.argv.includes("--show-sealed");
const pct = (value: number) => (Number.isNaN(value) ? "  –  " : `${(value * 100).toFixed(0).padStart(3)}%`);

function line(name: string, f: Figures, extra = ""): string {
  const p5 = `${pct(ratio(f.hitsAt5, f.shownAt5))} (${f.hitsAt5}/${f.shownAt5})`;
  const p10 = `${pct(ratio(f.hitsAt10, f.shownAt10))} (${f.hitsAt10}/${f.shownAt10})`;
  const r20 = `${pct(ratio(f.found, f.labels))} (${f.found}/${f.labels})`;
  return `${name.padEnd(28)} P@5 ${p5.padEnd(13)} P@10 ${p10.padEnd(14)} R@20 ${r20.padEnd(13)}${extra}`;
}

function report(title: string, results: PairResult[]): Figures {
  console.log(`\n${title}`);
  for (const result of results) {
    const wrongKind = result.suggestions
      .slice(0, 10)
      .filter((s, i) => result.matches[i] === -1 && isWrongKind(s, result.pair.labels)).length;
    console.log(
      line(
        result.pair.name,
        countFigures(result),
        `  ${result.suggestions.length} suggested, ${wrongKind} wrong kind in top 10, ${result.ms.toFixed(0)} ms`,
      ),
    );
    if (isVerbose && (!result.pair.isSealed || isSealedShown)) printDetail(result);
  }
  const pooled = addFigures(results.map((result) => countFigures(result)));
  console.log(line("pooled", pooled));
  for (const kind of ["agreement", "contradiction"] as const)
    console.log(line(`  ${kind}s`, addFigures(results.map((result) => countFigures(result, kind)))));
  return pooled;
}

function printDetail(result: PairResult): void {
  const [a, b] = result.pair.texts;
  result.suggestions.slice(0, 20).forEach((s, i) => {
    const mark = result.matches[i] !== -1 ? "✓" : isWrongKind(s, result.pair.labels) ? "≠" : "✗";
    console.log(
      `   ${mark} ${String(i + 1).padStart(2)} ${s.kind.padEnd(13)} ${s.score.toFixed(2)}  A: ${a.slice(s.spans[0].start, s.spans[0].end).slice(0, 70)}`,
    );
    console.log(`                               B: ${b.slice(s.spans[1].start, s.spans[1].end).slice(0, 70)}`);
    console.log(`                               ${s.reasons.join(" · ")}`);
  });
  const found = new Set(result.matches.slice(0, 20));
  result.pair.labels.forEach((label, i) => {
    if (!found.has(i)) console.log(`   missed: ${label.kind} — ${label.note}`);
  });
}

function judge(name: string, figures: Figures, targets: typeof TARGETS): boolean {
  const precision = ratio(figures.hitsAt10, figures.shownAt10);
  const recall = ratio(figures.found, figures.labels);
  const isMet = precision >= targets.precisionAt10 && recall >= targets.recallAt20;
  console.log(
    `${name}: P@10 ${pct(precision)} (target ≥ ${pct(targets.precisionAt10)}), R@20 ${pct(recall)} (target ≥ ${pct(targets.recallAt20)}) — ${isMet ? "ok" : "MISSED"}`,
  );
  return isMet;
}

const pairs = loadArticlePairs();
const results = pairs.map(evaluatePair);
const tuned = report(
  "Tuned set (used while writing the rules)",
  results.filter((result) => !result.pair.isHeldOut),
);
const heldOutResults = results.filter((result) => result.pair.isHeldOut && !result.pair.isSealed);
const sealedResults = results.filter((result) => result.pair.isSealed);
const heldOut =
  heldOutResults.length > 0 ? report("Held out in round 1 (its misses were examined for the round-2 rules)", heldOutResults) : null;
const sealed =
  sealedResults.length > 0 ? report("Sealed held-out set (written before round 2, never examined while tuning)", sealedResults) : null;
console.log("");
const isTunedMet = judge("tuned", tuned, TARGETS);
if (heldOut) judge("held out in round 1 (reported, not gated)", heldOut, HELD_OUT_FLOOR);
if (sealed) judge("sealed held-out (reported, not gated)", sealed, HELD_OUT_FLOOR);
process.exit(isTunedMet ? 0 : 1);
