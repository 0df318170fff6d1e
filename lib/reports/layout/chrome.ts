import { paintArtifact } from "@/lib/reports/layout/output";
import { fitLine, formatDate, formatDateTime, setStyle } from "@/lib/reports/layout/text";
import { colors, contentWidth, margins, pageSize, sizes } from "@/lib/reports/layout/theme";
import type { ReportData } from "@/lib/reports/types";

type Doc = PDFKit.PDFDocument;

/**
 * Running header (from page 2) and footer of the current page: "Page X of Y",
 * and on a signed report the fingerprint of its content, so every page names
 * the sign-off it belongs to. Tagged as pagination artifacts, which screen
 * readers skip. Margins are zeroed meanwhile: pdfkit adds a page for any
 * wrapped text that starts below the bottom margin.
 */
export function drawPageChrome(doc: Doc, data: ReportData, page: number, pageCount: number, isTagged: boolean): void {
  const saved = doc.page.margins;
  doc.page.margins = { ...saved, top: 0, bottom: 0 };
  paintArtifact(
    doc,
    isTagged,
    () => {
      if (page > 1) {
        setStyle(doc, "sans", sizes.tiny, colors.muted);
        doc.text(fitLine(doc, data.comparison.title, contentWidth - 110, "header"), margins.left, 30, { lineBreak: false });
        doc.text(data.signoff ? "Signed-off report" : "Comparison report", margins.left + contentWidth - 100, 30, {
          width: 100,
          align: "right",
          lineBreak: false,
        });
        rule(doc, 43);
      }
      const footerY = pageSize.height - 40;
      rule(doc, footerY - 7);
      const footerLeft = data.signoff
        ? `Signed off by ${data.signoff.signedBy} (${data.signoff.role}), ${formatDateTime(data.signoff.signedAt)}`
        : `Parallax · generated ${formatDate(data.generatedAt)} by ${data.generatedBy.name}`;
      setStyle(doc, "sans", sizes.tiny, colors.muted).text(fitLine(doc, footerLeft, contentWidth - 110, "footer"), margins.left, footerY, {
        lineBreak: false,
      });
      if (data.signoff) {
        setStyle(doc, "sans", 6.5, colors.muted).text(`Content SHA-256 ${data.signoff.contentSha256}`, margins.left, footerY + 10, {
          lineBreak: false,
        });
      }
      setStyle(doc, "sansBold", sizes.tiny, colors.text).text(`Page ${page} of ${pageCount}`, margins.left + contentWidth - 100, footerY, {
        width: 100,
        align: "right",
        lineBreak: false,
      });
    },
    "Pagination",
  );
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
