// W3C TextQuoteSelector + TextPositionSelector over a plain string. Offsets
// are JavaScript string indices (UTF-16 code units), end exclusive.

export const CONTEXT_LENGTH = 32;

export type TextPosition = { start: number; end: number };
export type TextQuote = { exact: string; prefix: string; suffix: string };
export type Selector = TextPosition & TextQuote;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `index` falls between the two halves of an astral character. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index));
}

/** Moves a context boundary inward so it never cuts an astral character in half (and stays ≤ 32 units). */
function safeContextStart(text: string, index: number): number {
  return splitsSurrogatePair(text, index) ? index + 1 : index;
}

function safeContextEnd(text: string, index: number): number {
  return splitsSurrogatePair(text, index) ? index - 1 : index;
}

/** Describes text[start, end) by position and by quote with up to 32 characters of context. */
export function describeSpan(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): Selector {
  const prefixStart = safeContextStart(text, Math.max(0, start - contextLength));
  const suffixEnd = safeContextEnd(text, Math.min(text.length, end + contextLength));
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

export type SpanProblem = "empty" | "out-of-range" | "splits-character" | "quote-mismatch";

/** Checks a position + quote pair against the text it claims to describe. */
export function checkSpan(text: string, span: TextPosition & { exact: string }): SpanProblem | null {
  const { start, end, exact } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) return "out-of-range";
  if (end <= start) return "empty";
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return "splits-character";
  if (text.slice(start, end) !== exact) return "quote-mismatch";
  return null;
}
