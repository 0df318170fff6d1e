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

// The quoted passages of each linked source in shaded panels, two side by side
// per row (a note's single passage takes a row of its own).

type Doc = PDFKit.PDFDocument;

export type Column = { label: string; blocks: Block[] };

const labelHeight = 11;
const quoteGap = 6;

export function measureQuote(doc: Doc, text: string): Block {
  return measureBlock(doc, text, { font: quoteFont(text), size: sizes.quote, color: colors.text, lineGap: 1.5 }, quoteWidth);
}

function rowsOf(columns: Column[]): Array<[Column, Column | null]> {
  const rows: Array<[Column, Column | null]> = [];
  for (let i = 0; i < columns.length; i += 2) rows.push([columns[i]!, columns[i + 1] ?? null]);
  return rows;
}

const rowGap = 6;

export function columnsHeight(columns: Column[]): number {
  return rowsOf(columns).reduce(
    (sum, [a, b], i) => sum + (i > 0 ? rowGap : 0) + panelHeight(Math.max(columnHeight(a), b ? columnHeight(b) : 0)),
    0,
  );
}

function columnHeight(column: Column): number {
  const { blocks } = column;
  return blocks.length === 0 ? labelHeight : blocks.reduce((sum, block) => sum + block.height, 0) + quoteGap * (blocks.length - 1);
}

function panelHeight(contentHeight: number): number {
  return panelPadding * 2 + labelHeight + 3 + contentHeight;
}

/** The columns two a row; passages longer than a page continue on the next one. */
export function placeColumns(out: Output, kind: AnnotationKind, columns: Column[]): void {
  rowsOf(columns).forEach(([a, b], i) => {
    if (i > 0) out.y += rowGap;
    placeRow(out, kind, a, b);
  });
}

function placeRow(out: Output, kind: AnnotationKind, a: Column, b: Column | null): void {
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
    const sb = right ? split(right) : null;
    const y = out.y;
    const height = panelHeight(Math.max(columnHeight(sa.now), sb ? columnHeight(sb.now) : 0));
    out.paint((doc) => drawPanels(doc, kind, sb ? [sa.now, sb.now] : [sa.now], y, height, part > 0));
    out.y = y + height;
    if (!sa.later && !sb?.later) return;
    out.addPage();
    left = sa.later ?? { label: continued(left.label), blocks: [] };
    right = right ? (sb?.later ?? { label: continued(right.label), blocks: [] }) : null;
  }
}

function continued(label: string): string {
  return label.includes(" · continued · ") ? label : label.replace(" · ", " · continued · ");
}

function drawPanels(doc: Doc, kind: AnnotationKind, columns: Column[], y: number, height: number, isContinuation: boolean): void {
  columns.forEach((col, i) => {
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
