/**
 * Character- and line-level normalization of imported plain text.
 *
 * DOM-free and dependency-free so the same code runs on the server (import)
 * and in the browser (preview). Annotation offsets point into the output, so
 * every rule here must be deterministic and idempotent.
 *
 * Every pattern here runs in linear time: each regular expression is a single
 * character class (one character per match, no backtracking), and the rules
 * that need context (joiners, trailing punctuation) are plain loops.
 */

/** Spaces that render like a space but break matching and search. */
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * Invisible characters removed everywhere: zero-width space, word joiner,
 * BOM / zero-width no-break space, Mongolian vowel separator, soft hyphen,
 * and bidi embeddings/overrides (U+202A–U+202E), which can make the displayed
 * order differ from the stored text an analyst quotes.
 * Kept on purpose: LRM/RLM/ALM and bidi isolates, which right-to-left text
 * needs to display punctuation correctly.
 */
const INVISIBLES = /[\u200B\u2060\uFEFF\u180E\u00AD\u202A-\u202E]+/g;

/** C0/C1 control characters other than tab and line feed. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]+/g;

/** Printable ASCII only: none of the Unicode rules can apply (the common case, kept fast). */
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

export function isPlainAscii(text: string): boolean {
  return PLAIN_ASCII.test(text);
}

/**
 * ZWJ (U+200D) builds emoji sequences (👩‍💻, 🏳️‍🌈) and Indic conjuncts; ZWNJ
 * (U+200C) is part of Persian and Indic spelling. Both are kept only between
 * two "joinable" characters (letters, marks, emoji, variation selectors, skin
 * tones); anywhere else they are scraping debris and are removed.
 */
const JOINABLE_BEFORE = /^[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const JOINABLE_AFTER = /^[\p{L}\p{M}\p{Extended_Pictographic}]$/u;

const isJoiner = (code: number) => code === 0x200c || code === 0x200d;

/** The code point that ends just before `index` (a whole surrogate pair when there is one). */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1]!;
}

function codePointAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? "" : String.fromCodePoint(code);
}

function removeStrayJoiners(text: string): string {
  if (!/[\u200C\u200D]/.test(text)) return text;
  let out = "";
  let copiedTo = 0;
  for (let index = 0; index < text.length; index++) {
    if (!isJoiner(text.charCodeAt(index))) continue;
    // The neighbours in the original text: a joiner next to another joiner is stray.
    const isKept =
      !isJoiner(text.charCodeAt(index - 1)) &&
      JOINABLE_BEFORE.test(codePointBefore(text, index)) &&
      JOINABLE_AFTER.test(codePointAt(text, index + 1));
    if (isKept) continue;
    out += text.slice(copiedTo, index);
    copiedTo = index + 1;
  }
  return out + text.slice(copiedTo);
}

/** Line breaks of every convention become "\n"; U+2029 separates paragraphs. */
export function normalizeLineBreaks(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u000B\u000C\u0085\u2028]/g, "\n")
    .replace(/\u2029/g, "\n\n");
}

/** Runs of spaces become one space; leading and trailing spaces go. */
function collapseSpaces(line: string): string {
  return (line.includes("  ") ? line.replace(/ {2,}/g, " ") : line).trim();
}

/**
 * Normalizes one line (no "\n" inside): invisible characters, odd spaces,
 * runs of whitespace, surrounding whitespace, Unicode NFC. Typographic quotes
 * and apostrophes are left alone: they are part of what the analyst quotes.
 */
export function normalizeLine(line: string): string {
  if (PLAIN_ASCII.test(line)) return collapseSpaces(line);
  const cleaned = removeStrayJoiners(line.replace(CONTROLS, "").replace(INVISIBLES, "").replace(ODD_SPACES, " "));
  // NFC last: removing a character between a base letter and its combining
  // mark can create a sequence that only now composes.
  return collapseSpaces(cleaned).normalize("NFC");
}

/** Splits raw text into normalized lines (blank lines become ""). */
export function toNormalizedLines(raw: string): string[] {
  return normalizeLineBreaks(raw).split("\n").map(normalizeLine);
}

/**
 * Joins kept lines back into text: consecutive lines stay on consecutive
 * lines (lists, verse, addresses), any run of blank lines becomes exactly one
 * blank line, and the result has no leading or trailing whitespace.
 */
export function joinLines(lines: readonly string[]): string {
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whitespace (as JavaScript's \s) and the punctuation a title may end with. */
const TRAILING_JUNK = /^[\s.:;!?,]$/u;

/** `text` without its trailing whitespace and sentence punctuation, found by walking back from the end. */
function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_JUNK.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * A looser key for comparing a line with a title typed elsewhere: case,
 * quote style and trailing punctuation do not matter.
 */
export function looseKey(line: string): string {
  return looseKeyOfNormalized(normalizeLine(line));
}

/** `looseKey` of a line that `normalizeLine` already returned. */
export function looseKeyOfNormalized(line: string): string {
  return trimTrailingPunctuation(
    line
      .toLowerCase()
      .replace(/[‘’‚‛′`]/g, "'")
      .replace(/[“”„‟″«»]/g, '"'),
  );
}
