// Sentence units with exact offsets, on top of wink's sentence boundaries:
// a line break always ends a sentence (headings, list items), a bare list
// marker ("1.", "b)", "iv.") is folded into the item it numbers, and a unit
// made only of punctuation or bracketed references ("[3]") joins the sentence
// before it on the same line.
import type { TokenTable } from "./nlp";

export type SentenceUnit = {
  index: number;
  /** UTF-16 offsets into the text, end exclusive; list markers are left out. */
  start: number;
  end: number;
  /** Inclusive token range of the sentence's content. */
  first: number;
  last: number;
  /** A line of its own without closing punctuation: a headline or subheading. */
  isHeading: boolean;
};

const ROMAN = new Set(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]);

function isLineBreak(table: TokenTable, i: number): boolean {
  return table.type[i] === "tabCRLF" || (table.pos[i] === "SPACE" && table.value[i]!.includes("\n"));
}

function isWordLike(table: TokenTable, i: number): boolean {
  const type = table.type[i];
  return type === "word" || type === "number" || type === "time" || type === "ordinal" || type === "currency";
}

function hasWord(table: TokenTable, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const type = table.type[i];
    if (type === "word" || type === "time") return true;
    // A number counts unless it sits inside brackets, like a reference "[2]".
    if (type === "number" && !(table.value[i - 1] === "[" && table.value[i + 1] === "]")) return true;
  }
  return false;
}

/** "1." "12)" "b." "iv)" standing alone at the start of a line. */
function isListMarker(table: TokenTable, first: number, last: number): boolean {
  const words: number[] = [];
  for (let i = first; i <= last; i++) if (isWordLike(table, i)) words.push(i);
  if (words.length !== 1 || last - first > 2) return false;
  const word = table.lower[words[0]!]!;
  const closer = table.value[last];
  if (closer !== "." && closer !== ")") return false;
  return table.type[words[0]!] === "number" || word.length === 1 || ROMAN.has(word);
}

/** Token ranges between line breaks inside wink's sentences, whitespace trimmed. */
function rawUnits(table: TokenTable): Array<[number, number]> {
  const units: Array<[number, number]> = [];
  for (const [first, last] of table.sentences) {
    let open = -1;
    for (let i = first; i <= last + 1; i++) {
      const isBoundary = i > last || isLineBreak(table, i);
      const isBlank = i <= last && table.pos[i] === "SPACE";
      if (isBoundary) {
        if (open !== -1) units.push([open, i - 1]);
        open = -1;
      } else if (!isBlank && open === -1) open = i;
    }
  }
  return units.map(([first, last]) => {
    let end = last;
    while (end > first && table.pos[end] === "SPACE") end--;
    return [first, end];
  });
}

function lineBreakBetween(table: TokenTable, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (isLineBreak(table, i)) return true;
  return table.text.slice(table.end[from]!, table.start[to]!).includes("\n");
}

/** Splits a tokenized text into sentences with exact offsets. */
export function splitSentences(table: TokenTable): SentenceUnit[] {
  const merged: Array<[number, number]> = [];
  for (const unit of rawUnits(table)) {
    let first = unit[0];
    const last = unit[1];
    // The marker is dropped: the item's unit starts at its first word.
    if (isListMarker(table, first, last)) continue;
    // "2) Ongoing challenges…": a marker wink kept inside the item.
    if (last - first >= 2 && isListMarker(table, first, first + 1)) first += 2;
    const previous = merged.at(-1);
    if (!hasWord(table, first, last)) {
      if (previous && !lineBreakBetween(table, previous[1], first)) previous[1] = last;
      continue;
    }
    merged.push([first, last]);
  }
  return merged.map(([first, last], index) => {
    const isHeading = table.pos[last] !== "PUNCT" || table.value[last] === ":";
    return { index, start: table.start[first]!, end: table.end[last]!, first, last, isHeading };
  });
}
