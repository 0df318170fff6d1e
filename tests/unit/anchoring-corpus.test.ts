import { describe, expect, it } from "vitest";

import { loadCorpus, runCorpus, summarize } from "./fixtures/anchoring/corpus/judge";

// The adversarial corpus (issue 15 item 3) and the public-style vectors, run
// twice: with the selector alone (what a W3C import or the display has) and
// with the previous version at hand (re-anchoring onto a new version). Every
// case is judged as a careful reader would: correct (the expected passage
// and classification, or an orphan where the passage is gone), orphaned
// (left for a person although it could have been placed — allowed), or
// wrong (attached where it must not be, or to other words — never allowed).

const corpus = loadCorpus("adversarial-corpus.json");
const vectors = loadCorpus("public-vectors.json");

describe.each([
  ["adversarial corpus", corpus],
  ["public-style vectors", vectors],
] as const)("%s", (name, cases) => {
  it.each(["selector only", "with previous version"] as const)("%s: no wrong attachment", (mode) => {
    const run = runCorpus(cases, mode);
    console.log(`${name}, ${mode} — ${summarize(run, cases.length)}`);
    if (run.problems.length > 0) console.log(run.problems.map((line) => `  ${line}`).join("\n"));
    expect(run.problems.filter((line) => line.startsWith("wrong"))).toEqual([]);
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
      for (const expected of [c.expected, c.expectedWithPreviousVersion]) {
        if (expected && expected.status !== "orphaned") expect(c.newText.slice(expected.start, expected.end), c.id).toBe(expected.exact);
      }
    }
  });

  it("keeps orphans few: the previous version places every adversarial case", () => {
    expect(runCorpus(corpus, "with previous version").counts).toMatchObject({ correct: corpus.length });
    expect(runCorpus(corpus, "selector only").counts.orphaned).toBeLessThanOrEqual(7);
  });
});
