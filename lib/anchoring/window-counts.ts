// Answers "could this passage occur more than once in the text?" in O(1)
// after one O(n) pass, so checking thousands of spans against a previous
// version costs no full-text search each. Every window of WINDOW units is
// hashed (polynomial rolling hash) into a table of saturating counters.
// Identical windows share a counter, so a repeated passage is never missed;
// a hash collision only makes a unique passage look possibly repeated, and
// the caller then confirms with a real search.

const WINDOW = 32;
const TABLE_BITS = 20;
const BASE = 0x01000193;

export type WindowCounts = {
  /** False when text[start, start + length) certainly occurs only once; true when it may repeat (confirm by searching). */
  mayRepeat(start: number, length: number): boolean;
  /** False when `needle` certainly does not occur in the text; true when it may (confirm by searching). */
  mayContain(needle: string): boolean;
};

function power(base: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base);
  return result;
}

function hashAt(text: string, start: number): number {
  let hash = 0;
  for (let i = start; i < start + WINDOW; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

const slot = (hash: number) => hash >>> (32 - TABLE_BITS);

export function countWindows(text: string): WindowCounts {
  const counts = new Uint8Array(1 << TABLE_BITS);
  if (text.length >= WINDOW) {
    const dropFactor = power(BASE, WINDOW - 1);
    let hash = hashAt(text, 0);
    for (let start = 0; ; start++) {
      const index = slot(Math.imul(hash, 0x9e3779b1));
      if (counts[index]! < 255) counts[index]!++;
      if (start + WINDOW >= text.length) break;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(start), dropFactor), BASE) + text.charCodeAt(start + WINDOW)) | 0;
    }
  }
  return {
    mayRepeat(start, length) {
      if (length < WINDOW || start < 0 || start + WINDOW > text.length) return true;
      return counts[slot(Math.imul(hashAt(text, start), 0x9e3779b1))]! > 1;
    },
    mayContain(needle) {
      return needle.length < WINDOW || counts[slot(Math.imul(hashAt(needle, 0), 0x9e3779b1))]! > 0;
    },
  };
}
