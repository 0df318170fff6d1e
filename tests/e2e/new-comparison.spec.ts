import { expect, test } from "@playwright/test";

import { demo, signIn } from "./support/auth";
import { uniqueTag } from "./support/data";

// Issue 12 on the new-comparison form: boilerplate in the preview (bug 7),
// the preview is exactly what is saved and goes out of date when its inputs
// change (bug 8), focus on the error summary after a failed create (bug 9),
// the title pre-filled from Source A's headline and checked as you type (flow 7).

test("the preview is what is saved: headline as title, boilerplate removed, out of date when the title changes", async ({ page }) => {
  await signIn(page, demo.analyst);
  const tag = uniqueTag();
  const headline = `Convoy reaches Gao after three-day delay ${tag}`;
  const body = "The fuel convoy reached Gao on Tuesday, officials said.";
  const articleA = [
    "Skip to content",
    headline,
    "Share this article on WhatsApp",
    body,
    "Comment policy: Comments are moderated and may take 24 hours to appear.",
  ].join("\n\n");
  await page.goto("/comparisons/new");
  const sideA = page.getByRole("group", { name: "Source A" });
  await sideA.getByLabel("Article text").fill(articleA);
  await sideA.getByRole("button", { name: "Preview cleaned text" }).click();

  // The headline became the source's title and, until the analyst types one, the comparison's.
  await expect(sideA.getByLabel("Title")).toHaveValue(headline);
  await expect(page.getByLabel("Title").first()).toHaveValue(headline);
  await expect(page.getByText("Taken from Source A's headline")).toBeVisible();
  await expect(sideA.getByLabel("Cleaned text")).toHaveText(body);
  const removed = sideA.getByRole("list", { name: "Removed lines" });
  for (const line of ["Skip to content", "Share this article on WhatsApp", "Comment policy: Comments are moderated", headline]) {
    await expect(removed).toContainText(line);
  }
  await expect(sideA.getByText(/exactly what will be saved/)).toBeVisible();

  // Changing the title changes what cleaning keeps: the preview says it is out of date.
  await sideA.getByLabel("Title").fill(`Fuel convoy ${tag}`);
  await expect(sideA.getByText("Out of date", { exact: true })).toBeVisible();
  await expect(sideA.getByText(/the text or the title changed/)).toBeVisible();

  const sideB = page.getByRole("group", { name: "Source B" });
  await sideB.getByLabel("Article text").fill(`Residents say the convoy arrived on Wednesday ${tag}.`);
  await sideB.getByRole("button", { name: "Preview cleaned text" }).click();
  await sideB.getByLabel("Title").fill(`Residents' account ${tag}`);

  // Creating remakes the stale previews; A's text changed (its headline is now body text), so it stops to show it.
  await page.getByRole("button", { name: "Create comparison" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "The comparison was not created" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Source A: check its cleaned text (updated)");
  await expect(sideA.getByLabel("Cleaned text")).toHaveText(`${headline}\n\n${body}`);
  await page.screenshot({ path: "test-results/screenshots/new-comparison-preview-updated.png", fullPage: true });

  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/comparisons\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const saved = (await (await page.request.get(`/api/v1/comparisons/${id}`)).json()) as {
    title: string;
    sources: Array<{ text: string; title: string }>;
  };
  expect(saved.title).toBe(`Fuel convoy ${tag}`);
  expect(saved.sources[0]).toMatchObject({ title: `Fuel convoy ${tag}`, text: `${headline}\n\n${body}` });
  expect(saved.sources[1]!.text).toBe(`Residents say the convoy arrived on Wednesday ${tag}.`);
});

test("a failed create focuses the error summary; the title is checked as you type", async ({ page }) => {
  await signIn(page, demo.analyst);
  await page.goto("/comparisons/new");
  const title = page.getByLabel("Title").first();
  await title.fill("x");
  await title.fill("");
  await expect(page.getByText("Give the comparison a title.")).toBeVisible();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await title.fill("A".repeat(301));
  await expect(page.getByText("At most 300 characters.")).toBeVisible();
  await title.fill(`Two sources ${uniqueTag()}`);
  await expect(title).toHaveAttribute("aria-invalid", "false");

  // Source B picks an existing source but none is chosen; Source A is empty.
  await page.getByRole("group", { name: "Source B" }).getByText("Existing source").click();
  await page.getByRole("button", { name: "Create comparison" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "The comparison was not created" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Source B: choose a source.");
  await expect(summary).toContainText("Source A: fix its content, then preview it.");
  await page.screenshot({ path: "test-results/screenshots/new-comparison-errors.png", fullPage: true });
  await summary.getByRole("link", { name: "Source B: choose a source." }).click();
  await expect(page.getByRole("group", { name: "Source B" }).getByLabel("Source", { exact: true })).toBeFocused();

  // A metadata field is checked as you type.
  const sideA = page.getByRole("group", { name: "Source A" });
  await sideA.getByLabel("Article text").fill("Officials said the convoy reached Gao on Tuesday.");
  await sideA.getByRole("button", { name: "Preview cleaned text" }).click();
  await sideA.getByLabel("URL", { exact: true }).fill("not a url");
  await expect(sideA.getByText("Give an http:// or https:// address.")).toBeVisible();
});
