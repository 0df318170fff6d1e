import { emojiFontPath } from "@/lib/reports/fonts";

// Emoji inside otherwise plain text: a word is split into runs, emoji runs
// (pictographs with their modifiers, joiners, variation selectors, flags and
// keycaps) set in Noto Emoji, the rest in the current font. Measured and
// drawn by the same runs, so wrapping stays exact.

type Doc = PDFKit.PDFDocument;

export type EmojiFont = {
  id: string;
  encode(text: string): [string[], unknown[]];
  widthOfString(text: string, size: number): number;
  ref(): unknown;
};

const emojiChar = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u200D\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u;
const emojiRun = /([\p{Extended_Pictographic}\p{Regional_Indicator}\u200D\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]+)/u;

export function hasEmoji(text: string): boolean {
  return emojiChar.test(text);
}

/** Alternating runs: even indexes plain text, odd indexes emoji (empty strings dropped by callers). */
export function emojiRuns(word: string): string[] {
  return word.split(emojiRun);
}

const emojiFonts = new WeakMap<Doc, EmojiFont>();

/** The document's Noto Emoji font object, loaded once, without changing the current font. */
export function emojiFontOf(doc: Doc): EmojiFont {
  let font = emojiFonts.get(doc);
  if (!font) {
    const internal = doc as Doc & { _font: unknown };
    const saved = internal._font;
    doc.font(emojiFontPath());
    font = internal._font as EmojiFont;
    internal._font = saved;
    emojiFonts.set(doc, font);
  }
  return font;
}
