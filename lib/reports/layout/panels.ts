import type { AnnotationKind } from "@/lib/annotations/schemas";
import { drawBlock, measureBlock, type Block } from "@/lib/reports/layout/block";
import { splitBlocks } from "@/lib/reports/layout/fit";
import type { OpenElement, Output } from "@/lib/reports/layout/output";
import { quoteFont, setStyle } from "@/lib/reports/layout/text";
import {
  colors,
  columnGap,
  columnWidth,
  contentBottom,
  contentWidth,
  kindColor,
  margins,
  panelPadding,
  sizes,
} from "@/lib/reports/layout/theme";

// The quoted passages of each linked source in shaded panels, two side by side
// per row; a panel alone on its row (a note's single passage, the last of an
// odd number) takes the full width. Labels wrap rather than being cut. In the
// structure tree each panel is one element (label, then its quotes), so a
// screen reader reads panel A entirely before panel B.

type Doc = PDFKit.PDFDocument;

export type Column = { label: Block; blocks: Block[]; width: number };

const quoteGap = 6;
const rowGap = 6;
/** Shading, the kind bar and padding take this much of a panel's width. */
const panelInset = panelPadding * 2 + 3;

export function panelWidths(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (count % 2 === 1 && i === count - 1 ? contentWidth : columnWidth));
}

export function measureQuote(doc: Doc, text: string, panelWidth: number): Block {
  return measureBlock(doc, text, { font: quoteFont(text), size: sizes.quote, color: colors.text, lineGap: 1.5 }, panelWidth - panelInset);
}

export function measureLabel(doc: Doc, text: string, panelWidth: number): Block {
  return measureBlock(doc, text, { font: "sansBold", size: sizes.tiny, color: colors.muted, lineGap: 1 }, panelWidth - panelInset);
}

function rowsOf(columns: Column[]): Column[][] {
  const rows: Column[][] = [];
  for (let i = 0; i < columns.length; i += 2)
    rows.push(columns[i + 1] && columns[i]!.width !== contentWidth ? [columns[i]!, columns[i + 1]!] : [columns[i]!]);
  return rows;
}

export function columnsHeight(columns: Column[]): number {
  return rowsOf(columns).reduce((sum, row, i) => sum + (i > 0 ? rowGap : 0) + rowHeight(row), 0);
}

function contentHeight(blocks: Block[]): number {
  return blocks.reduce((sum, block) => sum + block.height, 0) + quoteGap * Math.max(0, blocks.length - 1);
}

function panelHeight(column: Column, blocks = column.blocks): number {
  return panelPadding * 2 + column.label.height + 3 + contentHeight(blocks);
}

function rowHeight(row: Column[], parts?: Block[][]): number {
  return Math.max(...row.map((column, i) => panelHeight(column, parts ? parts[i] : column.blocks)));
}

/** The panels, row by row; passages longer than the rest of a page continue on the next one. */
export function placeColumns(out: Output, kind: AnnotationKind, columns: Column[]): void {
  rowsOf(columns).forEach((row, i) => {
    if (i > 0) out.y += rowGap;
    placeRow(out, kind, row);
  });
}

function placeRow(out: Output, kind: AnnotationKind, row: Column[]): void {
  const elements = row.map(() => out.open("Div"));
  let pending = row.map((column) => column.blocks);
  for (let part = 0; ; part++) {
    const parts: Block[][] = [];
    const later: Block[][] = [];
    row.forEach((column, i) => {
      const room = contentBottom - out.y - panelHeight(column, []);
      const blocks = pending[i]!;
      if (contentHeight(blocks) <= room) {
        parts.push(blocks);
        later.push([]);
        return;
      }
      const measure = (text: string) => measureQuote(out.doc, text, column.width).height;
      const { head, tail } = splitBlocks(
        blocks.map((block) => block.text),
        room,
        quoteGap,
        measure,
      );
      const reuse = (texts: string[]) =>
        texts.map((text) => blocks.find((block) => block.text === text) ?? measureQuote(out.doc, text, column.width));
      parts.push(reuse(head));
      later.push(reuse(tail));
    });
    const y = out.y;
    const height = rowHeight(row, parts);
    drawRow(out, kind, row, parts, elements, y, height, part > 0);
    out.y = y + height;
    if (later.every((blocks) => blocks.length === 0)) break;
    out.addPage();
    pending = later;
  }
  elements.forEach((element) => out.close(element));
}

function drawRow(
  out: Output,
  kind: AnnotationKind,
  row: Column[],
  parts: Block[][],
  elements: Array<OpenElement | null>,
  y: number,
  height: number,
  isContinuation: boolean,
): void {
  row.forEach((column, i) => {
    const blocks = parts[i]!;
    if (isContinuation && blocks.length === 0) return;
    const x = margins.left + i * (columnWidth + columnGap);
    out.artifact((doc) => {
      doc.rect(x, y, column.width, height).fill(colors.panel);
      doc.rect(x, y, 3, height).fill(kindColor[kind]);
    });
    const innerX = x + 3 + panelPadding;
    out.within(elements[i]!, () => {
      // A continued panel repeats its label as decoration: it was read already.
      if (isContinuation) out.artifact((doc) => drawBlock(doc, column.label, innerX, y + panelPadding));
      else out.leaf("P", (doc) => drawBlock(doc, column.label, innerX, y + panelPadding));
      let qy = y + panelPadding + column.label.height + 3;
      if (blocks.length === 0) {
        out.leaf("P", (doc) =>
          setStyle(doc, "sansOblique", sizes.small, colors.faint).text("No passage quoted from this source.", innerX, qy, {
            lineBreak: false,
          }),
        );
        return;
      }
      for (const block of blocks) {
        const top = qy;
        out.leaf("BlockQuote", (doc) => drawBlock(doc, block, innerX, top));
        qy += block.height + quoteGap;
      }
    });
  });
}
