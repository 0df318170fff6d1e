// No "server-only" here: the report worker thread loads this module too.
import { existsSync } from "node:fs";
import path from "node:path";

// DejaVu ships through npm (dejavu-fonts-ttf) and covers Latin, Greek,
// Cyrillic, Arabic and Hebrew. pdfkit's built-in Helvetica covers none of
// that, so every piece of text uses one of these fonts instead.

export const reportFonts = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  sansOblique: "DejaVuSans-Oblique.ttf",
  serif: "DejaVuSerif.ttf",
} as const;

export type ReportFont = keyof typeof reportFonts;

let fontDir: string | undefined;
const paths = new Map<ReportFont, string>();

/**
 * Looked up from the working directory rather than through the bundler, so
 * it works the same under tsx, Vitest and `next start` (which runs from the
 * project root with node_modules beside it).
 */
export function findFontDir(start = process.cwd()): string {
  if (fontDir) return fontDir;
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "dejavu-fonts-ttf", "ttf");
    if (existsSync(path.join(candidate, reportFonts.sans))) return (fontDir = candidate);
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`dejavu-fonts-ttf not found in node_modules above ${start}; run npm ci`);
}

/**
 * Fonts are always selected by file path: pdfkit caches a font under the
 * string it was selected with, so one key per font means each file is
 * parsed once per document (a registered alias of the default font would
 * be re-parsed on every switch).
 */
export function fontPath(font: ReportFont): string {
  let found = paths.get(font);
  if (!found) {
    found = path.join(findFontDir(), reportFonts[font]);
    paths.set(font, found);
  }
  return found;
}

let emojiFont: string | undefined;

/**
 * Noto Emoji (monochrome outlines, from npm): DejaVu has no emoji, and a
 * colour bitmap font cannot be embedded as text. Words with emoji are set in
 * DejaVu with their emoji runs in this font (layout/emoji.ts).
 */
export function emojiFontPath(start = process.cwd()): string {
  if (emojiFont) return emojiFont;
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "@expo-google-fonts", "noto-emoji", "400Regular", "NotoEmoji_400Regular.ttf");
    if (existsSync(candidate)) return (emojiFont = candidate);
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`@expo-google-fonts/noto-emoji not found in node_modules above ${start}; run npm ci`);
}
