import { describe, expect, it } from "vitest";

import { compareEvents } from "@/lib/suggestions/compare/statements";
import { extractFeatures, type SentenceFeatures } from "@/lib/suggestions/features";
import { entityRoot } from "@/lib/suggestions/features/entities";
import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";

function featuresOf(sentence: string): SentenceFeatures {
  const table = analyzeText(sentence);
  return extractFeatures(table, splitSentences(table))[0]!;
}

const events = (sentence: string) => featuresOf(sentence).events.map(({ frame, polarity, text }) => ({ frame, polarity, text }));

describe("event verbs with polarity", () => {
  it("tells leaving from staying", () => {
    expect(events("Wagner officially withdrew from Mali.")).toEqual([{ frame: "presence", polarity: -1, text: "withdrew" }]);
    expect(events("Most fighters have simply reappeared under the Africa Corps.")).toEqual([
      { frame: "presence", polarity: 1, text: "reappeared" },
    ]);
    expect(events("Russian troops remain in Bamako.")).toEqual([{ frame: "presence", polarity: 1, text: "remain" }]);
  });

  it("flips a negated event and quotes the negation", () => {
    expect(events("Their influence has not entirely vanished.")).toEqual([
      { frame: "presence", polarity: 1, text: "has not entirely vanished" },
    ]);
    expect(events("The Russian military presence in Mali is far from over.")).toEqual([
      { frame: "presence", polarity: 1, text: "far from over" },
    ]);
    expect(events("No one was injured in the blast.")).toEqual([{ frame: "harm", polarity: -1, text: "No one was injured" }]);
  });

  it("does not read 'left X stranded' or 'military might' as events or hedges", () => {
    expect(events("Fuel shortages left Malian troops stranded.")).toEqual([]);
    expect(featuresOf("The departure does not signal a reduction in Russian military might.").stance.hedge).toBeNull();
  });

  it("sees opposite accounts of the same frame", () => {
    const left = featuresOf("Most fighters have simply reappeared under the Africa Corps.").events;
    const right = featuresOf("Wagner has announced its departure from Mali.").events;
    expect(compareEvents(left, right, true)).toMatchObject([{ kind: "contradiction", reason: expect.stringContaining("opposite") }]);
  });
});

describe("negation, denial, claims, hedges and speakers", () => {
  it("finds a denial and what is denied", () => {
    const stance = featuresOf("Mayor Ingrid Vos denied that the route had been changed to suit developers.").stance;
    expect(stance.denial?.text).toBe("denied");
    expect([...stance.denied]).toEqual(expect.arrayContaining(["route", "developer"]));
    expect(stance.speakers).toEqual(["vos"]);
  });

  it("finds claims and hedges", () => {
    expect(featuresOf("Wagner left, claiming mission accomplished.").stance.claim?.text).toBe("claiming");
    expect(featuresOf("The line is expected to open in 2029.").stance.hedge?.text).toBe("expected to");
    expect(featuresOf("Abuses may persist under the new group.").stance.hedge?.text).toBe("may persist");
  });

  it("records a negated verb with its negation", () => {
    expect(featuresOf("Shopkeepers say they were not consulted.").verbs.get("consult")).toEqual({
      text: "were not consulted",
      isNegated: true,
    });
  });
});

describe("dates and times", () => {
  it("reads full dates, month names wink leaves untagged, weekdays and clock times", () => {
    expect(featuresOf("Talks end on 12 May 2024.").dates).toMatchObject([{ year: 2024, month: 5, day: 12 }]);
    expect(featuresOf("Unions called a strike for the 14th of March.").dates).toMatchObject([{ month: 3, day: 14 }]);
    expect(featuresOf("The council voted on Tuesday.").dates).toMatchObject([{ weekday: 2 }]);
    expect(featuresOf("The fire broke out at 10:30 p.m. on Friday.").times).toMatchObject([{ minutes: 22 * 60 + 30 }]);
  });
});

describe("names", () => {
  it("gives a place and its demonym one root", () => {
    expect(entityRoot("Russia")).toBe(entityRoot("Russian"));
    expect(entityRoot("Mali")).toBe(entityRoot("Malian"));
    expect(entityRoot("Ukraine")).toBe(entityRoot("Ukrainian"));
  });

  it("finds names inside hyphenated words and ignores a capitalised first word that is not a name", () => {
    const features = featuresOf("Speculations suggest ex-Wagner men joined the Kremlin-backed Africa Corps.");
    expect([...features.entityWords].sort()).toEqual(["afric", "corp", "kreml", "wagner"]);
  });
});
