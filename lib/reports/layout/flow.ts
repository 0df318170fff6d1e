import { drawBlock, flowBlock, measureBlock, type Block, type TextStyle } from "@/lib/reports/layout/block";
import type { Output } from "@/lib/reports/layout/output";
import { colors, contentBottom, contentWidth, freshPageHeight, margins, sizes } from "@/lib/reports/layout/theme";

// Small placement helpers shared by the cover, the assessment, the matrix and
// the appendix: everything goes through Output, so the dry pass counts the
// same pages the real pass paints.

type Doc = PDFKit.PDFDocument;

export const headingStyle: TextStyle = { font: "sansBold", size: sizes.h1, color: colors.text };
export const bodyStyle: TextStyle = { font: "sans", size: sizes.body, color: colors.text, lineGap: 1.5 };
export const smallStyle: TextStyle = { font: "sans", size: sizes.small, color: colors.muted, lineGap: 1 };

/** Starts a new page unless `height` fits below out.y (a taller block starts on a fresh page anyway). */
export function keepTogether(out: Output, height: number): void {
  if (out.y + height > contentBottom && (height <= freshPageHeight || out.y > margins.top + freshPageHeight / 3)) out.addPage();
}

/** A part heading (H2) kept with at least `keepWith` points of what follows. */
export function placePartHeading(out: Output, doc: Doc, title: string, keepWith = 60): void {
  const block = measureBlock(doc, title, headingStyle, contentWidth);
  keepTogether(out, block.height + keepWith);
  flowBlock(out, block, margins.left, "H2");
  out.y += 8;
}

export function placeText(out: Output, doc: Doc, text: string, style: TextStyle = bodyStyle, type = "P", gap = 4): void {
  const block = measureBlock(doc, text, style, contentWidth);
  flowBlock(out, block, margins.left, type);
  out.y += gap;
}

/** Draws a measured block at (x, y) as one structure leaf. */
export function paintBlock(out: Output, block: Block, x: number, y: number, type = "P"): void {
  out.leaf(type, (d) => drawBlock(d, block, x, y));
}
