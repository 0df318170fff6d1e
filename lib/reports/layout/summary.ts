import { annotationKinds, annotationStatuses } from "@/lib/annotations/schemas";
import { setStyle } from "@/lib/reports/layout/text";
import { colors, contentWidth, kindColor, margins, sizes, statusColor } from "@/lib/reports/layout/theme";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import type { ReportData } from "@/lib/reports/types";

type Doc = PDFKit.PDFDocument;

const rowHeight = 15;

/** Counts by kind and by status, and a bar chart of agreements against contradictions. */
export function drawSummary(doc: Doc, data: ReportData): void {
  const x = margins.left;
  doc.y += 22;
  setStyle(doc, "sansBold", sizes.h1, colors.text).text("Summary", x, doc.y);
  doc.y += 8;
  const top = doc.y;
  const { byKind, byStatus } = data.included;
  const statuses = data.scope === "approved" ? (["approved"] as const) : annotationStatuses;
  const kindRows = annotationKinds.map((kind) => ({ label: kindLabel[kind], value: byKind[kind], color: kindColor[kind] }));
  const statusRows = statuses.map((status) => ({ label: statusLabel[status], value: byStatus[status], color: statusColor[status] }));
  const total = data.annotations.length;
  const afterKinds = drawCountTable(doc, "By kind", [...kindRows, { label: "Total", value: total, color: colors.text }], x, top, 136);
  const afterStatuses = drawCountTable(doc, "By status", statusRows, x + 158, top, 136);
  const afterChart = drawBarChart(doc, byKind.agreement, byKind.contradiction, x + 316, top, contentWidth - 316);
  doc.y = Math.max(afterKinds, afterStatuses, afterChart) + 10;

  if (data.scope === "approved" && data.excludedCount > 0) {
    const noun = data.excludedCount === 1 ? "annotation is" : "annotations are";
    setStyle(doc, "sansOblique", sizes.small, colors.muted).text(
      `${data.excludedCount} further ${noun} not approved yet and not included in this report.`,
      x,
      doc.y,
      { width: contentWidth },
    );
  }
  if (total === 0) {
    doc.y += 6;
    setStyle(doc, "sans", sizes.body, colors.muted).text(
      data.scope === "approved" ? "No annotation of this comparison has been approved yet." : "This comparison has no annotations yet.",
      x,
      doc.y,
      { width: contentWidth },
    );
  }
}

type Row = { label: string; value: number; color: string };

function drawCountTable(doc: Doc, title: string, rows: Row[], x: number, y: number, width: number): number {
  setStyle(doc, "sansBold", sizes.tiny, colors.muted).text(title.toUpperCase(), x, y, { characterSpacing: 0.8, lineBreak: false });
  let rowY = y + 14;
  for (const row of rows) {
    doc.circle(x + 3, rowY + 5, 2.5).fill(row.color);
    setStyle(doc, row.label === "Total" ? "sansBold" : "sans", sizes.small + 0.5, colors.text).text(row.label, x + 11, rowY, {
      lineBreak: false,
    });
    doc.text(String(row.value), x, rowY, { width, align: "right", lineBreak: false });
    doc
      .moveTo(x, rowY + rowHeight - 3)
      .lineTo(x + width, rowY + rowHeight - 3)
      .lineWidth(0.4)
      .strokeColor(colors.rule)
      .stroke();
    rowY += rowHeight;
  }
  return rowY;
}

/** Vector bars scaled to the larger count, so the balance reads at a glance. */
function drawBarChart(doc: Doc, agreements: number, contradictions: number, x: number, y: number, width: number): number {
  setStyle(doc, "sansBold", sizes.tiny, colors.muted).text("AGREEMENTS VS CONTRADICTIONS", x, y, {
    characterSpacing: 0.8,
    lineBreak: false,
  });
  const labelWidth = 62;
  const numberWidth = 26;
  const barMax = width - labelWidth - numberWidth;
  const max = Math.max(agreements, contradictions, 1);
  const bars = [
    { label: "Agreements", value: agreements, color: kindColor.agreement },
    { label: "Contradictions", value: contradictions, color: kindColor.contradiction },
  ];
  let barY = y + 16;
  for (const bar of bars) {
    setStyle(doc, "sans", sizes.tiny, colors.muted).text(bar.label, x, barY + 2, { lineBreak: false });
    doc.rect(x + labelWidth, barY, barMax, 12).fill(colors.panel);
    if (bar.value > 0) doc.rect(x + labelWidth, barY, Math.max(2, (bar.value / max) * barMax), 12).fill(bar.color);
    setStyle(doc, "sansBold", sizes.small, colors.text).text(String(bar.value), x + labelWidth + barMax + 4, barY + 1.5, {
      lineBreak: false,
    });
    barY += 20;
  }
  doc
    .moveTo(x + labelWidth, y + 12)
    .lineTo(x + labelWidth, barY - 6)
    .lineWidth(0.6)
    .strokeColor(colors.faint)
    .stroke();
  return barY;
}
