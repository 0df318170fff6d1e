import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";

import { kindLabel, statusLabel } from "@/lib/annotations/state";
import { reliabilityLabel } from "@/lib/comparisons/grades";
import { assessmentLines } from "@/lib/reports/layout/assessment";
import { historyLine } from "@/lib/reports/layout/audit-appendix";
import { scopeDescription } from "@/lib/reports/layout/cover";
import { reportMatrix } from "@/lib/reports/layout/matrix-page";
import { metaText, sourceHeader } from "@/lib/reports/layout/section";
import { formatDate, formatDateTime, isRtl } from "@/lib/reports/layout/text";
import { kindGroupTitle, kindOrder, type ReportAnnotation, type ReportData } from "@/lib/reports/types";

// The same report as an editable Word document (docx): headings, the summary
// table, each finding with its quotes in a two-column table, status labels,
// the sign-off block when signed and the audit appendix when present. Pure,
// so it runs in the report worker like the PDF.

const kindColor = { agreement: "047857", contradiction: "B91C1C", note: "1D4ED8" } as const;

function text(value: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun {
  return new TextRun({ text: value, ...options, rightToLeft: isRtl(value) || undefined });
}

function paragraph(
  value: string | ParagraphChild[],
  options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; style?: string } = {},
): Paragraph {
  const children = typeof value === "string" ? [text(value)] : value;
  const rtl = typeof value === "string" && isRtl(value);
  return new Paragraph({
    children,
    heading: options.heading,
    style: options.style,
    bidirectional: rtl || undefined,
    alignment: rtl ? AlignmentType.END : undefined,
  });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "CBD5E1" };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(children: Paragraph[], options: { header?: boolean; width?: number; span?: number } = {}): TableCell {
  return new TableCell({
    children,
    borders,
    columnSpan: options.span,
    width: options.width ? { size: options.width, type: WidthType.PERCENTAGE } : undefined,
    shading: options.header ? { type: ShadingType.CLEAR, color: "auto", fill: "F1F5F9" } : undefined,
  });
}

function table(rows: TableRow[]): Table {
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function keyValueTable(rows: Array<[string, string]>): Table {
  return table(
    rows.map(
      ([key, value]) =>
        new TableRow({
          children: [cell([paragraph([text(key, { bold: true })])], { header: true, width: 25 }), cell([paragraph(value)], { width: 75 })],
        }),
    ),
  );
}

function signoffBlock(data: ReportData): Array<Paragraph | Table> {
  const s = data.signoff;
  if (!s) return [];
  return [
    paragraph("Signed off", { heading: HeadingLevel.HEADING_2 }),
    keyValueTable([
      ["Signed off by", `${s.signedBy} (${s.role})`],
      ["Signed off on", formatDateTime(s.signedAt)],
      ["Statement", s.statement ?? "—"],
      ["Content fingerprint (SHA-256)", s.contentSha256],
    ]),
  ];
}

function summaryTable(data: ReportData): Table {
  const statuses =
    data.scope === "approved"
      ? (["approved"] as const)
      : (Object.keys(data.included.byStatus) as Array<keyof typeof data.included.byStatus>);
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell([paragraph([text("Count", { bold: true })])], { header: true }),
      cell([paragraph([text("Findings", { bold: true })])], { header: true }),
    ],
  });
  const rows = [
    ...kindOrder.map((kind) => [kindGroupTitle[kind], data.included.byKind[kind]] as const),
    ...statuses.map((status) => [`Status: ${statusLabel[status]}`, data.included.byStatus[status]] as const),
    ["Total", data.annotations.length] as const,
  ];
  return table([
    header,
    ...rows.map(([label, value]) => new TableRow({ children: [cell([paragraph(label)]), cell([paragraph(String(value))])] })),
  ]);
}

function matrixTable(data: ReportData): Table | null {
  const { matrix, numbers } = reportMatrix(data);
  if (matrix.rows.length === 0) return null;
  const symbol = { supports: "✓ supports", contradicts: "✗ contradicts", not_linked: "–" } as const;
  const header = new TableRow({
    tableHeader: true,
    children: ["#", "Claim", ...matrix.columns.map((c) => `${c.label}${c.reliability ? ` [${c.reliability}]` : ""}`)].map((h) =>
      cell([paragraph([text(h, { bold: true })])], { header: true }),
    ),
  });
  const rows = matrix.rows.map(
    (row) =>
      new TableRow({
        children: [
          cell([paragraph(String(numbers.get(row.annotationId)))]),
          cell([paragraph(`${kindLabel[row.kind]} · ${statusLabel[row.status].toLowerCase()}`)]),
          ...row.cells.map((c) => cell([paragraph(symbol[c.stance])])),
        ],
      }),
  );
  return table([header, ...rows]);
}

function quotesTable(data: ReportData, annotation: ReportAnnotation): Table {
  const panels = annotation.passages.map((passage) =>
    cell(
      [
        paragraph([text(sourceHeader(data.sources[passage.sourceIndex]!), { bold: true, size: 16, color: "475569" })]),
        ...passage.quotes.map((q) => paragraph(`“${q.trim()}”`)),
      ],
      { width: 50 },
    ),
  );
  const rows: TableRow[] = [];
  for (let i = 0; i < panels.length; i += 2) {
    const pair = panels.slice(i, i + 2);
    if (pair.length === 1 && panels.length > 1) pair.push(cell([paragraph("")], { width: 50 }));
    rows.push(new TableRow({ children: pair }));
  }
  return table(rows);
}

function finding(data: ReportData, annotation: ReportAnnotation, index: number): Array<Paragraph | Table> {
  const label =
    data.scope === "all" && annotation.status !== "approved"
      ? `${statusLabel[annotation.status]} – not approved`
      : statusLabel[annotation.status];
  return [
    paragraph([text(`${index} · ${kindLabel[annotation.kind]}`, { bold: true, color: kindColor[annotation.kind] })], {
      heading: HeadingLevel.HEADING_3,
    }),
    paragraph([text(`Status: ${label}`, { bold: true, color: annotation.status === "approved" ? "047857" : "B45309" })]),
    quotesTable(data, annotation),
    paragraph(annotation.rationale),
    ...metaText(annotation)
      .split("\n")
      .map((line) => paragraph([text(line, { color: "475569", size: 18 })])),
  ];
}

function auditAppendix(data: ReportData): Paragraph[] {
  if (!data.audit) return [];
  const byId = new Map(data.audit.findings.map((f) => [f.annotationId, f.entries]));
  const out: Paragraph[] = [paragraph("Appendix: audit trail", { heading: HeadingLevel.HEADING_2 })];
  data.annotations.forEach((annotation, i) => {
    out.push(paragraph(`${i + 1} · ${kindLabel[annotation.kind]}`, { heading: HeadingLevel.HEADING_3 }));
    for (const entry of byId.get(annotation.id) ?? []) {
      out.push(new Paragraph({ children: [text(historyLine(entry), { bold: true })], bullet: { level: 0 } }));
      for (const change of entry.changes) out.push(new Paragraph({ children: [text(change)], bullet: { level: 1 } }));
      if (entry.comment)
        out.push(new Paragraph({ children: [text(`Comment: “${entry.comment}”`, { italics: true })], bullet: { level: 1 } }));
    }
  });
  return out;
}

export function buildReportDocx(data: ReportData): Document {
  const body: Array<Paragraph | Table> = [
    paragraph(data.comparison.title, { heading: HeadingLevel.TITLE }),
    ...(data.comparison.question ? [paragraph([text(data.comparison.question, { italics: true, color: "475569" })])] : []),
    ...signoffBlock(data),
    keyValueTable([
      ["Scope", scopeDescription[data.scope]],
      ["Findings", String(data.annotations.length)],
      ["Generated", formatDateTime(data.generatedAt)],
      ["Generated by", data.generatedBy.email ? `${data.generatedBy.name} <${data.generatedBy.email}>` : data.generatedBy.name],
    ]),
    paragraph(`Sources (${data.sources.length})`, { heading: HeadingLevel.HEADING_2 }),
    ...data.sources.flatMap((s) => [
      paragraph([text(`${s.label} · ${s.title}`, { bold: true })]),
      paragraph(
        [
          s.outlet,
          s.author ? `by ${s.author}` : null,
          s.publishedAt ? `published ${formatDate(s.publishedAt)}` : "publication date unknown",
        ]
          .filter(Boolean)
          .join(" · "),
      ),
      paragraph(
        s.reliability
          ? `Reliability ${s.reliability}: ${reliabilityLabel[s.reliability].toLowerCase()}${s.reliabilityNote ? ` — ${s.reliabilityNote}` : ""}`
          : "Reliability not graded",
      ),
      ...(s.url ? [paragraph([text(s.url, { color: "4338CA" })])] : []),
    ]),
  ];
  const assessment = assessmentLines(data);
  if (assessment) {
    body.push(
      paragraph("Assessment", { heading: HeadingLevel.HEADING_2 }),
      paragraph([text(assessment.verdict, { bold: true })]),
      paragraph(data.assessment!.judgment),
      paragraph(assessment.support),
      paragraph(assessment.review),
    );
  }
  body.push(paragraph("Summary", { heading: HeadingLevel.HEADING_2 }), summaryTable(data));
  const matrix = matrixTable(data);
  if (matrix) body.push(paragraph("Evidence matrix", { heading: HeadingLevel.HEADING_2 }), matrix);
  let index = 0;
  for (const kind of kindOrder) {
    const group = data.annotations.filter((a) => a.kind === kind);
    if (group.length === 0) continue;
    body.push(paragraph(`${kindGroupTitle[kind]} (${group.length})`, { heading: HeadingLevel.HEADING_2 }));
    for (const annotation of group) body.push(...finding(data, annotation, ++index));
  }
  body.push(...auditAppendix(data));
  return new Document({
    creator: "Parallax",
    title: data.comparison.title,
    description: data.comparison.question ?? undefined,
    styles: { default: { document: { run: { font: "DejaVu Sans", size: 20 } } } },
    sections: [{ children: body }],
  });
}

export async function renderReportDocx(data: ReportData): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocx(data));
}
