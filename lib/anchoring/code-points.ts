// Parallax stores offsets as JavaScript string indices (UTF-16 code units);
// the W3C TextPositionSelector counts Unicode code points. They differ by one
// for every astral character (emoji, 𝔸, many CJK extensions) before the
// offset. These converters translate both ways; a converter made once per
// text answers each offset in O(log n).

export type OffsetConverter = {
  /** Code points in the text (its W3C length). */
  readonly codePointLength: number;
  /** UTF-16 offset → code point offset. An offset between the halves of an astral character counts as that character's start. */
  toCodePoints(utf16Offset: number): number;
  /** Code point offset → UTF-16 offset. */
  toUtf16(codePointOffset: number): number;
};

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** UTF-16 offsets of the astral characters (valid surrogate pairs) in `text`, ascending. */
function astralOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) offsets.push(i++);
  }
  return offsets;
}

/** How many entries of the ascending `values` satisfy `isBefore`. */
function countWhile(values: readonly number[], isBefore: (value: number, index: number) => boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBefore(values[mid]!, mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function checkOffset(kind: string, offset: number, length: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new RangeError(`${kind} offset ${offset} is outside the text (0–${length}).`);
  }
}

export function createOffsetConverter(text: string): OffsetConverter {
  const astral = astralOffsets(text);
  const codePointLength = text.length - astral.length;
  return {
    codePointLength,
    toCodePoints(utf16Offset) {
      checkOffset("UTF-16", utf16Offset, text.length);
      // Each astral character that starts before the offset is two units but one code point. One the
      // offset splits has one unit before the offset, so the same subtraction lands on its start.
      return utf16Offset - countWhile(astral, (at) => at < utf16Offset);
    },
    toUtf16(codePointOffset) {
      checkOffset("Code point", codePointOffset, codePointLength);
      // The i-th astral character starts at code point `at - i`; each one before the offset adds a unit.
      return codePointOffset + countWhile(astral, (at, i) => at - i < codePointOffset);
    },
  };
}

/** One-off conversion; make a converter with createOffsetConverter for many offsets in the same text. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  return createOffsetConverter(text).toCodePoints(utf16Offset);
}

export function toUtf16Offset(text: string, codePointOffset: number): number {
  return createOffsetConverter(text).toUtf16(codePointOffset);
}

/** A span in code points (W3C TextPositionSelector) from one in UTF-16 units, and back. */
export function toCodePointSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const converter = createOffsetConverter(text);
  return { start: converter.toCodePoints(span.start), end: converter.toCodePoints(span.end) };
}

export function toUtf16Span(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const converter = createOffsetConverter(text);
  return { start: converter.toUtf16(span.start), end: converter.toUtf16(span.end) };
}
