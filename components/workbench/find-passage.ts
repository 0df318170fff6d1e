// Adapter for "Find passage". The anchoring code is getting a normalized
// `findAll(text, query)` in lib/anchoring (same quote/whitespace/case folding
// as the anchoring uses); until it lands, this module provides the same
// signature so the UI is written against it: swap the body for a re-export.
//
// Matching folds curly quotes and apostrophes to straight ones, runs of white
// space to one space, and case (where folding keeps one UTF-16 unit per
// character, so offsets stay exact). Linear in the text; no regular expression
// runs on the query.

export type FoundSpan = { start: number; end: number };

const quoteFolds: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u2033": '"',
  "\u00ab": '"',
  "\u00bb": '"',
};

function isSpace(char: string): boolean {
  return char === " " || char === "\n" || char === "\t" || char === "\r" || char === "\u00a0" || char === "\u2009" || char === "\u202f";
}

function foldChar(char: string): string {
  const quote = quoteFolds[char];
  if (quote) return quote;
  const lower = char.toLowerCase();
  return lower.length === 1 ? lower : char;
}

/** The folded text and, for each folded character, the offset of the original character it came from. */
function fold(text: string): { folded: string; origin: Int32Array } {
  const out: string[] = [];
  const origin = new Int32Array(text.length + 1);
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (isSpace(char)) {
      if (inSpace) continue;
      inSpace = true;
      out.push(" ");
    } else {
      inSpace = false;
      out.push(foldChar(char));
    }
    origin[n++] = i;
  }
  origin[n] = text.length;
  return { folded: out.join(""), origin: origin.subarray(0, n + 1) };
}

const folds = new Map<string, ReturnType<typeof fold>>();

/** Every occurrence of `query` in `text`, in order, as offsets into `text` (end exclusive). */
export function findAll(text: string, query: string): FoundSpan[] {
  const needle = fold(query.trim()).folded;
  if (!needle) return [];
  let haystack = folds.get(text);
  if (!haystack) {
    if (folds.size > 8) folds.clear();
    haystack = fold(text);
    folds.set(text, haystack);
  }
  const { folded, origin } = haystack;
  const found: FoundSpan[] = [];
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
    const last = at + needle.length - 1;
    found.push({ start: origin[at]!, end: origin[last]! + 1 });
  }
  return found;
}
