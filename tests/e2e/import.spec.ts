import { expect, test, type Page } from "@playwright/test";

import { demo, signInApi } from "./support/auth";

const tag = () => Math.random().toString(36).slice(2, 8);

// The passage in A comes after emoji (astral characters: two UTF-16 units each),
// so a span offset computed in code points instead of code units would be off.
const textA = [
  "Skip to content",
  "Bamako 🇲🇱 — 🚀 Wagner is leaving Mali, claiming mission accomplished after three years.",
  "",
  "Read also: Latest",
  "The junta thanked the Russian instructors 🙏 in a televised address.",
].join("\n");
const textB = [
  "Most fighters have simply reappeared under the Kremlin-backed “Africa Corps,” according to residents.",
  "",
  "Up to 80% of the men stayed in the same bases.",
].join("\n");

async function fillSide(page: Page, group: string, text: string, title: string) {
  const side = page.getByRole("group", { name: group });
  await side.getByLabel("Article text").fill(text);
  await side.getByRole("button", { name: "Preview cleaned text" }).click();
  await expect(side.getByLabel("Cleaned text")).toBeVisible();
  await side.getByLabel("Title").fill(title);
  return side;
}

test("an analyst imports two pasted articles and annotates across them, after an emoji", async ({ page }) => {
  await signInApi(page.request, demo.analyst);
  const id = tag();
  const titleA = `Wagner leaves ${id}`;
  const titleB = `Africa Corps ${id}`;

  await page.goto("/");
  await page.getByRole("link", { name: "New comparison" }).click();
  await expect(page.getByRole("heading", { name: "New comparison" })).toBeVisible();
  await page.getByLabel("Title").first().fill(`Emoji import ${id}`);
  await page.getByLabel("Question").fill("Did Wagner leave, or rebrand?");

  const sideA = await fillSide(page, "Source A", textA, titleA);
  await expect(sideA.getByLabel("Cleaned text")).toHaveText(/^Bamako 🇲🇱 — 🚀 Wagner is leaving Mali/);
  await expect(sideA.getByRole("list", { name: "Removed lines" })).toContainText("Skip to content");
  await expect(sideA.getByRole("list", { name: "Removed lines" })).toContainText("Read also: Latest");
  await sideA.getByLabel("Outlet").fill("Sahel Post");
  await fillSide(page, "Source B", textB, titleB);
  await page.screenshot({ path: "test-results/screenshots/new-comparison-preview.png", fullPage: true });

  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/comparisons\/[0-9a-f-]{36}$/);
  const comparisonId = page.url().split("/").pop()!;
  await expect(page.getByRole("region", { name: titleA })).toContainText("Sahel Post");

  const quoteA = "claiming mission accomplished";
  const quoteB = "simply reappeared under the Kremlin-backed “Africa Corps,”";
  await page.getByLabel(`Find passage in ${titleA}`).fill(quoteA);
  await page.getByLabel(`Find passage in ${titleA}`).press("Enter");
  await page.getByRole("toolbar", { name: "Annotate selection" }).getByRole("button", { name: "Contradiction" }).click();
  await page.getByLabel(`Find passage in ${titleB}`).fill(quoteB);
  await page.getByLabel(`Find passage in ${titleB}`).press("Enter");
  await page.getByLabel("Rationale").fill("Withdrawal versus rebranding.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("list", { name: "Annotation list" })).toContainText("Withdrawal versus rebranding.");

  await page.reload();
  await expect(page.getByRole("list", { name: "Annotation list" })).toContainText("Withdrawal versus rebranding.");
  const { sources, ...detail } = (await (await page.request.get(`/api/v1/comparisons/${comparisonId}`)).json()) as {
    sources: Array<{ id: string; text: string }>;
    annotations: Array<{ kind: string; spans: Array<{ sourceId: string; start: number; end: number; exact: string }> }>;
  };
  const [left, right] = sources as [{ id: string; text: string }, { id: string; text: string }];
  expect(left.text.startsWith("Bamako 🇲🇱 — 🚀 Wagner")).toBe(true);
  const [annotation] = detail.annotations;
  expect(annotation?.kind).toBe("contradiction");
  const spanA = annotation!.spans.find((span) => span.sourceId === left.id)!;
  const spanB = annotation!.spans.find((span) => span.sourceId === right.id)!;
  expect(spanA.exact).toBe(quoteA);
  expect(left.text.slice(spanA.start, spanA.end)).toBe(quoteA);
  expect(spanA.start).toBe(left.text.indexOf(quoteA)); // UTF-16 offsets, emoji counted as two units
  expect(spanB.exact).toBe(quoteB);
  await page.screenshot({ path: "test-results/screenshots/import-workbench.png" });

  // The annotated source can be reused, but its text is now locked.
  await page.goto("/comparisons/new");
  const reuseA = page.getByRole("group", { name: "Source A" });
  await reuseA.getByText("Existing source", { exact: true }).click();
  await expect(reuseA.getByRole("radio", { name: "Existing source" })).toBeChecked();
  await reuseA.getByLabel("Source", { exact: true }).selectOption({ label: `${titleA} — Sahel Post · annotated` });
  await expect(reuseA).toContainText("Annotated: it is used as its latest version");
  await page.screenshot({ path: "test-results/screenshots/new-comparison-existing-locked.png" });
});

test("an admin edits, archives and deletes a comparison from the workbench and the list", async ({ page }) => {
  await signInApi(page.request, demo.admin);
  const id = tag();
  const created = await page.request.post("/api/v1/comparisons", {
    data: {
      title: `To archive ${id}`,
      sources: [
        { title: `Left ${id}`, text: "Left article text." },
        { title: `Right ${id}`, text: "Right article text." },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id: comparisonId } = (await created.json()) as { id: string };

  await page.goto(`/comparisons/${comparisonId}`);
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await page.getByRole("dialog", { name: "Edit comparison" }).getByLabel("Title").fill(`Renamed ${id}`);
  await page.getByRole("dialog", { name: "Edit comparison" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Renamed ${id}` })).toBeVisible();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("link", { name: `Renamed ${id}` })).toHaveCount(0);
  await page.getByRole("link", { name: "Show archived" }).click();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Renamed ${id}` }) });
  await expect(item).toContainText("Archived");
  await page.screenshot({ path: "test-results/screenshots/comparisons-show-archived.png", fullPage: true });

  await item.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete comparison" });
  await expect(dialog.getByRole("button", { name: "Delete comparison" })).toBeDisabled();
  await dialog.getByLabel("Type the title to confirm").fill(`Renamed ${id}`);
  await dialog.getByRole("button", { name: "Delete comparison" }).click();
  await expect(page.getByRole("link", { name: `Renamed ${id}` })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/comparisons/${comparisonId}`)).status()).toBe(404);
});
