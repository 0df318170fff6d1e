import { describe, expect, it } from "vitest";

import { anchorSpan } from "@/lib/anchoring/anchor";
import { checkSpan, describeSpan } from "@/lib/anchoring/quote";
import { importText } from "@/lib/sources/import-text";

// describe → anchor round trips over the characters analysts actually quote.

function roundTrip(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  expect(start, `“${quote}” occurs in the text`).toBeGreaterThanOrEqual(0);
  const selector = describeSpan(text, start, start + quote.length);
  expect(checkSpan(text, selector)).toBeNull();
  const result = anchorSpan(text, selector);
  expect(result).toMatchObject({ status: "unchanged", isMoved: false });
  expect(text.slice(result.start, result.end)).toBe(quote);
  return selector;
}

describe("describeSpan / anchorSpan round trips", () => {
  it("keeps curly quotes and apostrophes as typed", () => {
    const text = "Bamako: the “Africa Corps,” Mali’s new partner, says it isn’t Wagner.";
    const selector = roundTrip(text, "“Africa Corps,” Mali’s");
    expect(selector.prefix).toBe("Bamako: the ");
  });

  it("handles accented (NFC) text and a quote typed in NFD", () => {
    const text = "Le ministre a déclaré à Ségou que l’armée malienne était prête.".normalize("NFC");
    roundTrip(text, "déclaré à Ségou");
    // A quote pasted in decomposed form is the same words but other code units: it must not verify.
    const start = text.indexOf("déclaré");
    expect(checkSpan(text, { start, end: start + 7, exact: "déclaré".normalize("NFD") })).toBe("quote-mismatch");
  });

  it("counts emoji and mathematical letters as two UTF-16 units each", () => {
    const text = "Family 👩‍👩‍👧 arrived; the set 𝔸 is non-empty; flags 🇲🇱 waved.";
    const selector = roundTrip(text, "👩‍👩‍👧 arrived; the set 𝔸");
    expect(selector.end - selector.start).toBe("👩‍👩‍👧 arrived; the set 𝔸".length);
    expect("𝔸".length).toBe(2);
    roundTrip(text, "🇲🇱");
  });

  it("never cuts an astral character in half in the context", () => {
    const text = "𝔸".repeat(20) + "quote" + "𝔸".repeat(20);
    const start = text.indexOf("quote");
    const { prefix, suffix } = describeSpan(text, start, start + 5);
    expect(prefix.length).toBeLessThanOrEqual(32);
    const firstUnit = prefix.charCodeAt(0);
    expect(firstUnit >= 0xdc00 && firstUnit <= 0xdfff, "prefix starts with a lone low surrogate").toBe(false);
    expect([...prefix].every((ch) => ch === "𝔸")).toBe(true);
    expect([...suffix].every((ch) => ch === "𝔸")).toBe(true);
  });

  it("works on text imported from CRLF line endings", () => {
    const raw = "Wagner leaves Mali\r\n\r\nThe group said it was\r\nclaiming mission accomplished.\r\n\r\nRussia stays.\r\n";
    const { text } = importText(raw);
    expect(text).not.toContain("\r");
    roundTrip(text, "it was\nclaiming mission accomplished");
  });

  it("uses the context to tell repeated phrases apart", () => {
    const text = "Wagner left Gao. Officials said Wagner left. Later, in Kidal, Wagner left again.";
    const selector = roundTrip(text, "Wagner left", 2);
    const shifted = "Update: " + text;
    const result = anchorSpan(shifted, selector);
    expect(result).toMatchObject({ status: "unchanged", isMoved: true });
    expect(result.start).toBe(shifted.lastIndexOf("Wagner left"));
  });
});

describe("checkSpan", () => {
  const text = "A 𝔸 and 👩‍👩‍👧 here";

  it("refuses offsets that split a surrogate pair", () => {
    const astral = text.indexOf("𝔸");
    expect(checkSpan(text, { start: astral + 1, end: astral + 2, exact: text.slice(astral + 1, astral + 2) })).toBe("splits-character");
    expect(checkSpan(text, { start: 0, end: astral + 1, exact: text.slice(0, astral + 1) })).toBe("splits-character");
    expect(checkSpan(text, { start: astral, end: astral + 2, exact: "𝔸" })).toBeNull();
  });

  it("refuses empty, out-of-range and mismatching spans", () => {
    expect(checkSpan(text, { start: 3, end: 3, exact: "" })).toBe("empty");
    expect(checkSpan(text, { start: 0, end: text.length + 1, exact: text + " " })).toBe("out-of-range");
    expect(checkSpan(text, { start: -1, end: 2, exact: "A " })).toBe("out-of-range");
    expect(checkSpan(text, { start: 0, end: 1, exact: "B" })).toBe("quote-mismatch");
  });
});
