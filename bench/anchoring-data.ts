// A source version with 20 scattered edits, and 5,000 spans on the old
// version with the outcome each should have on the new one, for
// bench/anchoring.bench.ts. The edits are those articles get after
// publication: 3 paragraphs removed, 5 numbers corrected, 5 typos fixed,
// 2 words replaced, 5 sentences inserted.

import { describeSpan, type Selector } from "@/lib/anchoring/quote";

import { makeText, prng, randomSpan } from "./workbench-data";

type Edit = { start: number; end: number; replacement: string; isRemoval: boolean };
export type Expected =
  | { status: "unchanged" | "changed"; start: number; end: number }
  /** A span cut by a removed paragraph: orphaned, or changed if most of it is left. */
  | { status: "orphaned"; isPartlyLeft: boolean };
export type VersionBench = { oldText: string; newText: string; selectors: Selector[]; expected: Expected[] };

const KINDS = ["removal", "number", "typo", "insertion", "word", "number", "typo", "insertion"] as const;
const INSERTED = " An editor added this sentence after publication.";

/** Start and end of the word nearest the middle of text[from, to). */
function middleWord(text: string, from: number, to: number): [number, number] {
  let start = Math.floor((from + to) / 2);
  while (start > from && text[start - 1] !== " ") start--;
  let end = start;
  while (end < to && text[end] !== " " && text[end] !== ".") end++;
  return [start, end];
}

/** Applies the "old" side of each word edit to the base text and returns the edits that lead to the new version. */
function planEdits(base: string): { oldText: string; edits: Edit[] } {
  const paragraphs = base.split("\n\n");
  const step = paragraphs.length / 20;
  const edits: Edit[] = [];
  let oldText = "";
  paragraphs.forEach((paragraph, index) => {
    let text = paragraph;
    const slot = Math.floor(index / step);
    const isTarget = Math.floor((slot + 0.5) * step) === index;
    const at = oldText.length;
    if (isTarget) {
      const kind = KINDS[slot % KINDS.length]!;
      const [wordStart, wordEnd] = middleWord(text, 0, text.length);
      const word = text.slice(wordStart, wordEnd);
      const swap = (before: string, after: string) => {
        text = text.slice(0, wordStart) + before + text.slice(wordEnd);
        edits.push({ start: at + wordStart, end: at + wordStart + before.length, replacement: after, isRemoval: false });
      };
      if (kind === "removal") edits.push({ start: at, end: at + text.length + 2, replacement: "", isRemoval: true });
      else if (kind === "number") swap(String(10 + slot), String(20 + slot));
      else if (kind === "typo") swap(word.slice(0, 1) + word.slice(2), word);
      else if (kind === "word") swap(word, "softened");
      else {
        const dot = text.indexOf(".", wordEnd);
        const end = dot === -1 ? text.length : dot + 1;
        edits.push({ start: at + end, end: at + end, replacement: INSERTED, isRemoval: false });
      }
    }
    oldText += text + (index < paragraphs.length - 1 ? "\n\n" : "");
  });
  return { oldText, edits };
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = "";
  let from = 0;
  for (const edit of edits) {
    result += text.slice(from, edit.start) + edit.replacement;
    from = edit.end;
  }
  return result + text.slice(from);
}

function expectedOutcome(edits: readonly Edit[], start: number, end: number): Expected {
  const shift = (offset: number, isEnd: boolean) =>
    edits.reduce((sum, e) => (e.end <= offset && (!isEnd || e.start < offset) ? sum + e.replacement.length - (e.end - e.start) : sum), 0);
  const touching = edits.filter((e) => (e.start === e.end ? start < e.start && e.start < end : e.start < end && start < e.end));
  const removal = touching.find((e) => e.isRemoval);
  if (removal) return { status: "orphaned", isPartlyLeft: start < removal.start || end > removal.end };
  return { status: touching.length > 0 ? "changed" : "unchanged", start: start + shift(start, false), end: end + shift(end, true) };
}

export function makeVersionBench({ words = 20_000, spans = 5_000, seed = 7 } = {}): VersionBench {
  const random = prng(seed);
  const { oldText, edits } = planEdits(makeText(words, random));
  const newText = applyEdits(oldText, edits);
  const selectors: Selector[] = [];
  const expected: Expected[] = [];
  for (let i = 0; i < spans; i++) {
    const { start, end } = randomSpan(oldText, random);
    selectors.push(describeSpan(oldText, start, end));
    expected.push(expectedOutcome(edits, start, end));
  }
  return { oldText, newText, selectors, expected };
}
