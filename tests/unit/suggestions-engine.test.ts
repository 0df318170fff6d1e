import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { NOT_ENGLISH_REASON } from "@/lib/suggestions/language";
import { suggestForSources, TOO_SHORT_REASON } from "@/lib/suggestions/suggest";
import type { Suggestion } from "@/lib/suggestions/types";

const seed = (name: string) => readFileSync(`tests/unit/fixtures/seeds/${name}.clean.txt`, "utf8");
const rifts = seed("rifts-mali-military-wagner");
const leaves = seed("wagner-leaves-mali-africa-corps");
const sources = [
  { id: "rifts", text: rifts, language: "en" },
  { id: "leaves", text: leaves, language: "en" },
];

const quoteOf = (suggestion: Suggestion, side: 0 | 1, text: string) => text.slice(suggestion.spans[side].start, suggestion.spans[side].end);

describe("suggestForSources on the seeded comparison", () => {
  const result = suggestForSources(sources);

  it("puts the design card's contradiction among the top five", () => {
    const top = result.suggestions.slice(0, 5);
    const example = top.find(
      (s) =>
        s.kind === "contradiction" &&
        quoteOf(s, 0, rifts).includes("reappeared under the Kremlin-backed") &&
        quoteOf(s, 1, leaves).includes("claiming mission accomplished"),
    );
    expect(example, "withdrawal vs rebranding").toBeDefined();
    expect(example!.reasons.join(" ")).toMatch(/reappeared.*departure|departure.*reappeared/);
  });

  it("finds the 'up to 80%' / 'most personnel' agreement with consistent amounts", () => {
    const agreement = result.suggestions.find(
      (s) =>
        s.kind === "agreement" && quoteOf(s, 0, rifts).includes("up to 80%") && quoteOf(s, 1, leaves).includes("most Russian personnel"),
    );
    expect(agreement).toBeDefined();
    expect(agreement!.reasons.join(" ")).toContain("Africa Corps");
  });

  it("gives spans that are whole sentences of the right source, scores in 0–1 sorted best first", () => {
    expect(result.engineVersion).toMatch(/^suggestions-/);
    for (const s of result.suggestions) {
      expect(s.spans.map((span) => span.sourceId)).toEqual(["rifts", "leaves"]);
      expect(s.spans[0].end).toBeGreaterThan(s.spans[0].start);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    const scores = result.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("keeps keys stable across recomputation and distinct between suggestions", () => {
    const again = suggestForSources(sources);
    expect(again.suggestions.map((s) => s.key)).toEqual(result.suggestions.map((s) => s.key));
    expect(new Set(result.suggestions.map((s) => s.key)).size).toBe(result.suggestions.length);
  });
});

describe("suggestForSources with many, short or foreign sources", () => {
  it("pairs every two of three sources, each pair in source order", () => {
    const third = {
      id: "third",
      text: "Wagner withdrew from Mali in June. Most of its fighters reappeared under the Africa Corps.",
      language: "en",
    };
    const { suggestions } = suggestForSources([...sources, third]);
    const pairs = new Set(suggestions.map((s) => s.spans.map((span) => span.sourceId).join("→")));
    expect(pairs).toEqual(new Set(["rifts→leaves", "rifts→third", "leaves→third"]));
  });

  it("skips a non-English source with a clear reason and no nonsense", () => {
    const french = {
      id: "fr",
      text: "Le groupe Wagner a annoncé son départ du Mali. La plupart de ses combattants sont restés sous le nom d'Africa Corps, selon les sources.",
      language: "fr",
    };
    const result = suggestForSources([sources[0]!, french]);
    expect(result.suggestions).toEqual([]);
    expect(result.skipped).toEqual([{ sourceId: "fr", reason: NOT_ENGLISH_REASON }]);
    const mislabelled = { ...french, id: "fr-as-en", language: "en", text: `${french.text} ${french.text} ${french.text}` };
    expect(suggestForSources([sources[0]!, mislabelled]).skipped).toEqual([{ sourceId: "fr-as-en", reason: NOT_ENGLISH_REASON }]);
  });

  it("gives no suggestions and no error for empty or one-sentence sources", () => {
    for (const text of ["", "   ", "Wagner left Mali."]) {
      const result = suggestForSources([sources[0]!, { id: "short", text, language: "en" }]);
      expect(result.suggestions).toEqual([]);
      expect(result.skipped).toEqual([{ sourceId: "short", reason: TOO_SHORT_REASON }]);
    }
    expect(suggestForSources([]).suggestions).toEqual([]);
  });
});
