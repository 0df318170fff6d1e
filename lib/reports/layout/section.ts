import { flowBlock, measureBlock, type Block, type TextStyle } from "@/lib/reports/layout/block";
import type { Output } from "@/lib/reports/layout/output";
import { columnsHeight, measureLabel, measureQuote, panelWidths, placeColumns, type Column } from "@/lib/reports/layout/panels";
import { formatDate, setStyle } from "@/lib/reports/layout/text";
import { colors, contentBottom, contentWidth, freshPageHeight, kindColor, margins, sizes, statusColor } from "@/lib/reports/layout/theme";
import { kindLabel, statusLabel } from "@/lib/annotations/state";
import { credibilityLabel, isCredibility } from "@/lib/comparisons/grades";
import { decisionOutcome, type ReportAnnotation, type ReportScope, type ReportSource } from "@/lib/reports/types";

// One finding: heading, the quoted passages of each linked source (two panels a row),
// rationale and review details. A section that would not fit the rest of the
// page starts a new one; only passages longer than a page are split.

type Doc = PDFKit.PDFDocument;

export type SectionContext = { scope: ReportScope; sources: ReportSource[] };

export type MeasuredSection = {
  annotation: ReportAnnotation;
  index: number;
  columns: Column[];
  rationale: Block;
  meta: Block;
};

const headingHeight = 18;
const sectionGap = 18;
/** Below this much room, an oversized section starts on a fresh page instead. */
const minStartRoom = 160;
const rationaleStyle: TextStyle = { font: "sans", size: sizes.body, color: colors.text };
const metaStyle: TextStyle = { font: "sans", size: sizes.small, color: colors.muted };

/** "A [B] · Title — Outlet": the panel header, never shortened. */
export function sourceHeader(source: ReportSource): string {
  const grade = source.reliability ? ` [${source.reliability}]` : "";
  return `${source.label}${grade} · ${source.title}${source.outlet ? ` — ${source.outlet}` : ""}`;
}

export function measureSection(doc: Doc, annotation: ReportAnnotation, index: number, ctx: SectionContext): MeasuredSection {
  const widths = panelWidths(annotation.passages.length);
  const columns = annotation.passages.map(({ sourceIndex, quotes }, i): Column => {
    const width = widths[i]!;
    return {
      width,
      label: measureLabel(doc, sourceHeader(ctx.sources[sourceIndex]!), width),
      blocks: quotes.map((q) => measureQuote(doc, `“${q.trim()}”`, width)),
    };
  });
  return {
    annotation,
    index,
    columns,
    rationale: measureBlock(doc, annotation.rationale, rationaleStyle, contentWidth),
    meta: measureBlock(doc, metaText(annotation), metaStyle, contentWidth),
  };
}

export function placeSection(out: Output, section: MeasuredSection, scope: ReportScope): void {
  const { columns, rationale, meta } = section;
  const tailHeight = 8 + rationale.height + 5 + meta.height;
  const total = headingHeight + columnsHeight(columns) + tailHeight + sectionGap;
  const room = contentBottom - out.y;
  if (total > room && (total <= freshPageHeight || room < minStartRoom)) out.addPage();

  out.begin("Sect");
  placeHeading(out, section.annotation, section.index, scope);
  placeColumns(out, section.annotation.kind, columns);

  if (out.y + tailHeight > contentBottom && tailHeight <= freshPageHeight) out.addPage();
  out.y += 8;
  flowBlock(out, rationale, margins.left);
  out.y += 5;
  flowBlock(out, meta, margins.left);
  out.end();
  const ruleY = Math.min(out.y + sectionGap / 2, contentBottom);
  out.artifact((doc) =>
    doc
      .moveTo(margins.left, ruleY)
      .lineTo(margins.left + contentWidth, ruleY)
      .lineWidth(0.5)
      .strokeColor(colors.rule)
      .stroke(),
  );
  out.y = ruleY + sectionGap / 2;
}

function placeHeading(out: Output, annotation: ReportAnnotation, index: number, scope: ReportScope): void {
  const y = out.y;
  const isLabelled = scope === "all" && annotation.status !== "approved";
  const label = `${statusLabel[annotation.status]} – not approved`.toUpperCase();
  out.begin("H3");
  out.paintAs((doc) => {
    setStyle(doc, "sansBold", sizes.h2, colors.faint).text(`${index}`, margins.left, y, { lineBreak: false });
    setStyle(doc, "sansBold", sizes.h2, kindColor[annotation.kind]).text(kindLabel[annotation.kind], margins.left + 30, y, {
      lineBreak: false,
    });
  });
  if (isLabelled) {
    out.paint((doc) => setStyle(doc, "sansBold", sizes.tiny, statusColor[annotation.status]));
    const width = out.isDry ? 0 : out.doc.widthOfString(label) + 12;
    const x = margins.left + contentWidth - width;
    out.artifact((doc) => doc.roundedRect(x, y, width, 14, 7).lineWidth(0.8).strokeColor(statusColor[annotation.status]).stroke());
    out.paintAs((doc) =>
      setStyle(doc, "sansBold", sizes.tiny, statusColor[annotation.status]).text(label, x + 6, y + 3.5, { lineBreak: false }),
    );
  }
  out.end();
  out.y = y + headingHeight;
}

export function metaText(annotation: ReportAnnotation): string {
  const confidence = annotation.confidence[0]!.toUpperCase() + annotation.confidence.slice(1);
  const tags = annotation.tags.length ? annotation.tags.join(", ") : "none";
  const review = annotation.review
    ? `Reviewer: ${annotation.review.reviewer} · Decision: ${decisionOutcome[annotation.review.decision]}, ${formatDate(annotation.review.decidedAt)}`
    : "Reviewer: not reviewed yet";
  const credibility =
    annotation.credibility !== null && isCredibility(annotation.credibility)
      ? `   ·   Credibility: ${annotation.credibility} (${credibilityLabel[annotation.credibility].toLowerCase()})`
      : "";
  return `Confidence: ${confidence}${credibility}   ·   Tags: ${tags}\nAuthor: ${annotation.author}   ·   ${review}`;
}
