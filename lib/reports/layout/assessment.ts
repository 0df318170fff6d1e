import { measureBlock } from "@/lib/reports/layout/block";
import { bodyStyle, keepTogether, paintBlock, placePartHeading, placeText, smallStyle } from "@/lib/reports/layout/flow";
import type { Output } from "@/lib/reports/layout/output";
import { colors, contentWidth, margins, sizes } from "@/lib/reports/layout/theme";
import { describeConfidence, describeLikelihood } from "@/lib/reports/likelihood";
import type { ReportData } from "@/lib/reports/types";

// The bottom line opens the report: the key judgment in calibrated wording
// (ICD 203), its confidence, the findings it rests on (by their numbers in
// this report) and whether it has been through review.

type Doc = PDFKit.PDFDocument;

const statusWording: Record<string, string> = {
  approved: "Approved",
  in_review: "In review – not approved",
  draft: "Draft – not approved",
  changes_requested: "Changes requested – not approved",
  rejected: "Rejected",
};

export function citedFindings(data: ReportData): { numbers: number[]; missing: number } {
  const numbers = new Map(data.annotations.map((a, i) => [a.id, i + 1]));
  const cited = data.assessment?.citedAnnotationIds ?? [];
  const found = cited.map((id) => numbers.get(id)).filter((n): n is number => n !== undefined);
  return { numbers: found.sort((a, b) => a - b), missing: cited.length - found.length };
}

export function assessmentLines(data: ReportData): { verdict: string; support: string; review: string } | null {
  const assessment = data.assessment;
  if (!assessment) return null;
  const { numbers, missing } = citedFindings(data);
  const support =
    numbers.length > 0
      ? `Rests on finding${numbers.length === 1 ? "" : "s"} ${numbers.join(", ")}${missing ? ` and ${missing} not in this report` : ""}.`
      : missing
        ? `Rests on ${missing} finding${missing === 1 ? "" : "s"} not in this report.`
        : "Cites no finding.";
  const status = statusWording[assessment.status] ?? assessment.status;
  return {
    verdict: `${describeLikelihood(assessment.likelihood)} · ${describeConfidence(assessment.confidence)}`,
    support,
    review: `${status} · by ${assessment.author}${assessment.reviewer ? ` · reviewed by ${assessment.reviewer}` : ""}`,
  };
}

export function placeAssessment(out: Output, doc: Doc, data: ReportData): void {
  const lines = assessmentLines(data);
  if (!lines) return;
  out.y += 6;
  placePartHeading(out, doc, "Assessment", 80);
  const verdict = measureBlock(
    doc,
    lines.verdict.toUpperCase(),
    { font: "sansBold", size: sizes.small, color: colors.accent },
    contentWidth,
  );
  keepTogether(out, verdict.height + 40);
  paintBlock(out, verdict, margins.left, out.y);
  out.y += verdict.height + 4;
  placeText(out, doc, data.assessment!.judgment, { ...bodyStyle, font: "serif", size: 12, lineGap: 2 });
  placeText(out, doc, lines.support, smallStyle);
  placeText(out, doc, lines.review, smallStyle, "P", 10);
}
