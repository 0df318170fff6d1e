// The round-2 rules on tricky sentences: phrasal denials, withheld
// information, negation reaching an event, and counts too far apart to be
// one quantity; plus the pure helpers the stored suggestions rely on.
import { describe, expect, it } from "vitest";

import { compareQuantities } from "@/lib/suggestions/compare/amounts";
import { compareDenials, compareNegatedTopic, compareWithheld } from "@/lib/suggestions/compare/statements";
import { SIDE_A, SIDE_B } from "@/lib/suggestions/compare/evidence";
import { extractFeatures, type SentenceFeatures } from "@/lib/suggestions/features";
import { inputFingerprint } from "@/lib/suggestions/fingerprint";
import { suggestionKey } from "@/lib/suggestions/key";
import { analyzeText } from "@/lib/suggestions/nlp";
import { draftRationale } from "@/lib/suggestions/rationale";
import { splitSentences } from "@/lib/suggestions/sentences";
import { suggestForSources } from "@/lib/suggestions/suggest";

function featuresOf(sentence: string): SentenceFeatures {
  const table = analyzeText(sentence);
  return extractFeatures(table, splitSentences(table))[0]!;
}

const readable = (reason: string | undefined) => reason?.replaceAll(SIDE_A, "A").replaceAll(SIDE_B, "B");

describe("phrasal denials", () => {
  it("reads 'ruled out' as denying what the other sentence reports", () => {
    const reported = featuresOf("The captain had reported a sudden engine failure moments before the impact.");
    const ruledOut = featuresOf("The accident board has ruled out an engine failure.");
    expect(ruledOut.stance.denial?.text).toBe("ruled out");
    expect(compareDenials(reported, ruledOut)).toMatchObject({ kind: "contradiction" });
  });

  it("does not take 'rule' without 'out', or a negated 'ruled out', for a denial", () => {
    expect(featuresOf("The new rule applies from Monday.").stance.denial).toBeNull();
    expect(featuresOf("Officials have not ruled out a strike.").stance.denial).toBeNull();
  });
});

describe("withheld information", () => {
  it("finds 'has not disclosed', 'did not say' and 'unknown', quoting the negation", () => {
    expect(featuresOf("The manufacturer has not disclosed the price of a dose.").stance.withheld?.text).toBe("has not disclosed");
    expect(featuresOf("Police did not say how many people were arrested.").stance.withheld?.text).toBe("did not say");
    expect(featuresOf("The cause of the fire is still unknown.").stance.withheld?.text).toBe("unknown");
    expect(featuresOf("The manufacturer disclosed the price on Monday.").stance.withheld).toBeNull();
  });

  it("contradicts a figure given for the same thing, and nothing unrelated", () => {
    const price = featuresOf("Each dose would cost less than 3 dollars, according to the manufacturer.");
    const undisclosed = featuresOf("The manufacturer has not disclosed the price of a dose.");
    expect(readable(compareWithheld(price, undisclosed)?.reason)).toBe(
      "A gives ‘less than 3 dollars’, B says it is not known (‘has not disclosed’)",
    );
    const unrelated = featuresOf("The festival drew 40,000 visitors over the weekend.");
    expect(compareWithheld(unrelated, undisclosed)).toBeNull();
  });
});

describe("negation reaching an event", () => {
  it("contradicts an expected approval with 'not yet received an application for approval'", () => {
    const expected = featuresOf("The team expects the vaccine to be approved by regulators next year.");
    const notYet = featuresOf("Regulators have not yet received an application for approval.");
    const evidence = compareNegatedTopic(expected, notYet);
    expect(evidence).toMatchObject({ kind: "contradiction", weight: 0.45 });
    expect(readable(evidence?.reason)).toMatch(/^B says it has not happened/);
  });

  it("needs a shared word inside the negation", () => {
    const closed = featuresOf("The bridge was closed on Tuesday.");
    expect(compareNegatedTopic(closed, featuresOf("Traffic did not slow down in the city centre."))).toBeNull();
    expect(compareNegatedTopic(closed, featuresOf("The bridge was not closed on Tuesday."))).toMatchObject({ kind: "contradiction" });
  });
});

describe("counts of different things", () => {
  it("does not compare counts more than tenfold apart, except zero", () => {
    const enrolled = featuresOf("The trial enrolled 4,800 children across two countries.");
    const harmed = featuresOf("Two children in the trial suffered serious reactions.");
    expect(compareQuantities(enrolled.quantities, harmed.quantities)).toBeNull();
    const eleven = featuresOf("Eleven passengers were taken to hospital.");
    const four = featuresOf("Four passengers were injured.");
    expect(compareQuantities(eleven.quantities, four.quantities)).toMatchObject({ kind: "contradiction" });
    const none = featuresOf("No passengers were injured.");
    expect(compareQuantities(none.quantities, four.quantities)).toMatchObject({ kind: "contradiction" });
  });
});

describe("what stored suggestions rely on", () => {
  it("keys a passage pair the same whichever source comes first", () => {
    const a = { sourceId: "11111111-1111-1111-1111-111111111111", start: 3, end: 40 };
    const b = { sourceId: "22222222-2222-2222-2222-222222222222", start: 10, end: 90 };
    expect(suggestionKey("contradiction", [a, b])).toBe(suggestionKey("contradiction", [b, a]));
    expect(suggestionKey("contradiction", [a, b])).not.toBe(suggestionKey("agreement", [a, b]));
    expect(suggestionKey("contradiction", [a, b])).not.toBe(suggestionKey("contradiction", [a, { ...b, end: 91 }]));
  });

  it("names the sources by their labels in reasons", () => {
    const [left, right] = [
      "No workers were injured, the company said. The plant employs about 600 people.",
      "Two workers were treated in hospital, officials said. The factory has about 600 staff.",
    ];
    const { suggestions } = suggestForSources([
      { id: "x", text: left, language: "en", label: "Reuters" },
      { id: "y", text: right, language: "en", label: "AP" },
    ]);
    const reasons = suggestions.flatMap((s) => s.reasons).join(" ");
    expect(reasons).toMatch(/Reuters: /);
    expect(reasons).toMatch(/AP: /);
    expect(reasons).not.toMatch(/[\uE000\uE001]/);
  });

  it("changes the fingerprint with the engine, a text, a language or a label — not with the order", () => {
    const sources = [
      { id: "a", contentHash: "h1", language: "en", label: "A" },
      { id: "b", contentHash: "h2", language: "en", label: "B" },
    ];
    const base = inputFingerprint("v1", sources);
    expect(inputFingerprint("v1", [...sources].reverse())).toBe(base);
    expect(inputFingerprint("v2", sources)).not.toBe(base);
    expect(inputFingerprint("v1", [{ ...sources[0]!, contentHash: "h3" }, sources[1]!])).not.toBe(base);
    expect(inputFingerprint("v1", [{ ...sources[0]!, language: "fr" }, sources[1]!])).not.toBe(base);
    expect(inputFingerprint("v1", [{ ...sources[0]!, label: "Reuters" }, sources[1]!])).not.toBe(base);
  });

  it("drafts a rationale from the reasons that says it is a draft", () => {
    const text = draftRationale("contradiction", ["both name Wagner", "A: ‘reappeared’, B: ‘departure’ — opposite accounts"], ["A", "B"]);
    expect(text).toBe(
      [
        "A and B appear to contradict each other:",
        "- both name Wagner",
        "- A: ‘reappeared’, B: ‘departure’ — opposite accounts",
        "(Drafted from a suggestion — check both passages and rewrite in your own words before submitting.)",
      ].join("\n"),
    );
  });
});
