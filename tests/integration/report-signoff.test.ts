// Sign-off and verification against a real database: who may sign, what is
// refused, that the signed PDF is frozen and verifiable byte for byte, and
// that later changes are counted, not folded into the signed report.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { createSignoff, getSignoffPdf, getSignoffStatus, listSignoffs } from "@/lib/reports/signoff-service";
import { hashPdfUpload, verifyReport } from "@/lib/reports/verify-service";
import { reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

async function* chunks(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

describe("report sign-off", () => {
  let analyst: TestUser;
  let reviewer: TestUser;
  let comparison: TestComparison;

  beforeAll(async () => {
    analyst = await createUser("analyst", { name: "Ana Signoff" });
    reviewer = await createUser("reviewer", { name: "Rey Signoff" });
    comparison = await createComparison({ title: "Signed comparison" });
  });

  it("refuses a comparison with no approved findings, and analysts altogether", async () => {
    await createAnnotation(analyst, comparison, { submit: true, rationale: "Still in review." });
    await expect(createSignoff(reviewer, comparison.id, {})).rejects.toMatchObject({
      code: "unprocessable",
      errors: { comparison: "has no approved findings" },
    });
    await expect(createSignoff(analyst, comparison.id, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(createSignoff(reviewer, comparison.id, { statement: 42 } as never)).rejects.toMatchObject({
      code: "bad_request",
      errors: { statement: expect.any(String) },
    });
    expect(await db.reportSignoff.count({ where: { comparisonId: comparison.id } })).toBe(0);
  });

  it("freezes the PDF with the sign-off block and the content fingerprint on every page; a second sign-off without change is refused", async () => {
    const annotation = await createAnnotation(analyst, comparison, {
      kind: "contradiction",
      submit: true,
      rationale: "Withdrawal versus rebrand.",
    });
    await reviewAnnotation(reviewer, annotation.id, { decision: "approve", version: annotation.version });

    const signoff = await createSignoff(reviewer, comparison.id, {
      statement: "I vouch for the approved findings.",
      includeAuditTrail: true,
    });
    expect(signoff).toMatchObject({
      signedBy: { name: "Rey Signoff", role: "reviewer" },
      pdfUrl: `/api/v1/signoffs/${signoff.id}/report.pdf`,
    });
    expect(signoff.sha256).toMatch(/^[0-9a-f]{64}$/);

    const { bytes } = await getSignoffPdf(analyst, signoff.id);
    const text = await pdfText(bytes);
    expect(text).toContain("SIGNED OFF");
    expect(text).toContain("Rey Signoff (reviewer)");
    expect(text).toContain("“I vouch for the approved findings.”");
    const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect(text.match(new RegExp(`Content SHA-256 ${signoff.contentSha256}`, "g"))).toHaveLength(pages);
    // The audit appendix was asked for: the finding's history with the review decision.
    expect(text).toContain("Appendix: audit trail");
    expect(text).toMatch(/Approved by Rey Signoff/);

    const again = createSignoff(reviewer, comparison.id, { statement: "Same again", includeAuditTrail: true });
    await expect(again).rejects.toMatchObject({ code: "conflict", extra: { existing: { id: signoff.id } } });
    expect(await listSignoffs(analyst, comparison.id)).toHaveLength(1);
  });

  it("verifies the signed file, fails one changed byte, and reports changes made since", async () => {
    const [signoff] = await listSignoffs(reviewer, comparison.id);
    const { bytes } = await getSignoffPdf(reviewer, signoff!.id);

    const ok = await verifyReport(analyst, chunks(bytes));
    expect(ok).toMatchObject({
      verified: true,
      signoff: { id: signoff!.id, signedBy: { name: "Rey Signoff" } },
      changesSince: 0,
      newerFindings: 0,
    });

    const tampered = Buffer.from(bytes);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 0x01;
    const failed = await verifyReport(analyst, chunks(tampered));
    expect(failed.verified).toBe(false);

    // A later change: counted on the comparison page and in verification; the signed PDF stays as it was.
    const later = await createAnnotation(analyst, comparison, { kind: "agreement", submit: true, rationale: "A later agreement." });
    await reviewAnnotation(reviewer, later.id, { decision: "approve", version: later.version });
    const status = await getSignoffStatus(analyst, comparison.id);
    expect(status.lastSignoff?.id).toBe(signoff!.id);
    expect(status.changesSince).toBe(3); // create, submit, approve
    expect(await verifyReport(analyst, chunks(bytes))).toMatchObject({ verified: true, changesSince: 3, newerFindings: 1 });
    expect((await getSignoffPdf(reviewer, signoff!.id)).bytes.equals(bytes)).toBe(true);
    expect(await pdfText(bytes)).not.toContain("A later agreement.");

    // The content changed, so a new sign-off is allowed.
    const second = await createSignoff(reviewer, comparison.id, {});
    expect(second.contentSha256).not.toBe(signoff!.contentSha256);
    expect((await getSignoffStatus(analyst, comparison.id)).changesSince).toBe(0);
  });

  it("keeps signed reports immutable in the database", async () => {
    const [signoff] = await listSignoffs(reviewer, comparison.id);
    await expect(db.reportSignoff.update({ where: { id: signoff!.id }, data: { statement: "rewritten" } })).rejects.toThrow(/immutable/);
    await expect(db.reportSignoff.delete({ where: { id: signoff!.id } })).rejects.toThrow(/immutable/);
  });

  it("refuses non-PDFs and oversized uploads while streaming, without holding them", async () => {
    await expect(hashPdfUpload(chunks(Buffer.from("PK\u0003\u0004 not a pdf")))).rejects.toMatchObject({
      code: "unprocessable",
      errors: { file: "must be a PDF document" },
    });
    await expect(hashPdfUpload(chunks(Buffer.alloc(0)))).rejects.toMatchObject({ code: "bad_request" });
    // 50 MB streamed in 1 MB chunks: refused once past the limit, memory stays flat.
    const megabyte = Buffer.alloc(1024 * 1024, 0x20);
    megabyte.write("%PDF-1.7", 0, "latin1");
    let sent = 0;
    async function* fifty(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 50; i++) {
        sent += 1;
        yield megabyte;
      }
    }
    const before = process.memoryUsage().rss;
    await expect(hashPdfUpload(fifty(), 32 * 1024 * 1024)).rejects.toMatchObject({ code: "too_large" });
    expect(sent).toBe(33);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("passes qpdf's structural check", async () => {
    const [signoff] = await listSignoffs(reviewer, comparison.id);
    const { bytes } = await getSignoffPdf(reviewer, signoff!.id);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "signed-")), "signed.pdf");
    writeFileSync(file, bytes);
    expect(execFileSync("qpdf", ["--check", file], { encoding: "utf8" })).toContain("No syntax or stream encoding errors found");
  });
});
