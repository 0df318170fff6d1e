// The report as assistive technology, archivists and editors receive it:
// the tagged structure (read back with pdf.js), PDF/A identification, the
// audit appendix, right-to-left quotes, the Word copy, and the export queue.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { updateAnnotation } from "@/lib/annotations/service";
import { withReportSlot } from "@/lib/reports/http";
import { acquireReportSlot, renderDocxInWorker, renderPdfBufferInWorker, reportQueueState } from "@/lib/reports/pdf-pool";
import { loadReportData } from "@/lib/reports/service";
import type { ReportData } from "@/lib/reports/types";
import { reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";
import { findRoles, readStructure, type StructNode } from "@/tests/support/pdf-structure";

const HEBREW = "רוסיה נשארת במאלי";
const ARABIC = "روسيا باقية في مالي";
const LEFT = "Wagner fighters left Mali in June. Most fighters reappeared under the Africa Corps.";
const RIGHT = "The Wagner Group announced its departure from Mali. Russian personnel will stay as instructors.";
const THIRD = `${HEBREW}. ${ARABIC}. Residents say 🙂 nothing changed.`;

function tempFile(name: string, bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "report-")), name);
  writeFileSync(file, bytes);
  return file;
}

function unzip(file: string, member: string): string {
  return execFileSync("unzip", ["-p", file, member], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

describe("report formats", () => {
  let analyst: TestUser;
  let reviewer: TestUser;
  let comparison: TestComparison;
  let data: ReportData;
  let pdf: Buffer;

  beforeAll(async () => {
    analyst = await createUser("analyst", { name: "Ana Formats" });
    reviewer = await createUser("reviewer", { name: "Rey Formats" });
    comparison = await createComparison({ title: "Formats & <structure>", leftText: LEFT, rightText: RIGHT, moreTexts: [THIRD] });
    const [a, b, c] = comparison.sources;
    const contradiction = await createAnnotation(analyst, comparison, {
      kind: "contradiction",
      spans: [
        { sourceId: a!.id, start: 0, end: 33, exact: LEFT.slice(0, 33) },
        { sourceId: b!.id, start: 0, end: 51, exact: RIGHT.slice(0, 51) },
        { sourceId: c!.id, start: 0, end: HEBREW.length, exact: HEBREW },
      ],
      rationale: "First rationale.",
      submit: true,
    });
    const sentBack = await reviewAnnotation(reviewer, contradiction.id, {
      decision: "request_changes",
      comment: "Name the month of the departure.",
      version: contradiction.version,
    });
    const edited = await updateAnnotation(analyst, contradiction.id, {
      version: sentBack.annotation.version,
      rationale: "Left in June versus stayed as instructors. Residents 🙂 disagree 👍🏽.",
    });
    const { submitAnnotation } = await import("@/lib/annotations/service");
    const resubmitted = await submitAnnotation(analyst, edited.id, { version: edited.version });
    await reviewAnnotation(reviewer, resubmitted.id, { decision: "approve", comment: "Clear now.", version: resubmitted.version });
    await createAnnotation(analyst, comparison, {
      kind: "note",
      leftQuote: "Most fighters reappeared under the Africa Corps.",
      rationale: "A draft note.",
    });
    data = await loadReportData(analyst, comparison.id, { scope: "all" });
    pdf = await renderPdfBufferInWorker(data);
  });

  it("is tagged: title, language, headings, lists, tables and the chart's alternative text", async () => {
    const { pages, title, lang } = await readStructure(new Uint8Array(pdf));
    expect(title).toBe("Formats & <structure>");
    expect(lang).toBe("en");
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/DisplayDocTitle true");
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R|\/Marked true/);
    expect(findRoles(pages, "H1").map((h) => h.text)).toEqual(["Formats & <structure>"]);
    expect(findRoles(pages, "H2").map((h) => h.text)).toEqual([
      "Sources (3)",
      "Summary",
      "Evidence matrix",
      "Contradictions (1)",
      "Notes (1)",
      "Appendix: audit trail",
    ]);
    // The sources list: one labelled item per source.
    expect(findRoles(pages, "Lbl").map((label) => label.text.trim())).toEqual(["A", "B", "C"]);
    expect(findRoles(pages, "Figure")[0]?.alt).toBe("Bar chart: 0 agreements and 1 contradiction.");
    const tables = findRoles(pages, "Table");
    expect(tables.length).toBeGreaterThanOrEqual(4); // details, two count tables, the matrix
    expect(findRoles(tables, "TH").map((th) => th.text.trim())).toEqual(expect.arrayContaining(["#", "Claim", "A", "B", "C"]));
    // Page furniture is not content: no footer text in the structure tree.
    expect(JSON.stringify(pages)).not.toMatch(/Page \d+ of \d+/);
  });

  it("reads side-by-side quote panels one source after the other", async () => {
    const { pages } = await readStructure(new Uint8Array(pdf));
    const section = findRoles(pages, "Sect").find((s) => findRoles([s], "H3")[0]?.text.includes("Contradiction"))!;
    const panels = findRoles([section], "Div").map((div: StructNode) => div.text.replace(/\s+/g, ""));
    expect(panels).toHaveLength(3);
    expect(panels[0]).toMatch(/^A·SourceA/);
    expect(panels[0]).toContain("“WagnerfightersleftMaliinJune”");
    expect(panels[1]).toMatch(/^B·SourceB/);
    expect(panels[1]).toContain("TheWagnerGroupannounceditsdeparturefromMali.");
    expect(panels[2]).toMatch(/^C·SourceC/);
    for (const word of HEBREW.split(" ")) expect(panels[2]).toContain(word);
  });

  it("declares PDF/A-2a: XMP identification, sRGB output intent, embedded fonts", () => {
    const raw = pdf.toString("latin1");
    expect(raw).toContain("%PDF-1.7");
    expect(raw).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(raw).toContain("<pdfaid:conformance>A</pdfaid:conformance>");
    // Escaped in the XMP packet, so the metadata stays well-formed XML.
    expect(raw).toContain("Formats &amp; &lt;structure&gt;");
    expect(raw).toMatch(/\/S \/GTS_PDFA1[\s\S]*\/DestOutputProfile/);
    const fonts = raw.match(/\/Type \/FontDescriptor/g)?.length ?? 0;
    expect(fonts).toBeGreaterThan(0);
    expect(raw.match(/\/FontFile2 \d+ 0 R/g)?.length).toBe(fonts);
    expect(execFileSync("qpdf", ["--check", tempFile("formats.pdf", pdf)], { encoding: "utf8" })).toContain(
      "No syntax or stream encoding errors found",
    );
  });

  it("ends scope=all reports with each finding's audit trail", async () => {
    const { pages } = await readStructure(new Uint8Array(pdf));
    const appendix = findRoles(pages, "LBody").map((li) => li.text.replace(/\s+/g, " "));
    const joined = appendix.join(" | ");
    expect(joined).toMatch(/Created by Ana Formats/);
    expect(joined).toMatch(/Submitted for review by Ana Formats/);
    expect(joined).toMatch(/Changes requested by Rey Formats.*Comment: “Name the month of the departure.”/);
    expect(joined).toMatch(/Edited by Ana Formats.*Rationale: First rationale. → Left in June versus stayed as instructors./);
    expect(joined).toMatch(/Approved by Rey Formats.*Comment: “Clear now.”/);
    // Only the decision on the current version is in the finding itself.
    const finding = findRoles(pages, "Sect").find((s) => s.text.includes("Left in June versus"))!;
    expect(finding.text).toContain("Decision: approved");
    // Emoji are set in Noto Emoji and come back as text.
    expect(finding.text).toMatch(/Residents\s*🙂\s*disagree\s*👍/);
    expect(finding.text).not.toContain("changes requested");
  });

  it("exports an editable Word copy with headings, the summary table, quote tables, statuses and right-to-left runs", async () => {
    const docx = await renderDocxInWorker(data);
    const file = tempFile("report.docx", docx);
    const xml = unzip(file, "word/document.xml");
    expect(xml).toContain("Formats &amp; &lt;structure&gt;");
    expect(xml).toMatch(/w:pStyle w:val="Heading2"[\s\S]*?Summary/);
    expect(xml).toContain("Contradictions (1)");
    expect(xml).toContain("Status: Approved");
    expect(xml).toContain("Status: Draft – not approved");
    expect(xml).toContain("“Wagner fighters left Mali in June”");
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(4);
    expect(xml).toMatch(/<w:rtl\/>[\s\S]*?روسيا|<w:rtl\/>[\s\S]*?רוסיה/);
    expect(xml).toContain("Changes requested");
    expect(unzip(file, "docProps/core.xml")).toContain("<dc:title>Formats &amp; &lt;structure&gt;</dc:title>");
    if (existsSync("/usr/bin/soffice")) {
      const out = path.dirname(file);
      execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, file], { timeout: 120_000 });
      expect(existsSync(path.join(out, "report.pdf"))).toBe(true);
    }
  });

  it("queues exports past the worker count and refuses past the queue bound with 503 and Retry-After", async () => {
    const { concurrency, queueBound } = reportQueueState();
    const held = await Promise.all(Array.from({ length: concurrency }, () => acquireReportSlot()));
    const queued = Array.from({ length: queueBound }, () => acquireReportSlot());
    expect(reportQueueState().waiting).toBe(queueBound);
    const refused = await withReportSlot(async () => new Response("never"));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("Retry-After")).toBe("5");
    expect(refused.headers.get("Content-Type")).toContain("application/problem+json");
    // Releasing hands each slot to the next in line, until the queue is empty.
    const granted = queued.map((waiting) => waiting.then((slot) => slot.release()));
    held.forEach((slot) => slot.release());
    await Promise.all(granted);
    expect(reportQueueState()).toMatchObject({ active: 0, waiting: 0 });
  });
});
