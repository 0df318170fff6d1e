import { describe, expect, it } from "vitest";

import { diffTexts } from "@/lib/versions/diff";

// The diff a person reads between two versions of an article: a corrected
// number is a word change inside its paragraph, a dropped paragraph is a
// deletion, a paragraph that moved is shown as moved (not deleted and added).

const intro = "Wagner fighters left Mali in June after three years in the country.";
const casualty = "At least 12 soldiers were killed in the attack near Kidal on Sunday.";
const quote = "The junta praised the Russian instructors for their work.";
const closing = "Residents of Bamako remain wary of the new arrangement.";

describe("diffTexts", () => {
  it("reports no change between identical texts", () => {
    const text = [intro, casualty].join("\n\n");
    const { blocks, stats } = diffTexts(text, text);
    expect(blocks.map((block) => block.type)).toEqual(["equal", "equal"]);
    expect(stats).toEqual({ insertedWords: 0, deletedWords: 0, changedParagraphs: 0, movedParagraphs: 0 });
  });

  it("shows a corrected number as a word-level change inside its paragraph", () => {
    const before = [intro, casualty, closing].join("\n\n");
    const after = [intro, casualty.replace("12", "15"), closing].join("\n\n");
    const { blocks, stats } = diffTexts(before, after);
    expect(blocks.map((block) => block.type)).toEqual(["equal", "changed", "equal"]);
    const changed = blocks[1]!;
    if (changed.type !== "changed") throw new Error("expected a changed paragraph");
    expect(changed.parts.filter((part) => part.type !== "equal")).toEqual([
      { type: "delete", text: "12" },
      { type: "insert", text: "15" },
    ]);
    expect(changed.parts.map((part) => (part.type === "delete" ? "" : part.text)).join("")).toBe(casualty.replace("12", "15"));
    expect(stats).toMatchObject({ insertedWords: 1, deletedWords: 1, changedParagraphs: 1 });
  });

  it("shows a removed paragraph as deleted and a new one as inserted", () => {
    const before = [intro, casualty, closing].join("\n\n");
    const after = [intro, closing, "Officials declined to comment on the figures."].join("\n\n");
    const { blocks, stats } = diffTexts(before, after);
    expect(blocks).toEqual([
      { type: "equal", text: intro },
      { type: "deleted", text: casualty },
      { type: "equal", text: closing },
      { type: "inserted", text: "Officials declined to comment on the figures." },
    ]);
    expect(stats).toEqual({ insertedWords: 7, deletedWords: 13, changedParagraphs: 0, movedParagraphs: 0 });
  });

  it("shows a paragraph that moved as moved, at both places, with no words inserted or deleted", () => {
    const before = [intro, casualty, quote, closing].join("\n\n");
    const after = [intro, quote, closing, casualty].join("\n\n");
    const { blocks, stats } = diffTexts(before, after);
    const moves = blocks.filter((block) => block.type === "moved");
    expect(moves).toHaveLength(2);
    expect(moves.map((block) => block.type === "moved" && block.direction).sort()).toEqual(["from", "to"]);
    expect(new Set(moves.map((block) => block.type === "moved" && block.moveId)).size).toBe(1);
    expect(moves.every((block) => block.type === "moved" && block.text === casualty)).toBe(true);
    expect(stats).toEqual({ insertedWords: 0, deletedWords: 0, changedParagraphs: 0, movedParagraphs: 1 });
  });

  it("does not pair unrelated paragraphs as one changed paragraph", () => {
    const { blocks } = diffTexts([intro, casualty].join("\n\n"), [intro, "Completely different reporting about fuel prices."].join("\n\n"));
    expect(blocks.map((block) => block.type)).toEqual(["equal", "deleted", "inserted"]);
  });
});
