import { describe, expect, it } from "vitest";

import { normalizeText, toNormalizedOffset, toOriginalRange } from "@/lib/anchoring/normalize-text";

// The matching normalization must make look-the-same text equal AND map every
// match back to exact offsets in the original, whatever it expanded or removed.

describe("normalizeText", () => {
  it("makes line endings, spaces, quotes, dashes and ellipses compare equal", () => {
    const a = normalizeText("Mali’s “Africa Corps” — 12\u00a0000…\r\n\r\nNext");
    const b = normalizeText('Mali\'s "Africa Corps" -  12 000...\n\nNext');
    expect(a.text).toBe(b.text);
    expect(a.text).toBe(`Mali's "Africa Corps" - 12 000... Next`);
  });

  it("composes NFD accents and drops invisible characters", () => {
    const nfd = "Se\u0301gou\u200b, l\u2019arme\u0301e";
    expect(normalizeText(nfd).text).toBe("Ségou, l'armée");
    expect(normalizeText("\u0627\u0644\u0641\u064a\u0640\u0640\u0644\u0642\u200f").text).toBe("\u0627\u0644\u0641\u064a\u0644\u0642");
  });

  it("keeps case unless asked to fold it", () => {
    expect(normalizeText("Wagner İS").text).toBe("Wagner İS");
    expect(normalizeText("Wagner ΟΔΟΣ", { foldCase: true }).text).toBe("wagner οδοσ");
  });

  it("maps normalized ranges back to exact original offsets", () => {
    const original = "A\r\n\r\nSe\u0301gou\u00a0— “12…” 🇲🇱 and 👩\u200d👩\u200d👧 end";
    const normalized = normalizeText(original);
    const find = (needle: string) => {
      const at = normalized.text.indexOf(needle);
      expect(at, needle).toBeGreaterThanOrEqual(0);
      const { start, end } = toOriginalRange(normalized, at, at + needle.length);
      return original.slice(start, end);
    };
    expect(find("A Ségou")).toBe("A\r\n\r\nSe\u0301gou");
    expect(find('gou - "12..."')).toBe("gou\u00a0— “12…”");
    expect(find("12.")).toBe("12…"); // a match inside an expansion covers the whole original character
    expect(find("🇲🇱")).toBe("🇲🇱");
    expect(find("👩👩👧 end")).toBe("👩\u200d👩\u200d👧 end");
  });

  it("round-trips every range that starts and ends on whole units", () => {
    const original = "  Le ministre\u00a0a de\u0301clare\u0301 :\r\n« c’est fini… » 😐\t\tok ";
    const normalized = normalizeText(original);
    // A unit boundary: not inside the expansion of one original character ("…" → "...").
    const length = normalized.text.length;
    const isBoundary = (i: number) => i === 0 || i === length || normalized.starts[i] !== normalized.starts[i - 1];
    let checked = 0;
    for (let from = 0; from < length; from++) {
      for (let to = from + 1; to <= length; to++) {
        if (!isBoundary(from) || !isBoundary(to)) continue;
        checked++;
        const { start, end } = toOriginalRange(normalized, from, to);
        const slice = normalized.text.slice(from, to);
        // Normalizing the original range gives back the normalized slice (up to a trimmed space at the edges).
        expect(normalizeText(original.slice(start, end)).text.trim(), `${from}-${to}`).toBe(normalizeText(slice).text.trim());
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it("finds the normalized offset of an original offset", () => {
    const original = "a\r\nb";
    const normalized = normalizeText(original);
    expect(normalized.text).toBe("a b");
    expect(toNormalizedOffset(normalized, 0)).toBe(0);
    expect(toNormalizedOffset(normalized, 3)).toBe(2);
    expect(toNormalizedOffset(normalized, 4)).toBe(3);
  });
});
