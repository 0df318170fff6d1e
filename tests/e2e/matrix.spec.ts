import { expect, test } from "@playwright/test";

import { demo, demoComparisonId, signIn } from "./support/auth";
import { createAnnotationViaApi, createComparisonWithSources, spanIn } from "./support/data";

// The evidence matrix (issue 10, item 4): claims × sources, readable without
// colour, quotes on hover and focus, filters, ordering, keyboard, 12 sources
// with a sticky claim column, 320 px, and the empty state.

test("the seeded comparison's matrix: grades, stances, quotes on focus and hover, filters, order, deep links", async ({ page }) => {
  await signIn(page, demo.analyst);
  const comparisonId = await demoComparisonId(page.request);
  await page.goto(`/comparisons/${comparisonId}`);
  await page.getByRole("navigation", { name: "Comparison views" }).getByRole("link", { name: "Evidence matrix" }).click();
  await expect(page).toHaveURL(new RegExp(`/comparisons/${comparisonId}/matrix$`));
  await expect(page.getByRole("heading", { name: "Evidence matrix", level: 1 })).toBeVisible();

  const grid = page.getByRole("grid", { name: "Evidence matrix" });
  const headers = grid.getByRole("columnheader");
  await expect(headers).toHaveCount(4);
  await expect(headers.nth(1)).toContainText("Rifts Deepen in Mali’s Military Over Wagner Legacy");
  await expect(headers.nth(1)).toContainText("Reliability C · Fairly reliable");
  await expect(headers.nth(2)).toContainText("Reliability D");
  await expect(headers.nth(3)).toContainText("Reliability not graded");
  // The seeded contradiction sets A against C: both are "contradicted once".
  await expect(headers.nth(1)).toContainText("Contradicted once");
  await expect(headers.nth(2)).toContainText("Contradicted 0 times");
  await expect(headers.nth(3)).toContainText("Contradicted once");

  // Three claims (the note is not a claim); stances in words.
  const rows = grid.getByRole("row");
  await expect(rows).toHaveCount(4);
  const threeWay = rows.filter({ hasText: "All three sources agree" });
  await expect(threeWay.getByRole("gridcell")).toHaveText([/Supports/, /Supports/, /Supports/]);
  const clash = rows.filter({ hasText: "the sample article C says about half" });
  await expect(clash.getByRole("gridcell")).toHaveText([/Supports/, /Not linked/, /Contradicts/]);
  await expect(clash).toContainText("In review");
  await expect(clash).toContainText("Credibility 3 (Possibly true)");

  // Keyboard: one Tab stop, arrows move between cells, the quote shows on focus.
  const firstLink = grid.getByRole("link").first();
  await firstLink.focus();
  await page.keyboard.press("ArrowRight");
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("data-grid-col", "1");
  await expect(focused.getByRole("tooltip")).toBeVisible();
  await expect(focused.getByRole("tooltip")).toContainText("up to 80% of the unit is composed of ex-Wagner personnel");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(":focus")).toHaveAttribute("data-grid-row", "1");
  await page.keyboard.press("End");
  await expect(page.locator(":focus")).toHaveAttribute("data-grid-col", "3");
  await page.screenshot({ path: "test-results/screenshots/matrix-keyboard-quote.png", fullPage: true });
  // Hover shows the quote too.
  await clash.getByRole("gridcell").nth(2).hover();
  await expect(clash.getByRole("gridcell").nth(2).getByRole("tooltip")).toContainText(
    "about half of its personnel previously served with Wagner",
  );

  // Each claim opens the annotation in the workbench.
  const annotations = (await (await page.request.get(`/api/v1/comparisons/${comparisonId}/matrix`)).json()) as {
    rows: Array<{ annotationId: string; rationale: string }>;
  };
  const clashId = annotations.rows.find((row) => row.rationale.includes("about half"))!.annotationId;
  await expect(clash.getByRole("link")).toHaveAttribute("href", `/comparisons/${comparisonId}?annotation=${clashId}`);

  // Filters: contradictions only, then clear.
  await page.getByLabel("Kind").selectOption("contradiction");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/kind=contradiction/);
  await expect(grid.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: "Claims 1–1 of 1 (filtered from 3)" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await page.getByLabel("Kind").selectOption("contradiction");
  await page.getByLabel("Status").selectOption("approved");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No claim matches these filters (3 in all).")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(grid.getByRole("row")).toHaveCount(4);

  // Ordered by how many sources agree: the three-source agreement first.
  await page.getByRole("link", { name: "Most sources agree" }).click();
  await expect(page).toHaveURL(/sort=agreement/);
  await expect(grid.getByRole("row").nth(1)).toContainText("All three sources agree");
  await expect(grid.getByRole("row").nth(1)).toContainText("3 sources support");
  await page.screenshot({ path: "test-results/screenshots/matrix.png", fullPage: true });
});

test("twelve sources scroll sideways under a sticky claim column, also at 320 px", async ({ page }) => {
  await signIn(page, demo.analyst);
  const comparison = await createComparisonWithSources(page.request, 12);
  const [first, second, third] = comparison.sources as [
    (typeof comparison.sources)[0],
    (typeof comparison.sources)[0],
    (typeof comparison.sources)[0],
  ];
  await createAnnotationViaApi(page.request, comparison.id, {
    kind: "agreement",
    rationale: "All twelve outlets place the convoy in Gao on Tuesday.",
    spans: comparison.sources.map((source) => spanIn(source, "the convoy reached Gao on Tuesday")),
  });
  await createAnnotationViaApi(page.request, comparison.id, {
    kind: "contradiction",
    rationale: "The outlets disagree on how many trucks carried fuel.",
    spans: [spanIn(first, "1 trucks carried fuel"), spanIn(second, "2 trucks carried fuel"), spanIn(third, "3 trucks carried fuel")],
    tags: ["numbers"],
  });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/comparisons/${comparison.id}/matrix`);
  const grid = page.getByRole("grid", { name: "Evidence matrix" });
  await expect(grid.getByRole("columnheader")).toHaveCount(13);
  await expect(grid.getByRole("row").nth(1).getByRole("gridcell").filter({ hasText: "Supports" })).toHaveCount(12);
  await expect(grid.getByRole("row").nth(2).getByRole("gridcell").filter({ hasText: "Contradicts" })).toHaveCount(2);
  await expect(grid.getByRole("row").nth(2).getByRole("gridcell").filter({ hasText: "Not linked" })).toHaveCount(9);

  // Scroll the table to its last source: the claim column stays put.
  const claim = grid.getByRole("rowheader").first();
  const before = await claim.boundingBox();
  const scroller = grid.locator("xpath=..");
  await scroller.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect(grid.getByRole("columnheader").last()).toBeInViewport();
  const after = await claim.boundingBox();
  expect(Math.round(after!.x)).toBe(Math.round(before!.x));
  await page.screenshot({ path: "test-results/screenshots/matrix-12-sources.png" });

  // Keyboard reaches the twelfth source.
  await grid.getByRole("link").first().focus();
  await page.keyboard.press("End");
  await expect(page.locator(":focus")).toHaveAttribute("data-grid-col", "12");
  await expect(page.locator(":focus")).toBeInViewport();

  await page.setViewportSize({ width: 320, height: 800 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const narrowClaim = page.getByRole("grid", { name: "Evidence matrix" }).getByRole("rowheader").first();
  await narrowClaim.scrollIntoViewIfNeeded();
  const box = await narrowClaim.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(320);
  await page.screenshot({ path: "test-results/screenshots/matrix-320.png", fullPage: true });
});

test("a comparison without claims shows the empty state", async ({ page }) => {
  await signIn(page, demo.analyst);
  const comparison = await createComparisonWithSources(page.request, 2);
  await page.goto(`/comparisons/${comparison.id}/matrix`);
  await expect(page.getByRole("heading", { name: "No claims yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Link passages in the workbench" })).toHaveAttribute("href", `/comparisons/${comparison.id}`);
  await expect(page.getByRole("grid")).toHaveCount(0);
});
