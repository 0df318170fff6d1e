import { deriveMatrix, type EvidenceMatrix, type MatrixAnnotation, type MatrixColumn, type Stance } from "@/lib/comparisons/matrix";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import { drawLinesFast } from "@/lib/reports/layout/fast-text";
import { placePartHeading, placeText, smallStyle } from "@/lib/reports/layout/flow";
import type { Output } from "@/lib/reports/layout/output";
import { setStyle } from "@/lib/reports/layout/text";
import { colors, contentBottom, contentWidth, kindColor, margins, sizes } from "@/lib/reports/layout/theme";
import type { ReportData } from "@/lib/reports/types";

// The evidence matrix as a table: one row per claim (agreement or
// contradiction, numbered as in the findings), one column per source with a
// symbol that reads without colour. Past six sources the columns are split
// into groups of six, each a table of its own, with the claim columns
// repeated; the header row is repeated (as decoration) on every page.

type Doc = PDFKit.PDFDocument;

export const MATRIX_GROUP_SIZE = 6;
const rowHeight = 13;
const numberWidth = 28;
const claimWidth = 118;
const credibilityWidth = 34;
const symbol: Record<Stance, string> = { supports: "✓", contradicts: "✗", not_linked: "–" };

export function reportMatrix(data: ReportData): { matrix: EvidenceMatrix; numbers: Map<string, number> } {
  const sources = data.sources.map((s) => ({ id: s.id, title: s.title, outlet: s.outlet, label: s.label, reliability: s.reliability }));
  const numbers = new Map(data.annotations.map((a, i) => [a.id, i + 1]));
  const annotations: MatrixAnnotation[] = data.annotations.map((a) => {
    // The claim's own source first: deriveMatrix reads the first span as the side that states it.
    const order = a.passages
      .map((p) => p.sourceIndex)
      .sort((x, y) => (x === a.claimSourceIndex ? -1 : y === a.claimSourceIndex ? 1 : x - y));
    const spans = order.flatMap((index) =>
      a.passages.find((p) => p.sourceIndex === index)!.quotes.map((exact) => ({ sourceId: data.sources[index]!.id, exact })),
    );
    return {
      id: a.id,
      kind: a.kind,
      status: a.status,
      rationale: a.rationale,
      tags: a.tags,
      credibility: a.credibility,
      author: { id: "", name: a.author },
      spans,
    };
  });
  return { matrix: deriveMatrix(sources, annotations), numbers };
}

function cell(
  out: Output,
  text: string,
  x: number,
  y: number,
  width: number,
  type: "TD" | "TH",
  bold = false,
  scope: "Row" | "Column" = "Column",
): void {
  out.leaf(
    type,
    (doc) => {
      setStyle(doc, bold ? "sansBold" : "sans", sizes.small, colors.text);
      if (!drawLinesFast(doc, [text], x, y + 2, rowHeight)) doc.text(text, x, y + 2, { width, lineBreak: false });
    },
    type === "TH" ? { scope } : undefined,
  );
}

function columnHeader(column: MatrixColumn): string {
  return `${column.label}${column.reliability ? ` [${column.reliability}]` : ""}`;
}

export function placeMatrix(out: Output, doc: Doc, data: ReportData): void {
  const { matrix, numbers } = reportMatrix(data);
  placePartHeading(out, doc, "Evidence matrix", 60);
  placeText(
    out,
    doc,
    "One row per claim (agreements and contradictions, numbered as in the findings), one column per source: ✓ states or supports the claim, ✗ contradicts it, – not linked. Source reliability (A–F) is in brackets after each source; Cred. is the claim's information credibility (1–6).",
    smallStyle,
  );
  if (matrix.rows.length === 0) {
    placeText(out, doc, "No agreement or contradiction is in this report.", smallStyle);
    return;
  }
  const groups: number[][] = [];
  for (let i = 0; i < matrix.columns.length; i += MATRIX_GROUP_SIZE) {
    groups.push(Array.from({ length: Math.min(MATRIX_GROUP_SIZE, matrix.columns.length - i) }, (_, j) => i + j));
  }
  groups.forEach((group, g) => {
    if (groups.length > 1) {
      const first = matrix.columns[group[0]!]!.label;
      const last = matrix.columns[group.at(-1)!]!.label;
      placeText(
        out,
        doc,
        `Sources ${first} to ${last} (part ${g + 1} of ${groups.length})`,
        { font: "sansBold", size: sizes.small, color: colors.text },
        "P",
        2,
      );
    }
    placeTable(out, matrix, numbers, group);
    out.y += 12;
  });
}

function placeTable(out: Output, matrix: EvidenceMatrix, numbers: Map<string, number>, group: number[]): void {
  const sourceWidth = (contentWidth - numberWidth - claimWidth - credibilityWidth) / group.length;
  const xs = { number: margins.left, claim: margins.left + numberWidth, cred: margins.left + numberWidth + claimWidth };
  const sourceX = (i: number) => xs.cred + credibilityWidth + i * sourceWidth;
  const headers = ["#", "Claim", "Cred.", ...group.map((index) => columnHeader(matrix.columns[index]!))];
  const headerXs = [xs.number, xs.claim, xs.cred, ...group.map((_, i) => sourceX(i))];

  const drawHeader = (asArtifact: boolean) => {
    if (out.y + rowHeight * 2 > contentBottom) out.addPage();
    const y = out.y;
    if (asArtifact) {
      out.artifact((doc) => {
        setStyle(doc, "sansBold", sizes.small, colors.text);
        headers.forEach(
          (text, i) =>
            drawLinesFast(doc, [text], headerXs[i]!, y + 2, rowHeight) || doc.text(text, headerXs[i]!, y + 2, { lineBreak: false }),
        );
      });
    } else {
      out.begin("TR");
      headers.forEach((text, i) => cell(out, text, headerXs[i]!, y, sourceWidth, "TH", true));
      out.end();
    }
    out.artifact((doc) =>
      doc
        .moveTo(margins.left, y + rowHeight + 1)
        .lineTo(margins.left + contentWidth, y + rowHeight + 1)
        .lineWidth(0.8)
        .strokeColor(colors.muted)
        .stroke(),
    );
    out.y = y + rowHeight + 3;
  };

  out.begin("Table");
  drawHeader(false);
  matrix.rows.forEach((row, r) => {
    if (out.y + rowHeight > contentBottom) {
      out.addPage();
      drawHeader(true);
    }
    const y = out.y;
    if (r % 2 === 1) out.artifact((doc) => doc.rect(margins.left, y, contentWidth, rowHeight).fill(colors.panel));
    out.artifact((doc) => doc.rect(xs.claim - 4, y + 2, 2, rowHeight - 4).fill(kindColor[row.kind]));
    out.begin("TR");
    cell(out, String(numbers.get(row.annotationId) ?? ""), xs.number, y, numberWidth, "TD");
    cell(out, `${kindLabel[row.kind]} · ${statusLabel[row.status].toLowerCase()}`, xs.claim, y, claimWidth, "TD");
    cell(out, row.credibility ? String(row.credibility) : "–", xs.cred, y, credibilityWidth, "TD");
    group.forEach((index, i) => cell(out, symbol[row.cells[index]!.stance], sourceX(i), y, sourceWidth, "TD"));
    out.end();
    out.y = y + rowHeight;
  });
  for (const [label, pick] of [
    ["Supports", (c: MatrixColumn) => c.supports],
    ["Contradicted", (c: MatrixColumn) => c.contradicted],
  ] as const) {
    if (out.y + rowHeight > contentBottom) out.addPage();
    const y = out.y;
    out.begin("TR");
    cell(out, label, xs.number, y, numberWidth + claimWidth + credibilityWidth, "TH", true, "Row");
    group.forEach((index, i) => cell(out, String(pick(matrix.columns[index]!)), sourceX(i), y, sourceWidth, "TD"));
    out.end();
    out.y = y + rowHeight;
  }
  out.end();
}
