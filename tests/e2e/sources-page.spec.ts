import { expect, test, type Browser } from "@playwright/test";

import { demo, signInApi } from "./support/auth";
import { createAnnotationViaApi, createComparisonWithSources, spanIn, uniqueTag } from "./support/data";

// The Sources page (issue 10, item 5): order with the keyboard, relabel, add,
// remove (refused with the reason while annotations use a source), grade with
// a justification, and the grade's history; structure is the creator's,
// grading everyone's.

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await signInApi(page.request, email);
  return page;
}

test("the creator reorders with the keyboard, relabels, adds, removes and grades; the history keeps each grade", async ({ browser }) => {
  const page = await pageFor(browser, demo.analyst);
  const comparison = await createComparisonWithSources(page.request, 3);
  const [a, b] = comparison.sources as [(typeof comparison.sources)[0], (typeof comparison.sources)[0]];
  await createAnnotationViaApi(page.request, comparison.id, {
    kind: "agreement",
    rationale: "A and B agree on the day.",
    spans: [spanIn(a, "the convoy reached Gao on Tuesday"), spanIn(b, "the convoy reached Gao on Tuesday")],
  });

  await page.goto(`/comparisons/${comparison.id}`);
  await page.getByRole("navigation", { name: "Comparison views" }).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  const list = page.getByRole("list", { name: "Sources in reading order" });
  const titles = () => list.getByRole("heading", { level: 2 }).allInnerTexts();
  expect((await titles()).map((t) => t.replace(/^Source [A-L]:\s*/, ""))).toEqual(comparison.sources.map((s) => s.title));

  // Move C up with the keyboard: focus follows the moved source.
  const moveUpC = page.getByRole("button", { name: "Move source C up" });
  await moveUpC.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "moved to position 2 of 3" })).toBeAttached();
  await expect.poll(async () => (await titles())[1]).toContain(comparison.sources[2]!.title);
  await expect(page.getByRole("button", { name: "Move source B up" })).toBeFocused();

  // A used source cannot be removed, and says why; an unused one can.
  const cardA = page.getByRole("article", { name: new RegExp(a.title) });
  await expect(cardA.getByRole("button", { name: "Remove source A" })).toBeDisabled();
  await expect(cardA).toContainText("1 passage of annotations point into it; it cannot be removed.");

  // Relabel A.
  await cardA.getByLabel("Label").fill("Gao Post");
  await cardA.getByRole("button", { name: "Save label" }).click();
  await expect(
    page.getByRole("article", { name: new RegExp(a.title) }).getByRole("button", { name: "Move source Gao Post down" }),
  ).toBeVisible();

  // Grade A twice: the history shows both, newest first, with who and why.
  await cardA.getByLabel(/^B\s+Usually reliable/).check();
  await cardA.getByLabel("Justification").fill("Local outlet with named sources.");
  await cardA.getByRole("button", { name: "Save grade" }).click();
  await expect(cardA).toContainText("graded by Ana Analyst");
  await cardA.getByLabel(/^C\s+Fairly reliable/).check();
  await cardA.getByLabel("Justification").fill("Two corrections this month.");
  await cardA.getByRole("button", { name: "Save grade" }).click();
  await expect(cardA.getByText("C · Fairly reliable")).toBeVisible();
  await cardA.getByText(/Grading history of Gao Post \(2\)/).click();
  const history = cardA.getByRole("listitem");
  await expect(history.first()).toContainText("Ana Analyst graded it C (was B)");
  await expect(history.first()).toContainText("Two corrections this month.");
  await expect(history.nth(1)).toContainText("graded it B");

  // Add a pasted source, then remove it again.
  const add = page.getByRole("group", { name: "Source D" });
  const extra = `Outlet D says the convoy was delayed until Wednesday ${uniqueTag()}.`;
  await add.getByLabel("Article text").fill(extra);
  await add.getByRole("button", { name: "Preview cleaned text" }).click();
  await expect(add.getByLabel("Cleaned text")).toHaveText(extra);
  await add.getByLabel("Title").fill(`Delayed convoy ${uniqueTag()}`);
  await page.getByRole("button", { name: "Add Source D" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source D added." })).toBeAttached();
  await expect(list.getByRole("listitem").filter({ has: page.getByRole("article") })).toHaveCount(4);
  await page.screenshot({ path: "test-results/screenshots/sources-page.png", fullPage: true });
  const cardD = page.getByRole("article", { name: /Delayed convoy/ });
  await cardD.getByRole("button", { name: "Remove source D" }).click();
  await cardD.getByRole("group", { name: "Confirm removing source D" }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("article", { name: /Delayed convoy/ })).toHaveCount(0);

  const detail = (await (await page.request.get(`/api/v1/comparisons/${comparison.id}`)).json()) as {
    sources: Array<{ id: string; label: string; reliability: string | null; reliabilityNote: string | null }>;
  };
  expect(detail.sources.map((s) => s.id)).toEqual([a.id, comparison.sources[2]!.id, b.id]);
  expect(detail.sources[0]).toMatchObject({ label: "Gao Post", reliability: "C", reliabilityNote: "Two corrections this month." });
});

test("another analyst grades but cannot change the list", async ({ browser }) => {
  const owner = await pageFor(browser, demo.analyst);
  const comparison = await createComparisonWithSources(owner.request, 2);
  const other = await pageFor(browser, demo.analyst2);
  await other.goto(`/comparisons/${comparison.id}/sources`);
  await expect(other.getByRole("button", { name: /Move source/ })).toHaveCount(0);
  await expect(other.getByRole("button", { name: /Remove source/ })).toHaveCount(0);
  await expect(other.getByRole("heading", { name: "Add a source" })).toHaveCount(0);
  await expect(other.getByText("Only the person who created this comparison")).toBeVisible();
  const card = other.getByRole("article").first();
  await card.getByLabel(/^E\s+Unreliable/).check();
  await card.getByRole("button", { name: "Save grade" }).click();
  await expect(card).toContainText("graded by Ari Analyst");
  // The API agrees: moving is refused.
  const moved = await other.request.patch(`/api/v1/comparisons/${comparison.id}/sources/${comparison.sources[1]!.id}`, {
    data: { position: 0 },
  });
  expect(moved.status()).toBe(403);
});
