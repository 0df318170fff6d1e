import { fitLine, formatDate, setStyle } from "@/lib/reports/layout/text";
import { colors, contentWidth, margins, pageSize, sizes } from "@/lib/reports/layout/theme";
import type { ReportData } from "@/lib/reports/types";

type Doc = PDFKit.PDFDocument;

/**
 * Running header (from page 2) and "Page X of Y" footer of the current page.
 * Margins are zeroed meanwhile: pdfkit adds a page for any wrapped text that
 * starts below the bottom margin.
 */
export function drawPageChrome(doc: Doc, data: ReportData, page: number, pageCount: number): void {
  const saved = doc.page.margins;
  doc.page.margins = { ...saved, top: 0, bottom: 0 };
  if (page > 1) {
    setStyle(doc, "sans", sizes.tiny, colors.muted);
    doc.text(fitLine(doc, data.comparison.title, contentWidth - 110, "header"), margins.left, 30, { lineBreak: false });
    doc.text("Comparison report", margins.left + contentWidth - 100, 30, { width: 100, align: "right", lineBreak: false });
    rule(doc, 43);
  }
  const footerY = pageSize.height - 38;
  rule(doc, footerY - 7);
  const footerLeft = `Parallax · generated ${formatDate(data.generatedAt)} by ${data.generatedBy.name}`;
  setStyle(doc, "sans", sizes.tiny, colors.muted).text(fitLine(doc, footerLeft, contentWidth - 110, "footer"), margins.left, footerY, {
    lineBreak: false,
  });
  setStyle(doc, "sansBold", sizes.tiny, colors.text).text(`Page ${page} of ${pageCount}`, margins.left + contentWidth - 100, footerY, {
    width: 100,
    align: "right",
    lineBreak: false,
  });
  doc.page.margins = saved;
  doc.y = margins.top;
}

function rule(doc: Doc, y: number): void {
  doc
    .moveTo(margins.left, y)
    .lineTo(margins.left + contentWidth, y)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
}
