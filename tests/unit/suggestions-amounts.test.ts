import { describe, expect, it } from "vitest";

import { compareQuantities } from "@/lib/suggestions/compare/amounts";
import { extractFeatures, type SentenceFeatures } from "@/lib/suggestions/features";
import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";

function featuresOf(sentence: string): SentenceFeatures {
  const table = analyzeText(sentence);
  return extractFeatures(table, splitSentences(table))[0]!;
}

function amounts(sentence: string) {
  return featuresOf(sentence).quantities.map(({ kind, low, high, unit, hedge, text }) => ({ kind, low, high, unit, hedge, text }));
}

describe("amounts with units and hedges", () => {
  it("reads 'up to 80%' as a share of at most 80", () => {
    expect(amounts("Up to 80% of the unit is composed of ex-Wagner personnel.")).toEqual([
      { kind: "share", low: 0, high: 80, unit: "%", hedge: "upper", text: "Up to 80%" },
    ]);
  });

  it("reads 'more than 5 million euros' as money with a lower bound", () => {
    expect(amounts("The state paid more than 5 million euros for the land.")).toEqual([
      { kind: "money", low: 5e6, high: Number.POSITIVE_INFINITY, unit: "euro", hedge: "lower", text: "more than 5 million euros" },
    ]);
  });

  it("reads 'most fighters' as a majority share, but not the superlative 'the most dangerous'", () => {
    expect(amounts("Most fighters have simply reappeared.")).toMatchObject([{ kind: "share", low: 50.01, high: 100 }]);
    expect(amounts("It was the most dangerous road in the region.")).toEqual([]);
  });

  it("reads number words and counts what they count", () => {
    expect(amounts("Twelve soldiers and twenty-five civilians were evacuated.")).toMatchObject([
      { kind: "count", low: 12, unit: "soldier" },
      { kind: "count", low: 25, unit: "civilian" },
    ]);
  });

  it("reads 'no workers' as zero workers and 'about 600 people' as an approximate count", () => {
    expect(amounts("No workers were injured.")).toMatchObject([{ kind: "count", low: 0, high: 0, unit: "worker" }]);
    expect(amounts("The plant employs about 600 people.")).toMatchObject([
      { kind: "count", low: 480, high: 720, unit: "people", hedge: "approx" },
    ]);
  });

  it("skips years, dates and bracketed references", () => {
    expect(amounts("Wagner withdrew in June 2025 [2], and the coups of 2020 and 2021 came first.")).toEqual([]);
  });

  it("finds consistent and conflicting amounts for the same thing", () => {
    const most = featuresOf("Speculations suggest that most Russian personnel will be reassigned.").quantities;
    const upTo = featuresOf("Estimates suggest that up to 80% of the unit is composed of ex-Wagner personnel.").quantities;
    expect(compareQuantities(upTo, most)).toMatchObject({ kind: "agreement" });
    const sixty = featuresOf("More than 60 volunteers took part in the search.").quantities;
    const about35 = featuresOf("About 35 volunteers joined the search.").quantities;
    expect(compareQuantities(sixty, about35)).toMatchObject({ kind: "contradiction", reason: expect.stringContaining("volunteer") });
  });

  it("does not compare shares of different things", () => {
    const shares = featuresOf("The company's shares rose 4% in Frankfurt.").quantities;
    const revenue = featuresOf("Revenue fell by 12% in the first half.").quantities;
    expect(compareQuantities(shares, revenue)).toBeNull();
  });
});
