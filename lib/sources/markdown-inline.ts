/**
 * Inline Markdown → text (code spans, images, links, autolinks, inline HTML
 * tags, strong, emphasis, strikethrough, escapes) in linear time.
 *
 * Each construct is one left-to-right pass over the line, in the order the
 * old regular expressions ran, so nesting works the same way ([**a**](u) →
 * **a** → a). Regular expressions with lazy quantifiers and backreferences
 * took time quadratic in the line's length on hostile input ("[[[[…", "![![…",
 * "**a**a**a…"); here every search for a closing delimiter goes through a
 * `Finder`, whose queries only move forward, so each pass reads each
 * character a bounded number of times.
 *
 * One deliberate difference: a code span closes at the next backtick run of
 * the SAME length (CommonMark), not inside a longer run.
 */

const PLACEHOLDER = "\u0000";

/** Characters that start an inline construct; a line without any is returned as is. */
const INLINE_SYNTAX = /[`!\[\]<*_~\\]/;

const isSpace = (char: string | undefined) => char !== undefined && /^\s$/.test(char);
const isWordChar = (char: string) => /^[\p{L}\p{N}]$/u.test(char);

/**
 * The first index ≥ `from` whose character satisfies `test`, or -1. Queries
 * must not go backwards; each character is examined at most once overall.
 */
class Finder {
  private scannedTo = 0;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly test: (index: number) => boolean,
  ) {}

  at(from: number): number {
    if (this.found >= from) return this.found;
    for (let index = Math.max(from, this.scannedTo); index < this.text.length; index++) {
      if (this.test(index)) {
        this.scannedTo = index;
        this.found = index;
        return index;
      }
    }
    this.scannedTo = this.text.length;
    this.found = -1;
    return -1;
  }
}

const charFinder = (text: string, char: string) => new Finder(text, (index) => text[index] === char);

/** The code point ending at `index` (exclusive), as a string. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const code = text.codePointAt(index - 2);
  return index >= 2 && code !== undefined && code > 0xffff ? text.slice(index - 2, index) : text[index - 1]!;
}

function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? "" : String.fromCodePoint(code);
}

/** Builds the output of one pass: copies input up to each replaced range, then the replacement. */
class Rewriter {
  private readonly parts: string[] = [];
  private copied = 0;

  constructor(private readonly text: string) {}

  replace(start: number, end: number, replacement: string): void {
    this.parts.push(this.text.slice(this.copied, start), replacement);
    this.copied = end;
  }

  finish(): string {
    if (this.parts.length === 0) return this.text;
    this.parts.push(this.text.slice(this.copied));
    return this.parts.join("");
  }
}

/** `code` spans become numbered placeholders, so later passes leave their contents alone. */
function protectCodeSpans(text: string, code: string[]): string {
  // Backtick runs, as parallel arrays of start and length.
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let index = text.indexOf("`"); index >= 0; index = text.indexOf("`", index)) {
    let end = index;
    while (text.charCodeAt(end) === 0x60) end++;
    starts.push(index);
    lengths.push(end - index);
    index = end;
  }
  // For each run, the next run of the same length (-1 if none), found right to left.
  const nextSame = new Int32Array(starts.length);
  const lastOfLength = new Map<number, number>();
  for (let run = starts.length - 1; run >= 0; run--) {
    nextSame[run] = lastOfLength.get(lengths[run]!) ?? -1;
    lastOfLength.set(lengths[run]!, run);
  }
  const rewriter = new Rewriter(text);
  for (let run = 0; run < starts.length;) {
    const closer = nextSame[run]!;
    if (closer < 0) {
      run++;
      continue;
    }
    const start = starts[run]!;
    const length = lengths[run]!;
    rewriter.replace(start, starts[closer]! + length, `${PLACEHOLDER}${code.length}${PLACEHOLDER}`);
    code.push(text.slice(start + length, starts[closer]).trim());
    run = closer + 1;
  }
  return rewriter.finish();
}

/** Placeholders back to their code spans' contents (placeholders stay paired: no pass cuts between NULs). */
function restoreCodeSpans(text: string, code: readonly string[]): string {
  const parts: string[] = [];
  let copied = 0;
  for (let open = text.indexOf(PLACEHOLDER); open >= 0;) {
    const close = text.indexOf(PLACEHOLDER, open + 1);
    if (close < 0) break;
    const index = text.slice(open + 1, close);
    if (!/^\d+$/.test(index)) {
      open = close;
      continue;
    }
    parts.push(text.slice(copied, open), code[Number(index)] ?? "");
    copied = close + 1;
    open = text.indexOf(PLACEHOLDER, copied);
  }
  parts.push(text.slice(copied));
  return parts.join("");
}

/** ![alt](src) → alt, then ![alt][ref] → alt (two passes, as the syntax was matched before). */
function replaceImages(text: string, target: "(" | "["): string {
  if (!text.includes("![")) return text;
  const closeBracket = charFinder(text, "]");
  const targetEnd = charFinder(text, target === "(" ? ")" : "]");
  const rewriter = new Rewriter(text);
  for (let index = text.indexOf("!["); index >= 0; index = text.indexOf("![", index)) {
    const close = closeBracket.at(index + 2);
    if (close < 0) break;
    const end = text[close + 1] === target ? targetEnd.at(close + 2) : -1;
    if (end < 0) {
      index++;
      continue;
    }
    rewriter.replace(index, end + 1, text.slice(index + 2, close));
    index = end + 1;
  }
  return rewriter.finish();
}

/**
 * For each index k, where a link destination starting at k ends: the index
 * of its closing ")" (one level of balanced parentheses allowed inside), or -1.
 * Computed right to left in one pass.
 */
function destinationEnds(text: string): Int32Array {
  const ends = new Int32Array(text.length + 1).fill(-1);
  let nextClose = -1;
  for (let k = text.length - 1; k >= 0; k--) {
    const char = text[k];
    if (char === ")") {
      ends[k] = k;
      nextClose = k;
    } else if (char === "(") {
      // "(" opens a group that ends at the nearest ")" to its right; the destination continues after it.
      ends[k] = nextClose < 0 ? -1 : ends[nextClose + 1]!;
    } else {
      ends[k] = ends[k + 1]!;
    }
  }
  return ends;
}

/** [text](destination) → text, then [text][ref] → text. */
function replaceLinks(text: string, target: "(" | "["): string {
  if (!text.includes("[")) return text;
  const closeBracket = charFinder(text, "]");
  const refEnd = charFinder(text, "]");
  let ends: Int32Array | undefined;
  const rewriter = new Rewriter(text);
  for (let index = text.indexOf("["); index >= 0; index = text.indexOf("[", index)) {
    const close = closeBracket.at(index + 1);
    if (close < 0) break;
    let end = -1;
    if (close > index + 1 && text[close + 1] === target) {
      if (target === "(") end = (ends ??= destinationEnds(text))[close + 2] ?? -1;
      else end = refEnd.at(close + 2);
    }
    if (end < 0) {
      index++;
      continue;
    }
    rewriter.replace(index, end + 1, text.slice(index + 1, close));
    index = end + 1;
  }
  return rewriter.finish();
}

const AUTOLINK_SCHEMES = ["http:", "https:", "mailto:"];

/** <https://…> → the address. */
function replaceAutolinks(text: string): string {
  const stop = new Finder(text, (index) => text[index] === ">" || isSpace(text[index]));
  const rewriter = new Rewriter(text);
  for (let index = text.indexOf("<"); index >= 0; index = text.indexOf("<", index + 1)) {
    const scheme = AUTOLINK_SCHEMES.find((candidate) => text.startsWith(candidate, index + 1));
    if (!scheme) continue;
    const bodyStart = index + 1 + scheme.length;
    const end = stop.at(bodyStart);
    if (end <= bodyStart || text[end] !== ">") continue;
    rewriter.replace(index, end + 1, text.slice(index + 1, end));
    index = end;
  }
  return rewriter.finish();
}

/** Inline HTML tags (<b>, </span>, <img …>) are dropped; their text stays. */
function removeTags(text: string): string {
  const closeAngle = charFinder(text, ">");
  const rewriter = new Rewriter(text);
  for (let index = text.indexOf("<"); index >= 0; index = text.indexOf("<", index + 1)) {
    const nameStart = text[index + 1] === "/" ? index + 2 : index + 1;
    if (!/^[a-zA-Z]$/.test(text[nameStart] ?? "")) continue;
    const end = closeAngle.at(nameStart + 1);
    if (end < 0) break;
    rewriter.replace(index, end + 1, "");
    index = end;
  }
  return rewriter.finish();
}

/** **strong**, __strong__ and ~~strike~~: the delimiter pair goes when it hugs non-space text. */
function replacePairs(text: string, delimiters: readonly string[]): string {
  if (!delimiters.some((delimiter) => text.includes(delimiter))) return text;
  const rewriter = new Rewriter(text);
  const isDelimiterAt = (index: number) => delimiters.find((d) => text.startsWith(d, index));
  const opener = new Finder(text, (index) => isDelimiterAt(index) !== undefined);
  const closers = new Map(delimiters.map((d) => [d, new Finder(text, (index) => text.startsWith(d, index) && !isSpace(text[index - 1]))]));
  for (let index = opener.at(0); index >= 0; index = opener.at(index)) {
    const delimiter = isDelimiterAt(index)!;
    const contentStart = index + delimiter.length;
    const close = text[contentStart] !== undefined && !isSpace(text[contentStart]) ? closers.get(delimiter)!.at(contentStart + 1) : -1;
    if (close < 0) {
      index++;
      continue;
    }
    rewriter.replace(index, close + delimiter.length, text.slice(contentStart, close));
    index = close + delimiter.length;
  }
  return rewriter.finish();
}

/** *emphasis* and _emphasis_: not inside words (snake_case, 2*3*4 stay). */
function replaceEmphasis(text: string, mark: "*" | "_"): string {
  if (!text.includes(mark)) return text;
  const isFlank = (char: string) => char === mark || isWordChar(char);
  const closer = new Finder(text, (index) => text[index] === mark && !isSpace(text[index - 1]) && !isFlank(charAt(text, index + 1)));
  const rewriter = new Rewriter(text);
  for (let index = text.indexOf(mark); index >= 0; index = text.indexOf(mark, index)) {
    const canOpen = !isFlank(charBefore(text, index)) && text[index + 1] !== undefined && !isSpace(text[index + 1]);
    const close = canOpen ? closer.at(index + 2) : -1;
    if (close < 0) {
      index++;
      continue;
    }
    rewriter.replace(index, close + 1, text.slice(index + 1, close));
    index = close + 1;
  }
  return rewriter.finish();
}

/** Two or more trailing spaces (a Markdown hard break) go. */
function trimHardBreak(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === " ") end--;
  return text.length - end >= 2 ? text.slice(0, end) : text;
}

/** Inline markup → text. Code spans are protected so their contents stay literal. */
export function inline(line: string): string {
  if (!INLINE_SYNTAX.test(line)) return trimHardBreak(line);
  // NUL marks placeholders below; it is never part of an article.
  let out = line.includes(PLACEHOLDER) ? line.replaceAll(PLACEHOLDER, "") : line;
  const code: string[] = [];
  if (out.includes("`")) out = protectCodeSpans(out, code);
  out = replaceImages(out, "(");
  out = replaceImages(out, "[");
  out = replaceLinks(out, "(");
  out = replaceLinks(out, "[");
  if (out.includes("<")) out = removeTags(replaceAutolinks(out));
  out = replacePairs(out, ["**", "__"]);
  out = replaceEmphasis(out, "*");
  out = replaceEmphasis(out, "_");
  out = replacePairs(out, ["~~"]);
  // One backslash and one character: linear.
  if (out.includes("\\")) out = out.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1");
  out = trimHardBreak(out);
  return code.length === 0 ? out : restoreCodeSpans(out, code);
}
