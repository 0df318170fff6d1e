import type { ReportFont } from "@/lib/reports/fonts";
import { splitBlocks } from "@/lib/reports/layout/fit";
import type { Output } from "@/lib/reports/layout/output";
import { setStyle, textOptions } from "@/lib/reports/layout/text";
import { contentBottom, freshPageHeight } from "@/lib/reports/layout/theme";
import { drawLinesFast } from "@/lib/reports/layout/fast-text";
import { drawLine, wrapText, type WrappedText } from "@/lib/reports/layout/wrap";

// A piece of text measured once at a fixed width and style, then drawn
// without measuring again.

type Doc = PDFKit.PDFDocument;

export type TextStyle = { font: ReportFont; size: number; color: string; lineGap?: number };

export type Block = { text: string; style: TextStyle; width: number; height: number; wrapped: WrappedText | null };

export function measureBlock(doc: Doc, text: string, style: TextStyle, width: number): Block {
  setStyle(doc, style.font, style.size, style.color);
  const wrapped = wrapText(doc, text, width, style.lineGap ?? 0, `${style.font}/${style.size}`);
  const height = wrapped ? wrapped.height : doc.heightOfString(text, textOptions(text, { width, lineGap: style.lineGap }));
  return { text, style, width, height, wrapped };
}

/** Draws the block at (x, y); the caller has made sure it fits the page. */
export function drawBlock(doc: Doc, block: Block, x: number, y: number): void {
  setStyle(doc, block.style.font, block.style.size, block.style.color);
  if (!block.wrapped) {
    doc.text(block.text, x, y, textOptions(block.text, { width: block.width, lineGap: block.style.lineGap }));
    return;
  }
  drawWrapped(doc, block.wrapped, 0, block.wrapped.lines.length, x, y);
}

function drawWrapped(doc: Doc, wrapped: WrappedText, from: number, to: number, x: number, y: number): void {
  const { lines, widths, lineHeight } = wrapped;
  if (drawLinesFast(doc, lines.slice(from, to), x, y, lineHeight)) return;
  for (let i = from; i < to; i++) {
    if (lines[i]) drawLine(doc, lines[i]!, widths[i]!, x, y + (i - from) * lineHeight);
  }
}

/**
 * Places the block at out.y as one structure element (`type`, a paragraph
 * unless said otherwise), continuing on new pages; leaves out.y below it.
 */
export function flowBlock(out: Output, block: Block, x: number, type = "P"): void {
  out.begin(type);
  placeLines(out, block, x);
  out.end();
}

function placeLines(out: Output, block: Block, x: number): void {
  if (block.wrapped) {
    const wrapped = block.wrapped;
    const { lines, lineHeight } = wrapped;
    // Lines go out page by page, one text object per page.
    let from = 0;
    while (from < lines.length) {
      if (out.y + lineHeight > contentBottom) out.addPage();
      const fit = Math.max(1, Math.floor((contentBottom - out.y) / lineHeight));
      const to = Math.min(lines.length, from + fit);
      const [start, y] = [from, out.y];
      out.paintAs((doc) => {
        setStyle(doc, block.style.font, block.style.size, block.style.color);
        drawWrapped(doc, wrapped, start, to, x, y);
      });
      out.y += (to - from) * lineHeight;
      from = to;
    }
    return;
  }
  // Text pdfkit wraps itself (right-to-left): move whole if it fits a page, else split by words.
  let rest: Block | null = block;
  while (rest) {
    const room = contentBottom - out.y;
    if (rest.height > room && rest.height <= freshPageHeight) out.addPage();
    const current: Block = rest;
    if (current.height <= contentBottom - out.y) {
      const y = out.y;
      out.paintAs((doc) => drawBlock(doc, current, x, y));
      out.y += current.height;
      return;
    }
    const measure = (text: string) => measureBlock(out.doc, text, current.style, current.width).height;
    const { head, tail } = splitBlocks([current.text], contentBottom - out.y, 0, measure);
    if (head[0]) {
      const part = measureBlock(out.doc, head[0], current.style, current.width);
      const y = out.y;
      out.paintAs((doc) => drawBlock(doc, part, x, y));
    }
    out.addPage();
    rest = tail[0] ? measureBlock(out.doc, tail[0], current.style, current.width) : null;
  }
}
