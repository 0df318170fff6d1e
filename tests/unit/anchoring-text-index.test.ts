import { describe, expect, it } from "vitest";

import { indexText } from "@/lib/anchoring/text-index";

// The n-gram index must give exactly what a full scan gives: re-anchoring
// trusts it to say where a passage is and whether it is unique.

function scan(text: string, needle: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(needle); at !== -1 && needle.length > 0; at = text.indexOf(needle, at + 1)) starts.push(at);
  return starts;
}

function randomText(length: number, alphabet: string, seed: number): string {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
}

describe("indexText", () => {
  it("finds every occurrence a scan finds, overlapping ones too", () => {
    // A small alphabet makes many repeats and overlaps.
    const text = randomText(20_000, "ab c", 7);
    const index = indexText(text);
    for (let i = 0; i < 400; i++) {
      const start = (i * 7919) % (text.length - 40);
      const needle = text.slice(start, start + 1 + (i % 37));
      expect(index.occurrences(needle), needle).toEqual(scan(text, needle));
    }
    expect(index.occurrences("zzzzzzzzzz")).toEqual([]);
    expect(index.occurrences("")).toEqual([]);
  });

  it("says whether a passage occurs nowhere else", () => {
    const text = "the army withdrew from Gao. Residents fled. The army withdrew from Kidal. Residents fled.";
    const index = indexText(text);
    const unique = (passage: string, occurrence = 0) => index.isUnique(scan(text, passage)[occurrence]!, passage.length);
    expect(unique("army withdrew from Gao")).toBe(true);
    expect(unique("army withdrew from ")).toBe(false);
    expect(unique(". Residents fled.", 1)).toBe(false);
    expect(unique("Kidal. Residents fled.")).toBe(true);
  });

  it("agrees with a scan on uniqueness across a repetitive text", () => {
    const text = randomText(5_000, "xyz ", 11);
    const index = indexText(text);
    for (let start = 0; start < text.length - 30; start += 13) {
      const length = 5 + (start % 26);
      expect(index.isUnique(start, length), `${start}+${length}`).toBe(scan(text, text.slice(start, start + length)).length === 1);
    }
  });
});
