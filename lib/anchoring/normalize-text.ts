// Matching-only normalization. Two versions of an article (or a typed search
// and the article) should compare the way a reader compares them: CRLF and
// LF, NBSP and space, a run of whitespace and one space, curly and straight
// quotes, dash variants, "…" and "...", NFD and NFC spellings of the same
// letter, invisible joiners and marks — all equal. Every normalized unit
// remembers the original range it came from, so a match found in the
// normalized text maps back to exact UTF-16 offsets in the original.
// Linear time; nothing here ever changes stored text.

import { foldCase, isInvisible, isWhitespace, mapPunctuation } from "./normalize-chars";

export type NormalizedText = {
  readonly text: string;
  /** Original offset where normalized unit i starts; `starts[text.length]` is the original length. Non-decreasing. */
  readonly starts: Int32Array;
  /** Original offset where normalized unit i - 1 ends (`ends[0]` unused). */
  readonly ends: Int32Array;
};

export type NormalizeOptions = {
  /** Also ignore letter case (Find passage); anchoring keeps case, a changed case is a changed word. */
  foldCase?: boolean;
};

const MARK = /^\p{M}$/u;

function isHangulMedialOrFinal(code: number): boolean {
  return code >= 0x1160 && code <= 0x11ff;
}

/** End of the character at `i` together with the combining marks (and Hangul jamo) that compose with it. */
function clusterEnd(text: string, i: number): number {
  const first = text.codePointAt(i)!;
  let end = i + (first > 0xffff ? 2 : 1);
  while (end < text.length) {
    const code = text.codePointAt(end)!;
    if (code < 0x300) break;
    const char = String.fromCodePoint(code);
    if (!MARK.test(char) && !isHangulMedialOrFinal(code)) break;
    end += char.length;
  }
  return end;
}

export function normalizeText(original: string, options: NormalizeOptions = {}): NormalizedText {
  const isFolding = options.foldCase ?? false;
  const isNfc = original.normalize("NFC") === original;
  let starts = new Int32Array(original.length + 16);
  let ends = new Int32Array(original.length + 16);
  const pieces: string[] = [];
  let length = 0;
  let copyFrom = -1;

  const reserve = (units: number) => {
    if (length + units < starts.length) return;
    const size = Math.max(starts.length * 2, length + units + 1);
    const grownStarts = new Int32Array(size);
    grownStarts.set(starts);
    const grownEnds = new Int32Array(size);
    grownEnds.set(ends);
    starts = grownStarts;
    ends = grownEnds;
  };
  const flush = (to: number) => {
    if (copyFrom >= 0) pieces.push(original.slice(copyFrom, to));
    copyFrom = -1;
  };
  const copy = (from: number, to: number) => {
    if (copyFrom < 0) copyFrom = from;
    reserve(to - from);
    for (let k = from; k < to; k++) {
      starts[length] = k;
      ends[++length] = k + 1;
    }
  };
  const replace = (from: number, to: number, replacement: string) => {
    flush(from);
    if (replacement.length === 0) return;
    pieces.push(replacement);
    reserve(replacement.length);
    for (let k = 0; k < replacement.length; k++) {
      starts[length] = from;
      ends[++length] = to;
    }
  };

  // Plain ASCII (letters, digits, most punctuation, single spaces) is its own normalization.
  const isPlain = (at: number) => {
    const code = original.charCodeAt(at);
    if (code === 0x20) return at + 1 < original.length && !isWhitespace(original.charCodeAt(at + 1));
    return code > 0x20 && code < 0x7f && code !== 0x60 && !(isFolding && code >= 0x41 && code <= 0x5a);
  };

  let i = 0;
  while (i < original.length) {
    if (isPlain(i)) {
      let end = i + 1;
      while (end < original.length && isPlain(end)) end++;
      // A combining mark right after the run composes with its last character: leave that one to the cluster path.
      if (end < original.length && original.charCodeAt(end) >= 0x300) end--;
      if (end > i) {
        copy(i, end);
        i = end;
        continue;
      }
    }
    const code = original.charCodeAt(i);
    if (isWhitespace(code)) {
      let end = i + 1;
      while (end < original.length && isWhitespace(original.charCodeAt(end))) end++;
      if (end === i + 1 && code === 0x20) copy(i, end);
      else replace(i, end, " ");
      i = end;
      continue;
    }
    if (code < 0x80 && (i + 1 === original.length || original.charCodeAt(i + 1) < 0x300)) {
      const mapped = mapPunctuation(code) ?? (isFolding && code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : null);
      if (mapped === null) copy(i, i + 1);
      else replace(i, i + 1, mapped);
      i++;
      continue;
    }
    if (isInvisible(code)) {
      replace(i, i + 1, "");
      i++;
      continue;
    }
    const end = clusterEnd(original, i);
    const cluster = original.slice(i, end);
    let normalized = isNfc ? cluster : cluster.normalize("NFC");
    if (normalized.length === 1) normalized = mapPunctuation(normalized.charCodeAt(0)) ?? normalized;
    if (isFolding) normalized = foldCase(normalized);
    if (normalized === cluster) copy(i, end);
    else replace(i, end, normalized);
    i = end;
  }
  flush(original.length);
  starts[length] = original.length;
  return { text: pieces.join(""), starts: starts.subarray(0, length + 1), ends: ends.subarray(0, length + 1) };
}

/** The original range of the normalized range [from, to). */
export function toOriginalRange(normalized: NormalizedText, from: number, to: number): { start: number; end: number } {
  const start = normalized.starts[from]!;
  return { start, end: to > from ? normalized.ends[to]! : start };
}

/** The first normalized offset whose unit starts at or after `offset` in the original. */
export function toNormalizedOffset(normalized: NormalizedText, offset: number): number {
  let low = 0;
  let high = normalized.text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (normalized.starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
