import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { demo, demoComparisonId, signInApi } from "./support/auth";
import { clickGutter, createAnnotation, gutterFrame, loadComparison, settle, spanOf } from "./support/workbench";

// The workbench across screen sizes and for assistive technology: three
// columns on wide screens, links to sources not on screen, one source at a
// time with tabs at 320 px (WCAG 1.4.10), right-to-left text, axe (WCAG 2.1
// A/AA) with 0 violations, no Content-Security-Policy violation, and status
// cues that differ by more than a faint overlay.

test.beforeEach(async ({ page }) => {
  await signInApi(page.request, demo.analyst);
});

test("three columns on a wide screen, with connectors between adjacent columns", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1000 });
  const id = await demoComparisonId(page.request);
  await page.goto(`/comparisons/${id}`);
  await expect(page.locator("section[data-column]")).toHaveCount(3);
  await expect(page.locator("canvas[data-gutter]")).toHaveCount(2);
  await expect(page.getByText("Reliability C").first()).toBeVisible();
  const widths = await page.locator("section[data-column]").evaluateAll((sections) => sections.map((s) => s.getBoundingClientRect().width));
  for (const width of widths) expect(width, "each column stays readable").toBeGreaterThan(380);
  await settle(page);
  await page.screenshot({ path: "test-results/screenshots/workbench-three-columns.png" });
});

test("a link to a source that is not on screen shows where it goes and brings that source into a column", async ({ page }) => {
  const comparison = await loadComparison(page.request, await demoComparisonId(page.request));
  const [a, , c] = comparison.sources;
  const phraseA = "Bamako";
  const created = await createAnnotation(page.request, comparison.id, {
    kind: "agreement",
    rationale: `A and C both place it in the capital ${Date.now()}`,
    spans: [spanOf(a!, phraseA), spanOf(c!, c!.text.split(" ").slice(2, 6).join(" "))],
  });
  await page.goto(`/comparisons/${comparison.id}`);
  await settle(page);
  const chip = (await gutterFrame(page, 0))?.chips.find((candidate) => candidate.id === created.id);
  expect(chip?.targets).toEqual([c!.id]);
  expect(chip?.label).toBe(`→${c!.label}`);
  await clickGutter(page, 0, chip!.side === "left" ? chip!.x + 20 : chip!.x - 20, chip!.y);
  await expect(page.locator(`section[data-source="${c!.id}"]`)).toBeVisible();
  await settle(page);
  await expect.poll(async () => (await gutterFrame(page, 0))?.connectors.some((connector) => connector.id === created.id)).toBe(true);
});

test("at 320 px one source at a time with tabs, the panel as a drawer, and nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  const comparison = await loadComparison(page.request, await demoComparisonId(page.request));
  await page.goto(`/comparisons/${comparison.id}`);
  const tabs = page.getByRole("tablist", { name: "Sources" });
  await expect(tabs.getByRole("tab")).toHaveCount(comparison.sources.length);
  await expect(page.locator("section[data-column]")).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: "test-results/screenshots/workbench-320.png" });

  await tabs.getByRole("tab", { name: new RegExp(`^${comparison.sources[1]!.label} ·`) }).click();
  await expect(page.locator("section[data-column]")).toHaveAttribute("data-source", comparison.sources[1]!.id);
  await expect(page.getByRole("complementary", { name: "Annotations panel" })).toBeHidden();
  await page.getByRole("button", { name: /^Annotations \(\d+\)$/ }).click();
  const panel = page.getByRole("complementary", { name: "Annotations panel" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("list", { name: "Annotation list" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: "test-results/screenshots/workbench-320-panel.png" });
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
});

test("right-to-left text is laid out right to left in the columns, the panel and the composer", async ({ page }) => {
  const arabic =
    "قالت الحكومة إن القوات غادرت المدينة يوم الاثنين بعد اتفاق مع السكان المحليين.\n\nونفى المتحدث باسم الجيش أن تكون هناك أي خسائر في صفوف المدنيين خلال العملية.";
  const english =
    "The government said the troops left the city on Monday after an agreement with local residents.\n\nThe army spokesman denied any civilian casualties.";
  const ids: string[] = [];
  for (const [title, text, language] of [
    ["تقرير", arabic, "ar"],
    ["Report", english, "en"],
  ] as const) {
    const response = await page.request.post("/api/v1/sources", { data: { title, text, language } });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(((await response.json()) as { id: string }).id);
  }
  const response = await page.request.post("/api/v1/comparisons", { data: { title: `RTL ${Date.now()}`, sourceIds: ids } });
  const comparison = await loadComparison(page.request, ((await response.json()) as { id: string }).id);
  const [ar, en] = comparison.sources;
  await createAnnotation(page.request, comparison.id, {
    kind: "agreement",
    rationale: "يتفق المصدران على موعد المغادرة.",
    spans: [spanOf(ar!, "غادرت المدينة يوم الاثنين"), spanOf(en!, "left the city on Monday")],
  });
  await page.goto(`/comparisons/${comparison.id}`);
  const direction = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).direction);
  expect(await direction(`section[data-source="${ar!.id}"] p[data-start]`)).toBe("rtl");
  expect(await direction(`section[data-source="${en!.id}"] p[data-start]`)).toBe("ltr");
  const card = page.getByRole("list", { name: "Annotation list" }).getByRole("button").first();
  expect(
    await card
      .locator("span[dir=auto]")
      .first()
      .evaluate((el) => getComputedStyle(el).direction),
  ).toBe("rtl");
  await card.click();
  await page.getByTestId("annotation-detail").getByRole("button", { name: "Edit" }).click();
  expect(
    await page
      .getByTestId("composer")
      .locator("blockquote")
      .first()
      .evaluate((el) => getComputedStyle(el).direction),
  ).toBe("rtl");
  expect(await page.getByLabel("Rationale").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  await page.screenshot({ path: "test-results/screenshots/workbench-rtl.png" });
});

test("axe reports no WCAG 2.1 A/AA violation on the workbench, with and without a selected annotation", async ({ page }) => {
  const id = await demoComparisonId(page.request);
  await page.goto(`/comparisons/${id}`);
  await settle(page);
  const scan = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const first = await scan();
  expect(first.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.getByRole("list", { name: "Annotation list" }).getByRole("button").first().click();
  await expect(page.getByTestId("annotation-detail")).toBeVisible();
  const second = await scan();
  expect(second.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("the workbench runs without any Content-Security-Policy violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const comparison = await loadComparison(page.request, await demoComparisonId(page.request));
  await page.goto(`/comparisons/${comparison.id}`);
  await settle(page);
  await page.getByRole("list", { name: "Annotation list" }).getByRole("button").first().click();
  await page.getByRole("searchbox", { name: `Find passage in ${comparison.sources[0]!.title}` }).fill("Wagner");
  await page.getByRole("searchbox", { name: `Find passage in ${comparison.sources[0]!.title}` }).press("Enter");
  await page.getByRole("toolbar", { name: "Annotate selection" }).getByRole("button", { name: "Note" }).click();
  await expect(page.getByTestId("composer")).toBeVisible();
  const reported = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect([...reported, ...violations]).toEqual([]);
});

test("approved and in-review passages are painted with different highlight styles", async ({ page }) => {
  const comparison = await loadComparison(page.request, await demoComparisonId(page.request));
  const statuses = new Set(comparison.annotations.map((a) => a.status));
  expect(statuses.has("approved") && statuses.has("in_review")).toBe(true);
  await page.goto(`/comparisons/${comparison.id}`);
  const approved = comparison.annotations.find((a) => a.status === "approved")!;
  const inReview = comparison.annotations.find((a) => a.status === "in_review")!;
  const sizes = async (id: string) => {
    await page.getByRole("list", { name: "Annotation list" }).locator(`[data-annotation="${id}"]`).click();
    await settle(page);
    return page.evaluate(() => {
      const sizes = { strong: 0, review: 0 };
      CSS.highlights.forEach((highlight, name) => {
        if (name.endsWith("-approved")) sizes.strong += highlight.size;
        if (name.endsWith("-in_review")) sizes.review += highlight.size;
      });
      return sizes;
    });
  };
  expect((await sizes(approved.id)).strong).toBeGreaterThan(0);
  expect((await sizes(inReview.id)).review).toBeGreaterThan(0);
});
