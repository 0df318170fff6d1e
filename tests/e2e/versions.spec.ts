import { expect, test, type Page } from "@playwright/test";

import { demo, signInApi } from "./support/auth";

// Source versions (issue 15): an analyst pastes a new version of an article
// with a paragraph removed and a number changed; the workbench flags the two
// affected findings (one approved), the analyst re-selects the changed
// passage in the new text, the diff view shows both changes, and the
// reviewer finds a notification.

const P1 = "Mali's junta announced on Monday that Wagner fighters had left the country after three years.";
const P2 = "At least 12 soldiers were killed in an ambush near Kidal, according to the army.";
const P3 = "Residents of Bamako said they feared a return of the fighting in the north.";
const P4 = "The Africa Corps will keep about 1,000 Russian personnel in the country.";
const OTHER = "The army said no soldiers died in the ambush near Kidal. Officials in Bamako praised the Russian instructors.";
const NEW_TEXT = [P1, P2.replace("12", "19"), P4].join("\n\n");

type Source = { id: string; text: string };
type Span = { sourceId: string; start: number; end: number; exact: string };

function spanOf(source: Source, exact: string): Span {
  const start = source.text.indexOf(exact);
  expect(start, exact).toBeGreaterThanOrEqual(0);
  return { sourceId: source.id, start, end: start + exact.length, exact };
}

/** Drags the mouse across `phrase` in one workbench column (0 = the first). */
async function dragAcross(page: Page, side: 0 | 1, phrase: string): Promise<void> {
  const points = await page.evaluate(
    ({ side, phrase }) => {
      const root = document.querySelector(`[data-text-root="${side}"]`)!;
      const node = Array.from(root.querySelectorAll("p")).find((p) => p.textContent?.includes(phrase))?.firstChild;
      if (!node) throw new Error(`phrase not rendered: ${phrase}`);
      const start = node.textContent!.indexOf(phrase);
      const rangeOf = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range;
      };
      const first = rangeOf(start, start + 1).getClientRects()[0]!;
      const last = rangeOf(start + phrase.length - 1, start + phrase.length).getClientRects()[0]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    { side, phrase },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}

test("a new version flags the affected findings, a passage is re-selected, and the diff shows the change", async ({ page, browser }) => {
  await signInApi(page.request, demo.analyst);
  const created = await page.request.post("/api/v1/comparisons", {
    data: {
      title: `Kidal ambush ${Date.now()}`,
      sources: [
        { title: "Army toll report", text: [P1, P2, P3, P4].join("\n\n") },
        { title: "Ministry statement", text: OTHER },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const comparisonId = ((await created.json()) as { id: string }).id;
  const detail = (await (await page.request.get(`/api/v1/comparisons/${comparisonId}`)).json()) as { sources: Source[] };
  const [a, b] = detail.sources as [Source, Source];
  const annotate = async (data: Record<string, unknown>) => {
    const response = await page.request.post(`/api/v1/comparisons/${comparisonId}/annotations`, { data });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; version: number };
  };
  await annotate({ kind: "note", rationale: "Fear of renewed fighting.", spans: [spanOf(a, "feared a return of the fighting")] });
  await annotate({ kind: "note", rationale: "Size of the Russian presence.", spans: [spanOf(a, "about 1,000 Russian personnel")] });
  const toll = await annotate({
    kind: "contradiction",
    rationale: "The army's toll contradicts the ministry.",
    spans: [spanOf(a, "At least 12 soldiers were killed"), spanOf(b, "no soldiers died in the ambush")],
    submit: true,
  });

  const reviewer = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(reviewer.request, demo.reviewer);
  const approved = await reviewer.request.post(`/api/v1/annotations/${toll.id}/reviews`, {
    data: { decision: "approve", version: toll.version },
  });
  expect(approved.status(), await approved.text()).toBe(201);

  // Paste the new version: the third paragraph removed, 12 corrected to 19.
  await page.goto(`/sources/${a.id}/versions`);
  await page.getByRole("button", { name: "New version" }).click();
  const dialog = page.getByRole("dialog", { name: "New version of this source" });
  await dialog.getByLabel("Paste text").check();
  await dialog.getByLabel("New text").fill(NEW_TEXT);
  await dialog.getByRole("button", { name: "Save version" }).click();
  const summary = dialog.getByTestId("reanchor-summary");
  await expect(summary).toContainText("Version 2 saved.");
  await expect(summary).toContainText("1 unchanged, 1 changed, 1 orphaned");
  await expect(summary).toContainText("2 findings flagged for re-check");
  await page.screenshot({ path: "test-results/screenshots/versions-new-version.png", fullPage: true });
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("rowheader", { name: "2 latest" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Compare version 1 with version 2" })).toBeVisible();

  // The workbench flags both findings and says the findings were made on an older version.
  await page.goto(`/comparisons/${comparisonId}`);
  await expect(page.getByTestId("older-version-banner").filter({ visible: true })).toContainText(
    "findings were made on an older version (version 1)",
  );
  await expect(page.getByTestId("older-version-banner").filter({ visible: true })).toContainText("2 to re-check");
  const panel = page.getByRole("complementary", { name: "Annotations panel" });
  await expect(panel.getByTestId("recheck-badge")).toHaveCount(2);
  await expect(panel.getByText("Approved on older version")).toBeVisible();

  await panel.getByText("The army's toll contradicts the ministry.").click();
  const selected = page.getByTestId("annotation-detail");
  const recheck = selected.getByTestId("span-recheck");
  await expect(recheck).toContainText("Changed in the latest version");
  await expect(recheck).toContainText("At least 12 soldiers were killed");
  await expect(recheck).toContainText("At least 19 soldiers were killed");
  await page.screenshot({ path: "test-results/screenshots/versions-workbench-flagged.png" });

  // Re-select the passage in the new text: an edit, so the approved finding goes back to draft.
  await recheck.getByRole("button", { name: "Re-select in the new version" }).click();
  await expect(recheck.getByRole("status")).toContainText("Select the passage in the latest text");
  await dragAcross(page, 0, "At least 19 soldiers were killed");
  await expect(selected.getByRole("status").filter({ hasText: "Passage re-selected" })).toBeVisible();
  await expect(selected).toContainText("Draft");
  await expect(selected.getByTestId("span-recheck")).toHaveCount(0);
  await expect(selected).toContainText("“At least 19 soldiers were killed”");
  await expect(panel.getByTestId("recheck-badge")).toHaveCount(1);
  const after = (await (await page.request.get(`/api/v1/annotations/${toll.id}`)).json()) as {
    status: string;
    spans: Array<{ exact: string; version: { number: number }; anchor: { status: string } }>;
  };
  expect(after.status).toBe("draft");
  expect(after.spans[0]).toMatchObject({
    exact: "At least 19 soldiers were killed",
    version: { number: 2 },
    anchor: { status: "unchanged" },
  });
  await page.screenshot({ path: "test-results/screenshots/versions-workbench-reselected.png" });

  // The workbench can show version 1 read-only, with the passages made on it.
  await page.getByLabel("A:").selectOption({ value: "1" });
  await expect(page).toHaveURL(new RegExp(`version=${a.id}%3A1$`));
  await expect(page.getByTestId("source-versions-bar")).toContainText("Showing version 1 (read-only)");
  const leftText = page.locator('[data-text-root="0"]');
  await expect(leftText).toContainText("At least 12 soldiers were killed");
  await expect(leftText).toContainText("feared a return of the fighting");
  await dragAcross(page, 0, "feared a return of the fighting");
  await expect(page.getByRole("toolbar")).toHaveCount(0);
  await page.getByLabel("A:").selectOption({ index: 0 });
  await expect(leftText).toContainText("At least 19 soldiers were killed");

  // The diff view shows the removed paragraph and the corrected number.
  await page.getByRole("link", { name: "What changed" }).click();
  await expect(page).toHaveURL(new RegExp(`/sources/${a.id}/versions/1/diff/2$`));
  const diff = page.getByTestId("diff-view");
  await expect(diff.locator('[data-diff="deleted"]')).toContainText("feared a return of the fighting");
  await expect(diff.locator('[data-diff="changed"] del')).toHaveText("[deleted: 12]");
  await expect(diff.locator('[data-diff="changed"] ins')).toHaveText("[inserted: 19]");
  await expect(page.getByTestId("diff-stats")).toContainText("+1 words");
  await page.screenshot({ path: "test-results/screenshots/versions-diff.png", fullPage: true });

  // The reviewer who approved the toll finding was notified.
  const reviewerPage = await reviewer.newPage();
  await reviewerPage.goto("/notifications");
  await expect(reviewerPage.getByRole("link", { name: /Notifications/ })).toContainText("1");
  await expect(reviewerPage.getByRole("main")).toContainText("changed (version 2)");
  await reviewerPage.getByRole("button", { name: "Mark read" }).first().click();
  await expect(reviewerPage.getByRole("button", { name: "Mark read" })).toHaveCount(0);
  await reviewer.close();
});

test("admins find Check all sources; analysts do not", async ({ page }) => {
  await signInApi(page.request, demo.admin);
  await page.goto("/admin/sources");
  await expect(page.getByRole("heading", { name: "Check all sources" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Check all sources" })).toBeEnabled();
  await page.screenshot({ path: "test-results/screenshots/versions-check-all.png" });
  const analyst = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(analyst.request, demo.analyst);
  expect((await analyst.request.post("/api/v1/source-checks")).status()).toBe(403);
  await analyst.close();
});

test("the diff page and the versions page work at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signInApi(page.request, demo.analyst);
  const created = await page.request.post("/api/v1/sources", { data: { title: "Narrow", text: [P1, P2].join("\n\n") } });
  const source = (await created.json()) as { id: string };
  const added = await page.request.post(`/api/v1/sources/${source.id}/versions`, { data: { text: [P2, P1].join("\n\n") } });
  expect(added.status()).toBe(201);
  await page.goto(`/sources/${source.id}/versions/1/diff/2`);
  await expect(page.getByTestId("diff-view").locator('[data-diff^="moved"]')).toHaveCount(2);
  // The diff itself fits (the app header's own narrow layout is not this page's).
  const overflow = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    return Math.max(main.scrollWidth - main.clientWidth, main.getBoundingClientRect().right - window.innerWidth);
  });
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: "test-results/screenshots/versions-diff-320.png", fullPage: true });
});
