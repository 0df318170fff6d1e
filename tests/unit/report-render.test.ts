// The renderer on its own (no database): twelve sources never overflow the
// cover or break the page count, the matrix splits its columns past six, and
// the content fingerprint is canonical.
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";

import { canonicalJson, contentFingerprint } from "@/lib/reports/canonical";
import { describeLikelihood } from "@/lib/reports/likelihood";
import { renderReportBuffer } from "@/lib/reports/render-pdf";
import { makeReportData } from "@/tests/support/report-fixture";

async function pages(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((page) => page.text.replace(/\s+/g, " "));
  } finally {
    await parser.destroy();
  }
}

// Rendering a 24-finding report takes a second on a quiet machine; allow for a busy one.
describe("report renderer", { timeout: 60_000 }, () => {
  it("lists twelve graded sources across pages with every footer's page count right", async () => {
    const data = makeReportData({ sources: 12, annotations: 24 });
    data.assessment = {
      judgment: "The withdrawal is a rebrand.",
      likelihood: "very_likely",
      confidence: "moderate",
      status: "approved",
      citedAnnotationIds: [data.annotations[2]!.id],
      author: "Ana",
      reviewer: "Rey",
    };
    const texts = await pages(await renderReportBuffer(data));
    texts.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${texts.length}`));
    const all = texts.join(" ");
    for (const source of data.sources) expect(all).toContain(`Reliability ${source.reliability}:`);
    expect(all).toContain("Sources (12)");
    // The assessment comes before the findings, in ICD 203 wording.
    expect(all.indexOf("Assessment")).toBeLessThan(all.indexOf("Contradictions (8)"));
    expect(all).toContain("VERY LIKELY (80–95 %) · MODERATE CONFIDENCE");
    expect(all).toContain("Rests on finding 3.");
    // Matrix columns in two groups of six; contradictions before agreements before notes.
    expect(all).toContain("Sources A to F (part 1 of 2)");
    expect(all).toContain("Sources G to L (part 2 of 2)");
    expect(all.indexOf("Contradictions (8)")).toBeLessThan(all.indexOf("Agreements (8)"));
    expect(all.indexOf("Agreements (8)")).toBeLessThan(all.indexOf("Notes (8)"));
  });

  it("fingerprints content canonically: key order and generation time do not matter, content does", () => {
    expect(canonicalJson({ b: 1, a: [{ d: new Date("2026-01-01T00:00:00Z"), c: null }] })).toBe(
      '{"a":[{"c":null,"d":"2026-01-01T00:00:00.000Z"}],"b":1}',
    );
    const data = makeReportData({ annotations: 3 });
    const later = { ...data, generatedAt: new Date("2027-01-01T00:00:00Z"), generatedBy: { name: "Someone else", email: "x@example.org" } };
    expect(contentFingerprint(later).sha256).toBe(contentFingerprint(data).sha256);
    const edited = { ...data, annotations: data.annotations.map((a, i) => (i === 0 ? { ...a, rationale: `${a.rationale}!` } : a)) };
    expect(contentFingerprint(edited).sha256).not.toBe(contentFingerprint(data).sha256);
  });

  it("words likelihoods as ICD 203 does", () => {
    expect(describeLikelihood("roughly even chance")).toBe("Roughly even chance (45–55 %)");
    expect(describeLikelihood("almost_certain")).toBe("Almost certain (95–99 %)");
    expect(describeLikelihood("maybe")).toBe("maybe");
  });
});
