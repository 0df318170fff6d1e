/**
 * Character- and line-level normalization of imported plain text.
 *
 * DOM-free and dependency-free so the same code runs on the server (import)
 * and in the browser (preview). Annotation offsets point into the output, so
 * every rule here must be deterministic and idempotent.
 */

/** Spaces that render like a space but break matching and search. */
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * Invisible characters removed everywhere: zero-width space, word joiner,
 * BOM / zero-width no-break space, Mongolian vowel separator, soft hyphen,
 * and bidi embeddings/overrides (U+202A–U+202E), which can make the displayed
 * order differ from the stored text an analyst quotes.
 * Kept on purpose: LRM/RLM/ALM and bidi isolates, which right-to-left text
 * needs to display punctuation correctly.
 */
const INVISIBLES = /[\u200B\u2060\uFEFF\u180E\u00AD\u202A-\u202E]/g;

/** C0/C1 control characters other than tab and line feed. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * ZWJ (U+200D) builds emoji sequences (👩‍💻, 🏳️‍🌈) and Indic conjuncts; ZWNJ
 * (U+200C) is part of Persian and Indic spelling. Both are kept only between
 * two "joinable" characters (letters, marks, emoji, variation selectors, skin
 * tones); anywhere else they are scraping debris and are removed.
 */
const JOINER_WITH_CONTEXT =
  /(?<=[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])[\u200C\u200D](?=[\p{L}\p{M}\p{Extended_Pictographic}])/gu;
const JOINER = /[\u200C\u200D]/gu;
const JOINER_PLACEHOLDER = "\u0000";

function removeStrayJoiners(text: string): string {
  if (!/[\u200C\u200D]/.test(text)) return text;
  // Keep the joiners that sit in a valid context by protecting them, drop the rest.
  const kept: string[] = [];
  const protectedText = text.replace(JOINER_WITH_CONTEXT, (joiner) => {
    kept.push(joiner);
    return JOINER_PLACEHOLDER;
  });
  let index = 0;
  return protectedText.replace(JOINER, "").replace(/\u0000/g, () => kept[index++] ?? "");
}

/** Line breaks of every convention become "\n"; U+2029 separates paragraphs. */
export function normalizeLineBreaks(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u000B\u000C\u0085\u2028]/g, "\n")
    .replace(/\u2029/g, "\n\n");
}

/**
 * Normalizes one line (no "\n" inside): invisible characters, odd spaces,
 * runs of whitespace, surrounding whitespace, Unicode NFC. Typographic quotes
 * and apostrophes are left alone: they are part of what the analyst quotes.
 */
export function normalizeLine(line: string): string {
  const cleaned = removeStrayJoiners(line.replace(CONTROLS, "").replace(INVISIBLES, "").replace(ODD_SPACES, " "));
  // NFC last: removing a character between a base letter and its combining
  // mark can create a sequence that only now composes.
  return cleaned.replace(/ {2,}/g, " ").trim().normalize("NFC");
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

/**
 * A looser key for comparing a line with a title typed elsewhere: case,
 * quote style and trailing punctuation do not matter.
 */
export function looseKey(line: string): string {
  return normalizeLine(line)
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[\s.:;!?,]+$/u, "");
}
