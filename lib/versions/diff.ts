// A word-level diff of two versions of a source, for people: paragraphs are
// aligned first (jsdiff's diffArrays), a paragraph that left one place and
// reappears unchanged elsewhere is a move, a removed paragraph replaced by a
// similar one is "changed" and diffed word by word (diffWordsWithSpace), the
// rest are whole insertions and deletions. Pure and linear in practice.
import { diffArrays, diffWordsWithSpace } from "diff";

export type DiffPart = { type: "equal" | "insert" | "delete"; text: string };

export type DiffBlock =
  | { type: "equal"; text: string }
  | { type: "inserted"; text: string }
  | { type: "deleted"; text: string }
  | { type: "changed"; parts: DiffPart[] }
  /** A paragraph moved: shown where it left ("from") and where it arrived ("to"), with the same `moveId`. */
  | { type: "moved"; direction: "from" | "to"; moveId: number; text: string };

export type DiffStats = { insertedWords: number; deletedWords: number; changedParagraphs: number; movedParagraphs: number };

export type TextDiff = { blocks: DiffBlock[]; stats: DiffStats };

/** Two paragraphs this alike (share of words kept) are one paragraph edited, not a deletion and an insertion. */
const CHANGED_SIMILARITY = 0.4;

export function splitParagraphs(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function countWords(text: string): number {
  let count = 0;
  let isInWord = false;
  for (const char of text) {
    const isSpace = char === " " || char === "\n" || char === "\t" || char === "\u00a0";
    if (!isSpace && !isInWord) count++;
    isInWord = !isSpace;
  }
  return count;
}

function wordParts(before: string, after: string): { parts: DiffPart[]; similarity: number } {
  const changes = diffWordsWithSpace(before, after);
  const parts: DiffPart[] = changes.map((change) => ({
    type: change.added ? "insert" : change.removed ? "delete" : "equal",
    text: change.value,
  }));
  const kept = parts.filter((part) => part.type === "equal").reduce((sum, part) => sum + countWords(part.text), 0);
  return { parts, similarity: kept / Math.max(1, countWords(before), countWords(after)) };
}

type Hunk = { removed: string[]; added: string[] };

/** Pairs removed and added paragraphs of one hunk in order when they are alike enough. */
function resolveHunk(hunk: Hunk): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  let a = 0;
  for (const removed of hunk.removed) {
    let match = -1;
    for (let j = a; j < hunk.added.length && match < 0; j++) {
      const { parts, similarity } = wordParts(removed, hunk.added[j]!);
      if (similarity < CHANGED_SIMILARITY) continue;
      match = j;
      for (; a < j; a++) blocks.push({ type: "inserted", text: hunk.added[a]! });
      blocks.push({ type: "changed", parts });
      a = j + 1;
    }
    if (match < 0) blocks.push({ type: "deleted", text: removed });
  }
  for (; a < hunk.added.length; a++) blocks.push({ type: "inserted", text: hunk.added[a]! });
  return blocks;
}

export function diffTexts(before: string, after: string): TextDiff {
  const changes = diffArrays(splitParagraphs(before), splitParagraphs(after));
  // A paragraph removed in one place and added unchanged in another is a move.
  const removedAt = new Map<string, number[]>();
  changes.forEach((change, i) => change.removed && change.value.forEach((p) => removedAt.set(p, [...(removedAt.get(p) ?? []), i])));
  const movedText = new Map<string, number>();
  let moveCount = 0;
  for (const change of changes) {
    if (!change.added) continue;
    for (const paragraph of change.value) {
      if (removedAt.has(paragraph) && !movedText.has(paragraph)) movedText.set(paragraph, ++moveCount);
    }
  }

  const blocks: DiffBlock[] = [];
  let hunk: Hunk = { removed: [], added: [] };
  const flush = () => {
    blocks.push(...resolveHunk(hunk));
    hunk = { removed: [], added: [] };
  };
  for (const change of changes) {
    if (!change.added && !change.removed) {
      flush();
      blocks.push(...change.value.map((text) => ({ type: "equal" as const, text })));
      continue;
    }
    for (const paragraph of change.value) {
      const moveId = movedText.get(paragraph);
      if (moveId !== undefined) {
        flush();
        blocks.push({ type: "moved", direction: change.added ? "to" : "from", moveId, text: paragraph });
      } else (change.added ? hunk.added : hunk.removed).push(paragraph);
    }
  }
  flush();
  return { blocks, stats: statsOf(blocks, moveCount) };
}

function statsOf(blocks: DiffBlock[], movedParagraphs: number): DiffStats {
  const stats: DiffStats = { insertedWords: 0, deletedWords: 0, changedParagraphs: 0, movedParagraphs };
  for (const block of blocks) {
    if (block.type === "inserted") stats.insertedWords += countWords(block.text);
    if (block.type === "deleted") stats.deletedWords += countWords(block.text);
    if (block.type !== "changed") continue;
    stats.changedParagraphs++;
    for (const part of block.parts) {
      if (part.type === "insert") stats.insertedWords += countWords(part.text);
      if (part.type === "delete") stats.deletedWords += countWords(part.text);
    }
  }
  return stats;
}
