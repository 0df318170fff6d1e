// The character classes behind normalize-text.ts, by code unit.

/** Every Unicode space and line/paragraph separator, plus ASCII whitespace. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/**
 * Characters a reader does not see: soft hyphen, Arabic letter mark and
 * tatweel (kashida stretches a word, it is not a letter), Mongolian vowel
 * separator, zero-width space/joiners, direction marks, bidi embeddings and
 * isolates, word joiner, BOM. Scrapes add and drop them between versions.
 */
export function isInvisible(code: number): boolean {
  if (code < 0xad) return false;
  return (
    code === 0xad ||
    code === 0x061c ||
    code === 0x0640 ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

const SINGLE_QUOTES = [0x60, 0xb4, 0x2bc, 0x5f3, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x2039, 0x203a, 0xff07];
const DOUBLE_QUOTES = [0xab, 0xbb, 0x5f4, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0xff02];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];

const PUNCTUATION = new Map<number, string>([
  ...SINGLE_QUOTES.map((code) => [code, "'"] as const),
  ...DOUBLE_QUOTES.map((code) => [code, '"'] as const),
  ...DASHES.map((code) => [code, "-"] as const),
  [0x2026, "..."],
]);

/** The plain ASCII a typist would use for a typographic quote, apostrophe, dash or ellipsis; null for anything else. */
export function mapPunctuation(code: number): string | null {
  return PUNCTUATION.get(code) ?? null;
}

/** Lower case, with the Greek final sigma folded onto the ordinary one. */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ς/g, "σ");
}
