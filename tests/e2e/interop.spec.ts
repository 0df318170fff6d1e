import { readFileSync, writeFileSync } from "node:fs";

import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";

import { demo, demoComparisonId, signInApi } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";

// Interoperability in the browser (issue 18): the import dialog's dry run on
// the seeded comparison, the CSV download, and personal access tokens from
// creation in Settings to use by a script and revocation.

type Source = { id: string; text: string; label: string; title: string };

test("the import dialog checks a Hypothesis file first and reports found and missing passages", async ({ page }, testInfo) => {
  await signInApi(page.request, demo.analyst);
  const id = await demoComparisonId(page.request);
  const { sources } = (await (await page.request.get(`/api/v1/comparisons/${id}`)).json()) as { sources: Source[] };
  const text = sources[1]!.text;
  const start = Math.floor(text.length / 3);
  const quote = text.slice(start, start + 60);
  const rows = [
    {
      id: "h1",
      user: "acct:jane@hypothes.is",
      text: "Found in source B",
      target: [{ source: "https://elsewhere.example/a", selector: [{ type: "TextQuoteSelector", exact: quote }] }],
    },
    {
      id: "h2",
      user: "acct:jane@hypothes.is",
      text: "A passage no source has",
      target: [
        {
          source: "https://elsewhere.example/a",
          selector: [{ type: "TextQuoteSelector", exact: "A sentence about penguins that appears in none of the three articles at all." }],
        },
      ],
    },
  ];
  const file = testInfo.outputPath("hypothesis.json");
  writeFileSync(file, JSON.stringify({ total: rows.length, rows }));
  const before = await (await page.request.get(`/api/v1/comparisons/${id}`)).json();

  await page.goto(`/comparisons/${id}`);
  await page.getByText("Import / export").click();
  await page.getByRole("button", { name: "Import annotations…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import annotations" });
  await dialog.getByLabel("Annotation file").setInputFiles(file);
  await dialog.getByRole("button", { name: "Check file" }).click();
  await expect(dialog.getByRole("heading", { name: /Checked hypothesis\.json: nothing written yet/ })).toBeVisible();
  await expect(dialog.locator('[data-outcome="anchored"]')).toContainText("Found in source B");
  await expect(dialog.locator('[data-outcome="orphaned"]')).toContainText("penguins");
  await expect(dialog.getByRole("button", { name: "Import 1 annotation" })).toBeEnabled();
  await page.screenshot({ path: "test-results/screenshots/interop-import-dry-run.png" });
  await expectNoAxeViolations(page, "import dialog dry run");

  // The dry run wrote nothing.
  const after = await (await page.request.get(`/api/v1/comparisons/${id}`)).json();
  expect(after.annotations.length).toBe(before.annotations.length);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("the CSV download opens with one column per field and a quote column per source", async ({ page }) => {
  await signInApi(page.request, demo.analyst);
  const id = await demoComparisonId(page.request);
  const { sources } = (await (await page.request.get(`/api/v1/comparisons/${id}`)).json()) as { sources: Source[] };
  await page.goto(`/comparisons/${id}`);
  await page.getByText("Import / export").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download spreadsheet/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parse(bytes.subarray(3).toString("utf8"), { relax_column_count: false }) as string[][];
  const header = records[0]!;
  expect(header.slice(0, 4)).toEqual(["id", "kind", "status", "author"]);
  expect(header).toEqual(expect.arrayContaining(["reviewer", "decision", "tags", "rationale"]));
  for (const source of sources) expect(header).toContain(`quote ${source.label}: ${source.title}`);
  expect(records.length).toBeGreaterThan(1);
  expect(records.slice(1).every((row) => row.length === header.length)).toBe(true);
});

test("a token is created in Settings, shown once, used by a script, and refused once revoked", async ({ page, request }) => {
  await signInApi(page.request, demo.analyst);
  const name = `script ${Date.now().toString(36)}`;
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "API tokens" });
  await expect(section.getByText(/No tokens yet|Your API tokens/).first()).toBeVisible();
  await section.getByLabel("Name").fill(name);
  await section.getByRole("button", { name: "Create token" }).click();
  const secretBox = section.getByLabel("Token secret");
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.inputValue();
  expect(secret).toMatch(/^plx_[A-Za-z0-9_-]{43}$/);
  const row = section.getByRole("listitem", { name });
  await expect(row).toContainText("active");
  await expect(row).toContainText("last used never");
  await page.screenshot({ path: "test-results/screenshots/settings-token-created.png", fullPage: true });
  await expectNoAxeViolations(page, "settings with a new token");

  // A script without cookies, only the token.
  const listed = await request.get("/api/v1/comparisons", { headers: { Authorization: `Bearer ${secret}` } });
  expect(listed.status()).toBe(200);
  const { comparisons } = (await listed.json()) as { comparisons: { title: string }[] };
  expect(comparisons.some((c) => c.title.startsWith("Wagner's exit from Mali"))).toBe(true);
  // A read token cannot write.
  const write = await request.post("/api/v1/comparisons", { headers: { Authorization: `Bearer ${secret}` }, data: { title: "x" } });
  expect(write.status()).toBe(403);

  // Shown once: after a reload only the prefix remains, and the use is recorded.
  await page.reload();
  await expect(section.getByLabel("Token secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(row).toContainText(secret.slice(0, 10));
  await expect(row).not.toContainText("last used never");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(row).toContainText("revoked");
  await page.screenshot({ path: "test-results/screenshots/settings-token-revoked.png", fullPage: true });

  const refused = await request.get("/api/v1/comparisons", { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect(((await refused.json()) as { detail: string }).detail).toMatch(/revoked/);
});

test("the tokens section is usable at 320 px", async ({ page }) => {
  await signInApi(page.request, demo.reviewer);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "API tokens" });
  await expect(section.getByRole("button", { name: "Create token" })).toBeVisible();
  await expect(section.getByText(/No tokens yet|Your API tokens/).first()).toBeVisible();
  await expect(section.getByText("Loading tokens…")).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/settings-tokens-320.png", fullPage: true });
});
