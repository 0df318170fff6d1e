import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

import { expect, request as playwrightRequest, test } from "@playwright/test";
import { PDFParse } from "pdf-parse";

import { demo, demoComparisonId, signIn, signInApi } from "./support/auth";

const screenshots = "test-results/screenshots";

async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

test("anonymous requests for a report get 401 problem+json", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.get("/api/v1/comparisons/00000000-0000-4000-8000-000000000000/report.pdf");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect((await response.json()).title).toBe("Not signed in");
  await anonymous.dispose();
});

test("an unknown scope is a 400 problem, the default scope a PDF attachment", async ({ request }) => {
  await signInApi(request, demo.analyst);
  const id = await demoComparisonId(request);
  const bad = await request.get(`/api/v1/comparisons/${id}/report.pdf?scope=everything`);
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  expect((await bad.json()).errors.scope).toContain('"approved" or "all"');

  const ok = await request.get(`/api/v1/comparisons/${id}/report.pdf`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("application/pdf");
  expect(ok.headers()["content-disposition"]).toMatch(
    /^attachment; filename="wagners-exit-from-mali-withdrawal-or-rebrand-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/,
  );
  const text = await pdfText(await ok.body());
  expect(text).toContain("Approved annotations only");
  expect(text).not.toContain("NOT APPROVED");
});

test("Export PDF in the workbench downloads the report in the chosen scope", async ({ page }) => {
  await signIn(page, demo.analyst);
  const id = await demoComparisonId(page.request);
  await page.goto(`/comparisons/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Wagner");

  // Keyboard only: choose the scope, then press the button.
  const scope = page.getByLabel("Report scope");
  await expect(scope).toHaveValue("approved");
  await scope.focus();
  await scope.selectOption("all");
  await page.keyboard.press("Tab");
  const button = page.getByRole("button", { name: "Export PDF" });
  await expect(button).toBeFocused();
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/report-export-control.png`, clip: { x: 0, y: 0, width: 1600, height: 180 } });

  const downloading = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^wagners-exit-from-mali-withdrawal-or-rebrand-\d{4}-\d{2}-\d{2}-all-annotations\.pdf$/);
  const file = "test-results/report-all.pdf";
  await download.saveAs(file);
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const text = await pdfText(bytes);
  expect(text).toContain("Wagner's exit from Mali");
  expect(text).toContain("All annotations (those not approved are labelled)");
  expect(text).toContain("Rey Reviewer");
  expect(text).toContain("IN REVIEW – NOT APPROVED");
  expect(text).toMatch(/Page 1 of \d+/);

  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", file, `${screenshots}/report-page`]);
  await expect(button).toHaveText("Export PDF");
});
