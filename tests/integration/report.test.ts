// The PDF report read back as text: what a decision maker would see and
// search for, in both scopes, with typographic and non-Latin characters.
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/reports/filename";
import { renderReportBuffer } from "@/lib/reports/render-pdf";
import { loadReportData } from "@/lib/reports/service";
import type { ReportScope } from "@/lib/reports/types";
import { reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

const LEFT = "Most fighters have simply reappeared under the Kremlin-backed “Africa Corps,” residents’ café owners say. Up to 80% moved.";
const RIGHT = "The Wagner Group left Mali claiming mission accomplished. Most personnel will be reassigned to the Africa Corps.";
const APPROVED_LEFT = "Most fighters have simply reappeared under the Kremlin-backed “Africa Corps,” residents’ café owners say.";
const APPROVED_RIGHT = "The Wagner Group left Mali claiming mission accomplished.";
const RATIONALE = "Article B reports a withdrawal; article A reports a rebranding of the same units.";
const DRAFT_RATIONALE = "Draft: both put the share of transferred personnel high.";

type Parsed = { text: string; pages: number; info: Record<string, unknown> | undefined };

async function parse(pdf: Buffer): Promise<Parsed> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    return { text: text.text, pages: info.total, info: info.info as Record<string, unknown> | undefined };
  } finally {
    await parser.destroy();
  }
}

/** Text with pdf.js's line breaks folded into spaces, so wrapped quotes compare whole. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

describe("PDF report", () => {
  let analyst: TestUser;
  let reviewer: TestUser;
  let comparison: TestComparison;
  const reports = new Map<ReportScope, Parsed>();

  beforeAll(async () => {
    analyst = await createUser("analyst", { name: "Ana Analyst-Report" });
    reviewer = await createUser("reviewer", { name: "Rey Reviewer-Report" });
    comparison = await createComparison({ title: "Wagner’s exit from Mali: withdrawal or rebrand?", leftText: LEFT, rightText: RIGHT });
    const approved = await createAnnotation(analyst, comparison, {
      kind: "contradiction",
      leftQuote: APPROVED_LEFT,
      rightQuote: APPROVED_RIGHT,
      rationale: RATIONALE,
      confidence: "high",
      tags: ["withdrawal", "rebrand"],
      submit: true,
    });
    await reviewAnnotation(reviewer, approved.id, { decision: "approve", version: approved.version });
    await createAnnotation(analyst, comparison, {
      kind: "agreement",
      leftQuote: "Up to 80% moved.",
      rightQuote: "Most personnel will be reassigned to the Africa Corps.",
      rationale: DRAFT_RATIONALE,
    });
    for (const scope of ["approved", "all"] as const) {
      reports.set(scope, await parse(await renderReportBuffer(await loadReportData(analyst, comparison.id, { scope }))));
    }
  });

  it("shows the title, both quotes with typographic characters, the rationale and the review", () => {
    const { text } = reports.get("approved")!;
    const words = flat(text);
    expect(words).toContain("Wagner’s exit from Mali: withdrawal or rebrand?");
    expect(words).toContain(`“${APPROVED_LEFT}”`);
    expect(words).toContain("“Africa Corps,” residents’ café");
    expect(words).toContain(`“${APPROVED_RIGHT}”`);
    expect(words).toContain(RATIONALE);
    expect(words).toContain("Rey Reviewer-Report");
    expect(words).toContain("Decision: approved");
    expect(words).toContain("Tags: withdrawal, rebrand");
  });

  it("numbers every page and sets the document metadata", () => {
    const { text, pages, info } = reports.get("approved")!;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(info?.Title).toBe("Wagner’s exit from Mali: withdrawal or rebrand?");
    expect(info?.Author).toBe("Ana Analyst-Report");
    expect(info?.Creator).toBe("Parallax");
  });

  it("leaves drafts out of the approved scope and labels them in the full scope", () => {
    const approved = flat(reports.get("approved")!.text);
    expect(approved).not.toContain(DRAFT_RATIONALE);
    expect(approved).toContain("1 further annotation is not approved yet");

    const all = flat(reports.get("all")!.text);
    expect(all).toContain(DRAFT_RATIONALE);
    expect(all).toContain("DRAFT – NOT APPROVED");
    expect(all).toContain(RATIONALE);
    // The approved annotation carries no status label.
    expect(all.match(/NOT APPROVED/g)).toHaveLength(1);
  });

  it("renders Greek, Cyrillic, Hebrew and Arabic quotes as text", async () => {
    const greek = "Η Ρωσία παραμένει στο Μάλι.";
    const russian = "Россия остаётся в Мали.";
    const hebrew = "רוסיה נשארת במאלי";
    const arabic = "روسيا باقية في مالي";
    const multi = await createComparison({ leftText: `${greek} ${russian}`, rightText: `${hebrew}. ${arabic}.` });
    const annotation = await createAnnotation(analyst, multi, {
      kind: "agreement",
      spans: [
        { sourceId: multi.left.id, start: 0, end: greek.length, exact: greek },
        { sourceId: multi.left.id, start: greek.length + 1, end: greek.length + 1 + russian.length, exact: russian },
        { sourceId: multi.right.id, start: 0, end: hebrew.length, exact: hebrew },
        { sourceId: multi.right.id, start: hebrew.length + 2, end: hebrew.length + 2 + arabic.length, exact: arabic },
      ],
      rationale: "Все источники согласны — όλες οι πηγές συμφωνούν.",
      submit: true,
    });
    await reviewAnnotation(reviewer, annotation.id, { decision: "approve", version: annotation.version });
    const { text } = await parse(await renderReportBuffer(await loadReportData(analyst, multi.id, { scope: "approved" })));
    const words = flat(text);
    expect(words).toContain(greek);
    expect(words).toContain(russian);
    expect(words).toContain("Все источники согласны — όλες οι πηγές συμφωνούν.");
    // Right-to-left lines come back word by word (pdf.js orders them visually).
    for (const word of [...hebrew.split(" "), ...arabic.split(" ")]) expect(words).toContain(word);
  });

  it("names the download after the comparison and the date", () => {
    const header = contentDisposition("Wagner’s exit from Mali: withdrawal or rebrand?", new Date("2026-05-01T10:00:00Z"), "approved");
    expect(header).toContain('attachment; filename="wagners-exit-from-mali-withdrawal-or-rebrand-2026-05-01.pdf"');
    expect(header).toContain("filename*=UTF-8''wagners-exit-from-mali-withdrawal-or-rebrand-2026-05-01.pdf");
    const greek = contentDisposition("Ρωσία στο Μάλι", new Date("2026-05-01T10:00:00Z"), "all");
    expect(greek).toContain('filename="comparison-2026-05-01-all-annotations.pdf"');
    expect(greek).toContain(`filename*=UTF-8''${encodeURIComponent("ρωσια-στο-μαλι-2026-05-01-all-annotations.pdf")}`);
  });

  it("refuses unknown comparisons and scopes", async () => {
    await expect(loadReportData(analyst, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    await expect(loadReportData(analyst, comparison.id, { scope: "everything" as ReportScope })).rejects.toBeInstanceOf(AppError);
    await expect(loadReportData(analyst, comparison.id, { scope: "everything" as ReportScope })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
