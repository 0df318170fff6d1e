// Splits a column of quote paragraphs at the page bottom. Only used for
// passages too long for a page of their own; everything else moves whole.

export type Measure = (text: string) => number;

export type SplitResult = { head: string[]; tail: string[] };

export function splitBlocks(blocks: readonly string[], maxHeight: number, gap: number, measure: Measure): SplitResult {
  const head: string[] = [];
  let used = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const offset = head.length > 0 ? gap : 0;
    const height = measure(block);
    if (used + offset + height <= maxHeight) {
      head.push(block);
      used += offset + height;
      continue;
    }
    const [first, rest] = splitWords(block, maxHeight - used - offset, measure);
    if (first) head.push(first);
    return { head, tail: [...(rest ? [rest] : []), ...blocks.slice(i + 1)] };
  }
  return { head, tail: [] };
}

/** The longest run of whole words that fits `maxHeight`, and the remainder. */
function splitWords(text: string, maxHeight: number, measure: Measure): [string, string] {
  // A "word" longer than the column (a URL, unspaced script) splits by character.
  const split = text.split(/(?<=\s)/);
  const words = split.length > 1 ? split : Array.from(text);
  let low = 0;
  let high = words.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(words.slice(0, mid).join("").trimEnd()) <= maxHeight) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return ["", text];
  return [words.slice(0, low).join("").trimEnd(), words.slice(low).join("")];
}
