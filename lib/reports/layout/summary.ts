import { annotationKinds, annotationStatuses } from "@/lib/annotations/schemas";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import { keepTogether, placePartHeading, placeText, smallStyle } from "@/lib/reports/layout/flow";
import type { Output } from "@/lib/reports/layout/output";
import { setStyle } from "@/lib/reports/layout/text";
import { colors, contentWidth, kindColor, margins, sizes, statusColor } from "@/lib/reports/layout/theme";
import type { ReportData } from "@/lib/reports/types";

// Counts by kind and by status (two small tables), and a bar chart of
// agreements against contradictions, tagged as a figure with its numbers as
// alternative text.

type Doc = PDFKit.PDFDocument;

const rowHeight = 15;

export function placeSummary(out: Output, doc: Doc, data: ReportData): void {
  const x = margins.left;
  out.y += 10;
  const { byKind, byStatus } = data.included;
  const statuses = data.scope === "approved" ? (["approved"] as const) : annotationStatuses;
  const kindRows = annotationKinds.map((kind) => ({ label: kindLabel[kind], value: byKind[kind], color: kindColor[kind] }));
  const statusRows = statuses.map((status) => ({ label: statusLabel[status], value: byStatus[status], color: statusColor[status] }));
  const total = data.annotations.length;
  const height = 14 + rowHeight * Math.max(kindRows.length + 1, statusRows.length, 3) + 10;
  placePartHeading(out, doc, "Summary", height);
  const top = out.y;
  drawCountTable(out, "By kind", [...kindRows, { label: "Total", value: total, color: colors.text }], x, top, 136);
  drawCountTable(out, "By status", statusRows, x + 158, top, 136);
  drawBarChart(out, byKind.agreement, byKind.contradiction, x + 316, top, contentWidth - 316);
  out.y = top + height;

  if (data.scope === "approved" && data.excludedCount > 0) {
    const noun = data.excludedCount === 1 ? "annotation is" : "annotations are";
    placeText(out, doc, `${data.excludedCount} further ${noun} not approved yet and not included in this report.`, {
      ...smallStyle,
      font: "sansOblique",
    });
  }
  if (total === 0) {
    placeText(
      out,
      doc,
      data.scope === "approved" ? "No annotation of this comparison has been approved yet." : "This comparison has no annotations yet.",
      { font: "sans", size: sizes.body, color: colors.muted },
    );
  }
  keepTogether(out, 0);
}

type Row = { label: string; value: number; color: string };

function drawCountTable(out: Output, title: string, rows: Row[], x: number, y: number, width: number): void {
  out.begin("Table");
  out.leaf("Caption", (doc) =>
    setStyle(doc, "sansBold", sizes.tiny, colors.muted).text(title.toUpperCase(), x, y, { characterSpacing: 0.8, lineBreak: false }),
  );
  let rowY = y + 14;
  for (const row of rows) {
    const top = rowY;
    out.artifact((doc) => {
      doc.circle(x + 3, top + 5, 2.5).fill(row.color);
      doc
        .moveTo(x, top + rowHeight - 3)
        .lineTo(x + width, top + rowHeight - 3)
        .lineWidth(0.4)
        .strokeColor(colors.rule)
        .stroke();
    });
    out.begin("TR");
    out.leaf(
      "TH",
      (doc) =>
        setStyle(doc, row.label === "Total" ? "sansBold" : "sans", sizes.small + 0.5, colors.text).text(row.label, x + 11, top, {
          lineBreak: false,
        }),
      { scope: "Row" },
    );
    out.leaf("TD", (doc) =>
      setStyle(doc, row.label === "Total" ? "sansBold" : "sans", sizes.small + 0.5, colors.text).text(String(row.value), x, top, {
        width,
        align: "right",
        lineBreak: false,
      }),
    );
    out.end();
    rowY += rowHeight;
  }
  out.end();
}

/** Vector bars scaled to the larger count, so the balance reads at a glance. */
function drawBarChart(out: Output, agreements: number, contradictions: number, x: number, y: number, width: number): void {
  const alt = `Bar chart: ${agreements} agreement${agreements === 1 ? "" : "s"} and ${contradictions} contradiction${contradictions === 1 ? "" : "s"}.`;
  out.begin("Figure", { alt });
  out.paintAs((doc) => {
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
  });
  out.end();
}
