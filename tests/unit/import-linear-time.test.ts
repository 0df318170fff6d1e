// Property test for issue 9 item 1: every import step runs in time linear in
// its input. Each adversarial input (tests/support/adversarial-inputs.ts) is
// cleaned at two sizes eight times apart; quadratic code takes ~64 times
// longer at the larger size (the old patterns took seconds at 40,000
// characters), linear code ~8 times. CPU time, best of two, with a floor for
// tiny timings, so a loaded machine does not make the test flaky.
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { extractSource } from "@/lib/sources/extract";
import { markdownToText } from "@/lib/sources/import-markdown";
import { looseKey } from "@/lib/sources/normalize";

import { adversarialCases, randomSyntax, seededRandom, type AdversarialCase, type AdversarialFormat } from "../support/adversarial-inputs";

/** Sizes eight times apart; HTML goes through jsdom, which costs more per character. */
const SIZES: Record<AdversarialFormat, [number, number]> = { text: [10_000, 80_000], markdown: [10_000, 80_000], html: [5_000, 40_000] };
/** Linear growth is ≈8×; allow noise, never quadratic (≈64×). */
const MAX_GROWTH = 20;
const FLOOR_MS = 3;

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function clean(content: string, format: AdversarialFormat): void {
  try {
    extractSource({ content, format, field: format === "text" ? "text" : format, title: "A title" });
  } catch (error) {
    // Refusals (too long, too complex) are answers too; anything else is a bug.
    if (!(error instanceof AppError)) throw error;
  }
}

function bestOf(content: string, format: AdversarialFormat): number {
  return Math.min(
    cpuMs(() => clean(content, format)),
    cpuMs(() => clean(content, format)),
  );
}

function expectLinear(cases: readonly AdversarialCase[]): void {
  const slow: string[] = [];
  for (const input of cases) {
    clean(input.build(1_000), input.format); // warm up the JIT
    const [smallSize, largeSize] = SIZES[input.format];
    const small = bestOf(input.build(smallSize), input.format);
    const large = bestOf(input.build(largeSize), input.format);
    if (large > MAX_GROWTH * Math.max(small, FLOOR_MS)) slow.push(`${input.name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
  }
  expect(slow, "inputs whose cleaning time grew faster than linearly").toEqual([]);
}

const cases = adversarialCases();

describe("import time grows linearly with the input", () => {
  it.each(["text", "markdown", "html"] as const)(
    "for adversarial %s inputs",
    (format) => {
      expectLinear(cases.filter((input) => input.format === format));
    },
    300_000,
  );

  it.each(["text", "markdown", "html"] as const)(
    "for random %s made of markup characters",
    (format) => {
      const random = seededRandom(9);
      const inputs = Array.from({ length: 4 }, (_, index) => {
        const seed = random();
        return {
          name: `random ${format} #${index}`,
          format,
          // The same random text at both sizes: the small input is a prefix of the large one.
          build: (size: number) => randomSyntax(seededRandom(Math.floor(seed * 2 ** 32)), size),
        };
      });
      expectLinear(inputs);
    },
    120_000,
  );

  it("handles the inputs the outside review timed (40,000 dots then x, 40,000 [ in Markdown) in milliseconds", () => {
    expect(cpuMs(() => looseKey(`${".".repeat(40_000)}x`))).toBeLessThan(100);
    expect(cpuMs(() => markdownToText("[".repeat(40_000)))).toBeLessThan(100);
    expect(cpuMs(() => clean(`<pre>${" ".repeat(40_000)}x</pre>`, "html"))).toBeLessThan(500);
  });
});
