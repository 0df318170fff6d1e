import { emojiFontOf, emojiRuns, hasEmoji } from "@/lib/reports/layout/emoji";
import { measureSimple } from "@/lib/reports/layout/fast-text";
import { isRtl } from "@/lib/reports/layout/text";

// Our own greedy line breaking for left-to-right text. pdfkit's wrapper runs
// a full Unicode line-break pass on every heightOfString and again on every
// text() call; measuring once and drawing the same lines halves the work of
// a 1,000-section report. Right-to-left text and words wider than the column
// return null, and the caller lets pdfkit handle them.

type Doc = PDFKit.PDFDocument;

export type WrappedText = { lines: string[]; widths: number[]; lineHeight: number; height: number };

// Word widths per font and size: quotes and rationales repeat words a lot,
// and pdfkit re-sums glyph advances on every widthOfString call.
const wordWidths = new WeakMap<Doc, Map<string, Map<string, number>>>();

function widthMeter(doc: Doc, styleKey: string): (word: string) => number {
  let byStyle = wordWidths.get(doc);
  if (!byStyle) wordWidths.set(doc, (byStyle = new Map()));
  let widths = byStyle.get(styleKey);
  if (!widths) byStyle.set(styleKey, (widths = new Map()));
  const cache = widths;
  return (word) => {
    let width = cache.get(word);
    if (width === undefined) {
      width = hasEmoji(word) ? emojiWordWidth(doc, word) : (measureSimple(doc, word) ?? doc.widthOfString(word));
      cache.set(word, width);
    }
    return width;
  };
}

/** Width of a word with emoji: its text runs in the current font, its emoji runs in Noto Emoji. */
function emojiWordWidth(doc: Doc, word: string): number {
  const size = (doc as Doc & { _fontSize: number })._fontSize;
  return emojiRuns(word).reduce((sum, run, i) => {
    if (!run) return sum;
    return sum + (i % 2 === 1 ? emojiFontOf(doc).widthOfString(run, size) : (measureSimple(doc, run) ?? doc.widthOfString(run)));
  }, 0);
}

/** `styleKey` names the current font and size (widths are cached under it). */
export function wrapText(doc: Doc, text: string, width: number, lineGap: number, styleKey: string): WrappedText | null {
  if (isRtl(text)) return null;
  const widthOf = widthMeter(doc, styleKey);
  const spaceWidth = widthOf(" ");
  const lines: string[] = [];
  const widths: number[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(/[ \t]+/)) {
      if (!word) continue;
      const wordWidth = widthOf(word);
      if (wordWidth > width) return null;
      if (line && lineWidth + spaceWidth + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += spaceWidth + wordWidth;
      } else {
        if (line) {
          lines.push(line);
          widths.push(lineWidth);
        }
        line = word;
        lineWidth = wordWidth;
      }
    }
    lines.push(line);
    widths.push(lineWidth);
  }
  const lineHeight = doc.currentLineHeight(true) + lineGap;
  return { lines, widths, lineHeight, height: lines.length * lineHeight };
}

type FragmentDoc = Doc & { _fragment?: (text: string, x: number, y: number, options: { textWidth: number }) => void };

/**
 * One pre-wrapped line at (x, y) in the current style. doc.text() would lay
 * the line out twice more just to measure it again; pdfkit's own per-line
 * primitive (what its wrapper calls, given the known width) skips that.
 */
export function drawLine(doc: Doc, line: string, width: number, x: number, y: number): void {
  const fragment = (doc as FragmentDoc)._fragment;
  if (typeof fragment === "function") fragment.call(doc, line, x, y, { textWidth: width });
  else doc.text(line, x, y, { lineBreak: false });
}
