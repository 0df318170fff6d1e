import { describe, expect, it } from "vitest";

import { createOffsetConverter, toCodePointOffset, toCodePointSpan, toUtf16Offset, toUtf16Span } from "@/lib/anchoring/code-points";

// W3C TextPositionSelector counts code points; Parallax stores UTF-16 offsets.
// Each astral character (emoji, 𝔸, flags are two of them) is one code point
// but two UTF-16 units.

describe("UTF-16 ↔ code point offsets", () => {
  const text = "Flag 🇲🇱 and 𝔸: “the convoy 👩‍👩‍👧 left”.";

  it("counts astral characters before a span once each", () => {
    const quote = "the convoy";
    const start = text.indexOf(quote);
    // 🇲🇱 is two astral code points, 𝔸 one: three fewer code points than units before the quote.
    expect(toCodePointOffset(text, start)).toBe(start - 3);
    expect([...text].slice(start - 3, start - 3 + quote.length).join("")).toBe(quote);
  });

  it("converts a span with astral characters inside it", () => {
    const quote = "convoy 👩‍👩‍👧 left";
    const start = text.indexOf(quote);
    const span = { start, end: start + quote.length };
    const points = toCodePointSpan(text, span);
    expect([...text].slice(points.start, points.end).join("")).toBe(quote);
    // Three women/girl emoji are astral (ZWJs are not): the span is three code points shorter.
    expect(points.end - points.start).toBe(quote.length - 3);
    expect(toUtf16Span(text, points)).toEqual(span);
  });

  it("round-trips every offset of a text full of astral characters", () => {
    const converter = createOffsetConverter(text);
    expect(converter.codePointLength).toBe([...text].length);
    for (let points = 0; points <= converter.codePointLength; points++) {
      expect(converter.toCodePoints(converter.toUtf16(points))).toBe(points);
    }
  });

  it("leaves text without astral characters unchanged", () => {
    expect(toCodePointOffset("déjà vu", 5)).toBe(5);
    expect(toUtf16Offset("déjà vu", 5)).toBe(5);
  });

  it("counts an offset between the halves of an astral character as its start", () => {
    const at = text.indexOf("𝔸");
    expect(toCodePointOffset(text, at + 1)).toBe(toCodePointOffset(text, at));
  });

  it("counts a lone surrogate as one code point, as the JavaScript string iterator does", () => {
    const broken = "a\ud800b";
    expect(createOffsetConverter(broken).codePointLength).toBe(3);
    expect(toCodePointOffset(broken, 2)).toBe(2);
  });

  it("refuses offsets outside the text", () => {
    expect(() => toCodePointOffset(text, text.length + 1)).toThrow(RangeError);
    expect(() => toUtf16Offset(text, -1)).toThrow(RangeError);
    expect(() => toUtf16Offset(text, [...text].length + 1)).toThrow(RangeError);
    expect(() => toCodePointOffset(text, 1.5)).toThrow(RangeError);
  });
});
