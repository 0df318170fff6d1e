import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { anchorSpan, type AnchorResult } from "@/lib/anchoring/anchor";

import type { CorpusCase, CorpusFile } from "./fixtures/anchoring/corpus/case";

// The adversarial corpus (issue 15 item 3) and the public-style vectors, run
// twice: with the selector alone (what a W3C import or the display has) and
// with the previous version at hand (re-anchoring onto a new version). Every
// case is judged as a careful reader would: correct (the expected passage
// and classification, or an orphan where the passage is gone), orphaned
// (left for a person although it could have been placed — allowed), or
// wrong (attached where it must not be, or to other words — never allowed).

type Outcome = "correct" | "orphaned" | "wrong";
type Mode = "selector only" | "with previous version";

const load = (name: string) =>
  (JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/anchoring/${name}`, import.meta.url)), "utf8")) as CorpusFile).cases;
const corpus = load("adversarial-corpus.json");
const vectors = load("public-vectors.json");

function anchorCase(c: CorpusCase, mode: Mode): AnchorResult {
  return anchorSpan(c.newText, c.selector, {
    ...(c.emptyContext ? { emptyContext: c.emptyContext } : {}),
    ...(mode === "with previous version" ? { previousText: c.oldText } : {}),
  });
}

function judge(c: CorpusCase, result: AnchorResult, mode: Mode): Outcome {
  const expected = (mode === "with previous version" && c.expectedWithPreviousVersion) || c.expected;
  if (expected.status === "orphaned") return result.status === "orphaned" ? "correct" : "wrong";
  if (result.status === "orphaned") return "orphaned";
  const isSame = result.status === expected.status && result.start === expected.start && result.end === expected.end;
  return isSame ? "correct" : "wrong";
}

function describeResult(result: AnchorResult, text: string): string {
  if (result.status === "orphaned") return `orphaned (${result.reason})`;
  return `${result.status} [${result.start}, ${result.end}) “${text.slice(result.start, result.end)}”`;
}

function run(cases: CorpusCase[], mode: Mode) {
  const counts = { correct: 0, orphaned: 0, wrong: 0, undecidable: 0 };
  const problems: string[] = [];
  for (const c of cases) {
    const result = anchorCase(c, mode);
    const outcome = judge(c, result, mode);
    // Some cases only the previous version can settle; without it they are counted apart.
    if (mode === "selector only" && c.needsPreviousVersion) {
      counts.undecidable++;
      continue;
    }
    counts[outcome]++;
    if (outcome !== "correct") problems.push(`${outcome}: ${c.id} → ${describeResult(result, c.newText)}`);
  }
  return { counts, problems };
}

describe.each([
  ["adversarial corpus", corpus],
  ["public-style vectors", vectors],
] as const)("%s", (name, cases) => {
  it.each(["selector only", "with previous version"] as const)("%s: no wrong attachment", (mode) => {
    const { counts, problems } = run([...cases], mode);
    const undecidable = counts.undecidable > 0 ? `, ${counts.undecidable} need the previous version` : "";
    console.log(
      `${name}, ${mode}: ${cases.length} cases — ${counts.correct} correct, ${counts.orphaned} orphaned, ${counts.wrong} wrong${undecidable}`,
    );
    if (problems.length > 0) console.log(problems.map((line) => `  ${line}`).join("\n"));
    expect(problems.filter((line) => line.startsWith("wrong"))).toEqual([]);
  });
});

describe("the corpus itself", () => {
  it("has at least 40 hand-made cases across the families issue 15 names", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const families = new Set(corpus.map((c) => c.family));
    for (const family of [
      "deleted passage with a twin",
      "live blog",
      "CRLF / LF",
      "NFD accents",
      "Arabic and Hebrew",
      "sentence split in two",
    ]) {
      expect(families).toContain(family);
    }
  });

  it("stores selectors that describe the old text and expectations that quote the new text", () => {
    for (const c of [...corpus, ...vectors]) {
      expect(c.oldText.slice(c.selector.start, c.selector.end), c.id).toBe(c.selector.exact);
      if (c.expected.status !== "orphaned") expect(c.newText.slice(c.expected.start, c.expected.end), c.id).toBe(c.expected.exact);
    }
  });
});
