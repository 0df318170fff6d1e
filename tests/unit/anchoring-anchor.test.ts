import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { anchorAll } from "@/lib/anchoring/anchor-all";
import { anchorSpan } from "@/lib/anchoring/anchor";
import { describeSpan, type Selector } from "@/lib/anchoring/quote";

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url)), "utf8");
const seedText = fixture("seeds/rifts-mali-military-wagner.clean.txt").replace(/\n$/, "");

type GoldenCase = {
  name: string;
  quote: string;
  occurrence?: number;
  edit: { find: string; replace: string } | null;
  status: "unchanged" | "changed" | "orphaned";
  isMoved?: boolean;
  covers?: string;
  coversOccurrence?: number;
};
const golden = JSON.parse(fixture("anchoring/seed-edits.json")) as { cases: GoldenCase[] };

function nthIndexOf(text: string, quote: string, occurrence = 0): number {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(quote, index + 1);
  if (index < 0) throw new Error(`“${quote}” #${occurrence} not in text`);
  return index;
}

function describeQuote(text: string, quote: string, occurrence = 0): Selector {
  const start = nthIndexOf(text, quote, occurrence);
  return describeSpan(text, start, start + quote.length);
}

describe("anchorSpan on the seed article (golden cases)", () => {
  it.each(golden.cases)("$name → $status", (c) => {
    const selector = describeQuote(seedText, c.quote, c.occurrence);
    const edited = c.edit ? seedText.replace(c.edit.find, c.edit.replace) : seedText;
    if (c.edit) expect(edited).not.toBe(seedText);
    const result = anchorSpan(edited, selector);
    expect(result.status).toBe(c.status);
    if (c.isMoved !== undefined) expect(result.isMoved).toBe(c.isMoved);
    if (c.covers !== undefined) {
      expect(edited.slice(result.start, result.end)).toBe(c.covers);
      expect(result.start).toBe(nthIndexOf(edited, c.covers, c.coversOccurrence));
    } else {
      expect(result.start).toBeUndefined();
    }
  });
});

describe("anchorSpan", () => {
  const text =
    "In March the army withdrew from Gao after heavy fighting near the river. " +
    "Residents later described empty barracks and burnt trucks along the road. " +
    "In July the army withdrew from Kidal under pressure from armed groups in the north.";

  it("follows a span when text is inserted before it", () => {
    const selector = describeQuote(text, "empty barracks and burnt trucks");
    const edited = "Editor's note: this article was updated. " + text;
    const result = anchorSpan(edited, selector);
    expect(result).toMatchObject({ status: "unchanged", isMoved: true, start: selector.start + 41 });
    expect(edited.slice(result.start, result.end)).toBe("empty barracks and burnt trucks");
  });

  it("keeps a span in place when text after it changes", () => {
    const selector = describeQuote(text, "empty barracks and burnt trucks");
    const edited = text.replace("In July", "In late July 2024");
    expect(anchorSpan(edited, selector)).toMatchObject({ status: "unchanged", isMoved: false, start: selector.start, end: selector.end });
  });

  it("finds a passage edited inside, covering the whole edited passage", () => {
    const selector = describeQuote(text, "empty barracks and burnt trucks along the road");
    const edited = text.replace("burnt trucks", "burnt-out trucks");
    const result = anchorSpan(edited, selector);
    expect(result.status).toBe("changed");
    expect(edited.slice(result.start, result.end)).toBe("empty barracks and burnt-out trucks along the road");
    expect(result.score).toBeGreaterThan(0.8);
  });

  it("orphans a deleted passage instead of attaching it to a similar one", () => {
    const selector = describeQuote(text, "the army withdrew from Gao after heavy fighting");
    const edited = text.replace("In March the army withdrew from Gao after heavy fighting near the river. ", "");
    expect(edited).toContain("the army withdrew from Kidal under pressure");
    const result = anchorSpan(edited, selector);
    expect(result.status).toBe("orphaned");
    expect(result.start).toBeUndefined();
  });

  it("orphans a short quote whose every occurrence has lost its context", () => {
    const selector = describeQuote(text, "the army", 0);
    const edited = text.replace("In March the army withdrew from Gao after heavy fighting near the river. ", "Nothing to report. ");
    expect(anchorSpan(edited, selector).status).toBe("orphaned");
  });

  it("does not split an astral character when matching fuzzily", () => {
    const emojiText = "Crowds cheered 🇲🇱 as the convoy left the base at dawn, witnesses said on Monday.";
    const selector = describeQuote(emojiText, "🇲🇱 as the convoy left the base at dawn");
    const edited = emojiText.replace("convoy left", "convoy finally left");
    const result = anchorSpan(edited, selector);
    expect(result.status).toBe("changed");
    expect(edited.slice(result.start, result.end)).toBe("🇲🇱 as the convoy finally left the base at dawn");
  });
});

describe("anchorAll", () => {
  it("re-anchors overlapping spans independently", () => {
    const text = "Most fighters have simply reappeared under the Kremlin-backed Africa Corps, estimates say.";
    const outer = describeQuote(text, "Most fighters have simply reappeared under the Kremlin-backed Africa Corps");
    const inner = describeQuote(text, "simply reappeared");
    const tail = describeQuote(text, "Kremlin-backed Africa Corps, estimates");
    const edited = "Bamako — " + text;
    const results = anchorAll(edited, [outer, inner, tail], { previousText: text });
    expect(results.map((r) => [r.status, r.isMoved])).toEqual([
      ["unchanged", true],
      ["unchanged", true],
      ["unchanged", true],
    ]);
    expect(results.map((r) => edited.slice(r.start, r.end))).toEqual([outer.exact, inner.exact, tail.exact]);
    // Without the previous version, the span that started the text has lost its only evidence on that side.
    expect(anchorAll(edited, [outer, inner, tail]).map((r) => r.status)).toEqual(["orphaned", "unchanged", "unchanged"]);
  });

  function everyTenthSpan(words: string[]): { text: string; selectors: Selector[] } {
    const text = words.join(" ");
    const selectors: Selector[] = [];
    for (let i = 3990; i >= 0; i -= 10) {
      const start = words.slice(0, i).join(" ").length + (i > 0 ? 1 : 0);
      const end = start + words.slice(i, i + 3).join(" ").length;
      selectors.push(describeSpan(text, start, end));
    }
    return { text, selectors };
  }

  it("keeps results in input order and re-anchors a long text after an edit near the start", () => {
    const { text, selectors } = everyTenthSpan(Array.from({ length: 4000 }, (_, i) => `w${i}`));
    const edited = "PREFACE " + text.slice(0, 20) + " inserted words " + text.slice(20);
    const results = anchorAll(edited, selectors, { previousText: text });
    results.forEach((result, i) =>
      expect(result.status === "orphaned" ? null : edited.slice(result.start, result.end), `span ${i}`).toBe(selectors[i]!.exact),
    );
    expect(results.filter((r) => r.status === "unchanged" && r.isMoved).length).toBe(400);
    // Without the previous version, the first span has lost both sides of its context (text before
    // and right after it) and nothing else proves it: it is left for a person, the rest still follow.
    const alone = anchorAll(edited, selectors);
    expect(alone.map((r, i) => (r.status === "orphaned" ? i : -1)).filter((i) => i >= 0)).toEqual([399]);
  });

  it("tells identical copies apart by the shift of their neighbours", () => {
    // The text repeats every 1,000 words: each passage has three copies with the same quote and context.
    const { text, selectors } = everyTenthSpan(Array.from({ length: 4000 }, (_, i) => `w${(i * 7919) % 1000}`));
    const edited = "PREFACE " + text;
    const results = anchorAll(edited, selectors);
    // The first span started the text: its (empty) prefix no longer holds, and identical copies stand elsewhere.
    results.forEach((result, i) => expect(result.start, `span ${i}`).toBe(i === 399 ? undefined : selectors[i]!.start + 8));
    // A span whose own context was cut by an edit, while identical copies stand elsewhere, is left for a person.
    const cut = text.slice(0, selectors[1]!.start - 5) + "XYZ" + text.slice(selectors[1]!.start - 5);
    expect(anchorSpan(cut, selectors[1]!)).toMatchObject({ status: "orphaned", reason: "ambiguous" });
  });
});
