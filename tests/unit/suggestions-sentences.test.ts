import { describe, expect, it } from "vitest";

import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";

function sentencesOf(text: string): string[] {
  const units = splitSentences(analyzeText(text));
  // Offsets must cut the text exactly where the sentence is.
  return units.map((unit) => text.slice(unit.start, unit.end));
}

describe("splitSentences", () => {
  it("keeps abbreviations, initials and times inside one sentence", () => {
    expect(sentencesOf("Dr. Smith said U.S. forces left on Jan. 5. Then the talks resumed.")).toEqual([
      "Dr. Smith said U.S. forces left on Jan. 5.",
      "Then the talks resumed.",
    ]);
  });

  it("keeps bracketed references with their sentence", () => {
    expect(sentencesOf("Wagner announced its departure [1][2]. Russia stays [3].")).toEqual([
      "Wagner announced its departure [1][2].",
      "Russia stays [3].",
    ]);
  });

  it("drops numbered-list markers and starts the item at its first word", () => {
    const text =
      "Implications\n\n1. Enduring influence: the departure does not signal a reduction.\n2) Ongoing challenges: attacks resumed.";
    expect(sentencesOf(text)).toEqual([
      "Implications",
      "Enduring influence: the departure does not signal a reduction.",
      "Ongoing challenges: attacks resumed.",
    ]);
  });

  it("ends a sentence at a line break (headlines have no full stop)", () => {
    expect(sentencesOf("Ferry Strikes Harbour Wall\nThe ferry struck the wall.")).toEqual([
      "Ferry Strikes Harbour Wall",
      "The ferry struck the wall.",
    ]);
  });

  it("keeps a quotation inside its sentence and gives UTF-16 offsets past curly quotes and emoji", () => {
    const text = "“We will stay,” the colonel said 🇲🇱. Most fighters reappeared under the “Africa Corps.”";
    const units = splitSentences(analyzeText(text));
    expect(units.map((unit) => text.slice(unit.start, unit.end))).toEqual([
      "“We will stay,” the colonel said 🇲🇱.",
      "Most fighters reappeared under the “Africa Corps.”",
    ]);
    expect(units[1]!.end).toBe(text.length);
  });

  it("marks headings", () => {
    const units = splitSentences(analyzeText("Tram Line Gets Green Light\nCouncillors backed the line."));
    expect(units.map((unit) => unit.isHeading)).toEqual([true, false]);
  });

  it("gives nothing for empty or blank text", () => {
    expect(sentencesOf("")).toEqual([]);
    expect(sentencesOf("  \n\n ")).toEqual([]);
  });
});
