import type { AnnotationKind } from "@/lib/annotations/schemas";
import { drawBlock, measureBlock, type Block } from "@/lib/reports/layout/block";
import { splitBlocks } from "@/lib/reports/layout/fit";
import type { Output } from "@/lib/reports/layout/output";
import { fitLine, quoteFont, setStyle } from "@/lib/reports/layout/text";
import {
  colors,
  columnGap,
  columnWidth,
  contentBottom,
  kindColor,
  margins,
  panelPadding,
  quoteWidth,
  sizes,
} from "@/lib/reports/layout/theme";

// The quoted passages of both sources in two shaded panels side by side.

type Doc = PDFKit.PDFDocument;

export type Column = { label: string; blocks: Block[] };

const labelHeight = 11;
const quoteGap = 6;

export function measureQuote(doc: Doc, text: string): Block {
  return measureBlock(doc, text, { font: quoteFont(text), size: sizes.quote, color: colors.text, lineGap: 1.5 }, quoteWidth);
}

export function columnsHeight(a: Column, b: Column): number {
  return panelHeight(Math.max(columnHeight(a), columnHeight(b)));
}

function columnHeight(column: Column): number {
  const { blocks } = column;
  return blocks.length === 0 ? labelHeight : blocks.reduce((sum, block) => sum + block.height, 0) + quoteGap * (blocks.length - 1);
}

function panelHeight(contentHeight: number): number {
  return panelPadding * 2 + labelHeight + 3 + contentHeight;
}

/** Both columns side by side; passages longer than a page continue on the next one. */
export function placeColumns(out: Output, kind: AnnotationKind, a: Column, b: Column): void {
  const measure = (text: string) => measureQuote(out.doc, text).height;
  let left = a;
  let right = b;
  for (let part = 0; ; part++) {
    const room = contentBottom - out.y - panelHeight(0);
    const split = (col: Column): { now: Column; later: Column | null } => {
      if (columnHeight(col) <= room) return { now: col, later: null };
      const { head, tail } = splitBlocks(
        col.blocks.map((block) => block.text),
        room,
        quoteGap,
        measure,
      );
      const blocks = (texts: string[]) =>
        texts.map((text) => col.blocks.find((block) => block.text === text) ?? measureQuote(out.doc, text));
      return {
        now: { label: col.label, blocks: blocks(head) },
        later: tail.length ? { label: continued(col.label), blocks: blocks(tail) } : null,
      };
    };
    const sa = split(left);
    const sb = split(right);
    const y = out.y;
    const height = panelHeight(Math.max(columnHeight(sa.now), columnHeight(sb.now)));
    out.paint((doc) => drawPanels(doc, kind, sa.now, sb.now, y, height, part > 0));
    out.y = y + height;
    if (!sa.later && !sb.later) return;
    out.addPage();
    left = sa.later ?? { label: continued(left.label), blocks: [] };
    right = sb.later ?? { label: continued(right.label), blocks: [] };
  }
}

function continued(label: string): string {
  return label.includes(" · continued · ") ? label : label.replace(" · ", " · continued · ");
}

function drawPanels(doc: Doc, kind: AnnotationKind, a: Column, b: Column, y: number, height: number, isContinuation: boolean): void {
  [a, b].forEach((col, i) => {
    const x = margins.left + i * (columnWidth + columnGap);
    if (isContinuation && col.blocks.length === 0) return;
    doc.rect(x, y, columnWidth, height).fill(colors.panel);
    doc.rect(x, y, 3, height).fill(kindColor[kind]);
    const innerX = x + 3 + panelPadding;
    setStyle(doc, "sansBold", sizes.tiny, colors.muted).text(fitLine(doc, col.label, quoteWidth, "label"), innerX, y + panelPadding, {
      lineBreak: false,
    });
    let qy = y + panelPadding + labelHeight + 3;
    if (col.blocks.length === 0) {
      setStyle(doc, "sansOblique", sizes.small, colors.faint).text("No passage quoted from this source.", innerX, qy, { lineBreak: false });
      return;
    }
    for (const block of col.blocks) {
      drawBlock(doc, block, innerX, qy);
      qy += block.height + quoteGap;
    }
  });
}
