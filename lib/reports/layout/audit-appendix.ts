import { kindLabel } from "@/lib/annotations/state";
import { measureBlock } from "@/lib/reports/layout/block";
import { keepTogether, paintBlock, placePartHeading, placeText, smallStyle } from "@/lib/reports/layout/flow";
import type { Output } from "@/lib/reports/layout/output";
import { formatDateTime } from "@/lib/reports/layout/text";
import { colors, contentWidth, margins, sizes } from "@/lib/reports/layout/theme";
import type { ReportData, ReportHistoryEntry } from "@/lib/reports/types";

// The audit appendix: for every finding, what happened to it and who did it
// (created, edited with what changed, submitted, each review decision with its
// comment), then each source's text versions — all drawn from the audit table.

type Doc = PDFKit.PDFDocument;

const entryIndent = 12;

export function historyLine(entry: ReportHistoryEntry): string {
  return `${formatDateTime(entry.at)} · ${entry.action}${entry.actor ? ` by ${entry.actor}` : ""}`;
}

function placeEntries(out: Output, doc: Doc, entries: ReportHistoryEntry[]): void {
  if (entries.length === 0) {
    placeText(out, doc, "No recorded events.", smallStyle);
    return;
  }
  out.begin("L");
  for (const entry of entries) {
    const head = measureBlock(
      doc,
      historyLine(entry),
      { font: "sansBold", size: sizes.small, color: colors.text },
      contentWidth - entryIndent,
    );
    const details = [...entry.changes, ...(entry.comment ? [`Comment: “${entry.comment}”`] : [])].map((text) =>
      measureBlock(doc, text, { ...smallStyle, color: colors.muted }, contentWidth - entryIndent * 2),
    );
    const height = head.height + details.reduce((sum, block) => sum + block.height + 1, 0) + 4;
    keepTogether(out, Math.min(height, 200));
    out.begin("LI");
    out.begin("LBody");
    paintBlock(out, head, margins.left + entryIndent, out.y);
    out.y += head.height + 1;
    for (const block of details) {
      keepTogether(out, block.height);
      paintBlock(out, block, margins.left + entryIndent * 2, out.y);
      out.y += block.height + 1;
    }
    out.end();
    out.end();
    out.y += 3;
  }
  out.end();
}

export function placeAuditAppendix(out: Output, doc: Doc, data: ReportData): void {
  const audit = data.audit;
  if (!audit) return;
  out.addPage();
  placePartHeading(out, doc, "Appendix: audit trail", 40);
  placeText(
    out,
    doc,
    "Each finding's history as recorded in Parallax's audit log: who created it, every edit with what changed, submissions, and every review decision with its comment. Times are UTC.",
    smallStyle,
    "P",
    8,
  );
  const byId = new Map(audit.findings.map((finding) => [finding.annotationId, finding.entries]));
  data.annotations.forEach((annotation, i) => {
    const title = measureBlock(
      doc,
      `${i + 1} · ${kindLabel[annotation.kind]}`,
      { font: "sansBold", size: sizes.h2, color: colors.text },
      contentWidth,
    );
    keepTogether(out, title.height + 30);
    out.begin("Sect");
    paintBlock(out, title, margins.left, out.y, "H3");
    out.y += title.height + 3;
    placeEntries(out, doc, byId.get(annotation.id) ?? []);
    out.end();
    out.y += 6;
  });
  if (audit.sources.some((source) => source.entries.length > 0)) {
    out.y += 6;
    placePartHeading(out, doc, "Source versions", 40);
    for (const { sourceIndex, entries } of audit.sources) {
      if (entries.length === 0) continue;
      const source = data.sources[sourceIndex]!;
      const title = measureBlock(
        doc,
        `${source.label} · ${source.title}`,
        { font: "sansBold", size: sizes.h2, color: colors.text },
        contentWidth,
      );
      keepTogether(out, title.height + 30);
      out.begin("Sect");
      paintBlock(out, title, margins.left, out.y, "H3");
      out.y += title.height + 3;
      placeEntries(out, doc, entries);
      out.end();
    }
  }
}
