import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

import { expect, test } from "@playwright/test";
import { PDFParse } from "pdf-parse";

import { demo, demoComparisonId, signIn } from "./support/auth";

const screenshots = "test-results/screenshots";

async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

test("a reviewer signs off the seeded comparison, downloads PDF and Word copy, and verifies them", async ({ page }) => {
  mkdirSync(screenshots, { recursive: true });
  await signIn(page, demo.reviewer);
  const id = await demoComparisonId(page.request);

  await page.goto(`/comparisons/${id}`);
  const status = page.getByTestId("signoff-status");
  await expect(status).toHaveText("Not signed off");
  await status.click();
  await expect(page.getByRole("heading", { level: 1, name: "Signed-off reports" })).toBeVisible();
  await expect(page.getByText("No report of this comparison has been signed off yet.")).toBeVisible();

  await page.getByLabel("Statement (optional)").fill("The approved findings hold; the withdrawal is a rebrand.");
  await page.getByLabel("Include the audit trail appendix").check();
  await page.getByRole("button", { name: "Sign off" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Signed off. Fingerprint" })).toBeVisible();
  const entry = page.getByRole("list", { name: "Signed-off reports" }).getByRole("listitem").first();
  await expect(entry).toContainText("Signed off by Rey Reviewer (reviewer)");
  await expect(entry).toContainText("“The approved findings hold; the withdrawal is a rebrand.”");
  await page.screenshot({ path: `${screenshots}/signoff-page.png`, fullPage: true });

  // Signing again with nothing changed is refused and points to the sign-off that stands.
  await page.getByRole("button", { name: "Sign off" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "that sign-off stands" })).toBeVisible();

  const pdfDownload = page.waitForEvent("download");
  await entry.getByRole("link", { name: "Signed PDF" }).click();
  const pdfFile = "test-results/signed-report.pdf";
  await (await pdfDownload).saveAs(pdfFile);
  const pdf = readFileSync(pdfFile);
  const text = (await pdfText(pdf)).replace(/\s+/g, " ");
  expect(text).toContain("SIGNED OFF");
  expect(text).toContain("Rey Reviewer (reviewer)");
  expect(text).toMatch(/Content SHA-256 [0-9a-f]{64}/);
  expect(text).toContain("Appendix: audit trail");

  const docxDownload = page.waitForEvent("download");
  await entry.getByRole("link", { name: "Word copy" }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const docxFile = "test-results/signed-report.docx";
  await docx.saveAs(docxFile);
  expect(readFileSync(docxFile).subarray(0, 2).toString("latin1")).toBe("PK");

  await page.goto("/verify");
  await page.getByLabel("Drop a report PDF here, or choose a file").setInputFiles(pdfFile);
  const result = page.getByTestId("verification-result");
  await expect(result).toContainText("Verified: this is the report signed off on “Wagner");
  await expect(result).toContainText("Signed off by Rey Reviewer (reviewer)");
  await page.screenshot({ path: `${screenshots}/verify-ok.png`, fullPage: true });

  const tampered = Buffer.from(pdf);
  const middle = Math.floor(tampered.length / 2);
  tampered[middle] = tampered[middle]! ^ 0x20;
  const tamperedFile = "test-results/signed-report-modified.pdf";
  writeFileSync(tamperedFile, tampered);
  await page.getByLabel("Drop a report PDF here, or choose a file").setInputFiles(tamperedFile);
  await expect(result).toContainText("Not verified");
  await page.screenshot({ path: `${screenshots}/verify-failed.png`, fullPage: true });

  await page.goto(`/comparisons/${id}`);
  await expect(page.getByTestId("signoff-status")).toHaveText("Signed off, no changes since");
});

test("the verification API refuses non-PDFs and answers for a PDF it never signed", async ({ page }) => {
  await signIn(page, demo.analyst);
  const notPdf = await page.request.post("/api/v1/reports/verify", {
    headers: { "Content-Type": "application/pdf" },
    data: Buffer.from("hello, not a pdf"),
  });
  expect(notPdf.status()).toBe(422);
  expect((await notPdf.json()).errors.file).toBe("must be a PDF document");
  const json = await page.request.post("/api/v1/reports/verify", { headers: { "Content-Type": "application/json" }, data: { file: "x" } });
  expect(json.status()).toBe(400);
  const unknown = await page.request.post("/api/v1/reports/verify", {
    headers: { "Content-Type": "application/pdf" },
    data: Buffer.from("%PDF-1.7\n%%EOF\n"),
  });
  expect(unknown.status()).toBe(200);
  expect(await unknown.json()).toMatchObject({ verified: false });
  const id = await demoComparisonId(page.request);
  const denied = await page.request.post(`/api/v1/comparisons/${id}/signoffs`, {
    headers: { "Content-Type": "application/json" },
    data: {},
  });
  expect(denied.status()).toBe(403);
});
