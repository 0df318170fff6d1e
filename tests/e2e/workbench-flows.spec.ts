import { expect, test, type Page } from "@playwright/test";

import { demo, demoComparisonId, signInApi } from "./support/auth";
import { createAnnotation, createLargeComparison, loadComparison, settle, spanOf, type Comparison } from "./support/workbench";

// Issue 12, the workbench: Find passage with normalized matching, deep links,
// returned work in the composer, duplicates, choosing among annotations on one
// passage, markers for screen-reader users, roving focus in the panel, the
// panel keeping five cards in sight, and collapsing titles.

const A_PHRASE = "Most fighters have simply reappeared under the Kremlin-backed “Africa Corps,”";
const B_PHRASE = "claiming mission accomplished";

async function demoComparison(page: Page): Promise<Comparison> {
  return loadComparison(page.request, await demoComparisonId(page.request));
}

/** True when the passage [start, end) has its first line inside its column's text area. */
async function isInView(page: Page, span: { sourceId: string; start: number; end: number }): Promise<boolean> {
  return page.evaluate(({ sourceId, start, end }) => {
    const section = document.querySelector(`section[data-source="${sourceId}"]`);
    const scroller = section?.querySelector<HTMLElement>("[data-scroll-side]");
    const paragraphs = [...(section?.querySelectorAll<HTMLElement>("p[data-start]") ?? [])];
    const p = paragraphs.filter((el) => Number(el.dataset.start) <= start).at(-1);
    if (!scroller || !p?.firstChild) return false;
    const at = start - Number(p.dataset.start);
    const range = document.createRange();
    range.setStart(p.firstChild, at);
    range.setEnd(p.firstChild, Math.min((p.firstChild as Text).length, at + (end - start)));
    const rect = range.getClientRects()[0]!;
    const box = scroller.getBoundingClientRect();
    return rect.top >= box.top && rect.bottom <= box.bottom;
  }, span);
}

test.beforeEach(async ({ page }) => {
  await signInApi(page.request, demo.analyst);
});

test("Find passage ignores curly vs straight quotes, case and repeated spaces, and steps with Enter / Shift+Enter", async ({ page }) => {
  const comparison = await demoComparison(page);
  const a = comparison.sources[0]!;
  const count = a.text.split("Mali’s").length - 1;
  expect(count).toBeGreaterThan(1);
  await page.goto(`/comparisons/${comparison.id}`);
  const find = page.getByRole("searchbox", { name: `Find passage in ${a.title}` });
  await find.fill("MALI's   ");
  const status = page.getByRole("search", { name: "Find passage in A" }).getByRole("status");
  await expect(status).toHaveText(`${count} matches`);
  await find.press("Enter");
  await expect(status).toHaveText(`1 of ${count}`);
  await expect(page.getByRole("toolbar", { name: "Annotate selection" })).toBeVisible();
  await page.keyboard.press("Escape");
  await find.press("Enter");
  await expect(status).toHaveText(`2 of ${count}`);
  await page.keyboard.press("Escape");
  await find.press("Shift+Enter");
  await expect(status).toHaveText(`1 of ${count}`);
  await page.keyboard.press("Escape");
  await find.press("Shift+Enter");
  await expect(status).toHaveText(`${count} of ${count}`);
  await find.fill("repeated  whitespace that is nowhere");
  await expect(status).toHaveText("Not found in this article.");
});

test("a deep link opens the workbench with the annotation selected and its passages in view", async ({ page }) => {
  const comparison = await demoComparison(page);
  const [a, b] = comparison.sources;
  // Three words near the end of A, far below the first screen.
  const lastA = a!.text.lastIndexOf(" ", a!.text.length - 60) + 1;
  const late = a!.text.slice(lastA, a!.text.indexOf(" ", a!.text.indexOf(" ", a!.text.indexOf(" ", lastA) + 1) + 1));
  const spanA = { sourceId: a!.id, start: lastA, end: lastA + late.length, exact: late };
  const spanB = spanOf(b!, "Africa Corps", b!.text.length / 2);
  const created = await createAnnotation(page.request, comparison.id, {
    kind: "agreement",
    rationale: `Deep link target ${Date.now()}`,
    spans: [spanA, spanB],
  });
  await page.goto(`/comparisons/${comparison.id}?annotation=${created.id}`);
  await expect(page.getByTestId("annotation-detail")).toContainText(created.rationale);
  await expect.poll(() => isInView(page, spanA)).toBe(true);
  await expect.poll(() => isInView(page, spanB)).toBe(true);
  await expect(page.locator(`[data-annotation="${created.id}"]`)).toHaveAttribute("aria-current", "true");

  await page.goto(`/comparisons/${comparison.id}?annotation=00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("status").filter({ hasText: "linked annotation is not in this comparison" })).toBeVisible();
});

test("returned work opens in the composer beside the reviewer's request, and resubmitting says what changed", async ({ page, request }) => {
  const comparison = await demoComparison(page);
  const [a, b] = comparison.sources;
  const created = await createAnnotation(page.request, comparison.id, {
    kind: "contradiction",
    rationale: "First attempt at the rebrand contradiction.",
    spans: [spanOf(a!, A_PHRASE), spanOf(b!, B_PHRASE)],
    submit: true,
  });
  await signInApi(request, demo.reviewer);
  const review = await request.post(`/api/v1/annotations/${created.id}/reviews`, {
    data: { decision: "request_changes", comment: "Quote the date of the announcement too.", version: created.version },
  });
  expect(review.status(), await review.text()).toBe(201);

  // One click from "Returned to me" (the link is /comparisons/:id?annotation=:aid&edit=1).
  await page.goto("/review?mine=1");
  await page
    .getByRole("link", { name: /First attempt at the rebrand contradiction/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/comparisons/${comparison.id}\\?annotation=${created.id}&edit=1`));
  const composer = page.getByTestId("composer");
  await expect(composer.getByRole("heading", { name: "Edit annotation" })).toBeVisible();
  await expect(composer.getByTestId("review-reason")).toContainText("Quote the date of the announcement too.");
  await expect(composer.getByTestId("composer-changes")).toHaveText("Nothing changed yet.");
  await page.getByLabel("Rationale").fill("B announces the end in June; A says the fighters simply changed badge.");
  await expect(composer.getByTestId("composer-changes")).toHaveText("Changed so far: rationale.");
  await page.screenshot({ path: "test-results/screenshots/workbench-returned-work.png" });
  await composer.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("annotation-detail")).toContainText("Resubmitted for review: rationale changed.");
  const stored = (await (await page.request.get(`/api/v1/annotations/${created.id}`)).json()) as { status: string };
  expect(stored.status).toBe("in_review");
});

test("a near duplicate is flagged in the composer, which offers to open the existing annotation", async ({ page }) => {
  const comparison = await demoComparison(page);
  const [a, b] = comparison.sources;
  const existing = await createAnnotation(page.request, comparison.id, {
    kind: "contradiction",
    rationale: `Existing rebrand contradiction ${Date.now()}`,
    spans: [spanOf(a!, A_PHRASE), spanOf(b!, B_PHRASE)],
  });
  await page.goto(`/comparisons/${comparison.id}`);
  await page.getByRole("searchbox", { name: `Find passage in ${b!.title}` }).fill(B_PHRASE);
  await page.getByRole("searchbox", { name: `Find passage in ${b!.title}` }).press("Enter");
  await page.getByRole("toolbar", { name: "Annotate selection" }).getByRole("button", { name: "Contradiction" }).click();
  // Nearly the same passage: the existing one without its closing quote mark.
  await page.getByRole("searchbox", { name: `Find passage in ${a!.title}` }).fill(A_PHRASE.slice(0, -2));
  await page.getByRole("searchbox", { name: `Find passage in ${a!.title}` }).press("Enter");
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toContainText(existing.rationale);
  await warning.getByRole("listitem").filter({ hasText: existing.rationale }).getByRole("button", { name: "Open it" }).click();
  await expect(page.getByTestId("composer")).toHaveCount(0);
  await expect(page.getByTestId("annotation-detail")).toContainText(existing.rationale);
});

test("a passage shared by several annotations offers a choice; paragraph markers list them for keyboard users", async ({ page }) => {
  const created = await createLargeComparison(page.request, { words: 400, seed: 3, title: `Shared passage ${Date.now()}` });
  const [a] = created.sources;
  const first = a!.text.indexOf(" ") + 1;
  const exact = a!.text.slice(first, a!.text.indexOf(" ", first + 25));
  const span = { sourceId: a!.id, start: first, end: first + exact.length, exact };
  await createAnnotation(page.request, created.id, { kind: "note", rationale: "First note on the shared passage.", spans: [span] });
  await createAnnotation(page.request, created.id, { kind: "note", rationale: "Second note on the shared passage.", spans: [span] });
  await page.goto(`/comparisons/${created.id}`);
  await settle(page);

  const point = await page.evaluate((start) => {
    const p = document.querySelector<HTMLElement>('[data-text-root="0"] p[data-start="0"]')!;
    const range = document.createRange();
    range.setStart(p.firstChild!, start + 2);
    range.setEnd(p.firstChild!, start + 3);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, first);
  await page.mouse.click(point.x, point.y);
  const chooser = page.getByRole("dialog", { name: "2 annotations on this passage" });
  await expect(chooser.getByRole("button", { name: /Second note/ })).toBeVisible();
  await chooser.getByRole("button", { name: /Second note/ }).click();
  await expect(page.getByTestId("annotation-detail")).toContainText("Second note on the shared passage.");

  const marker = page.getByRole("button", { name: "2 annotations on this paragraph" });
  await marker.focus();
  await page.keyboard.press("Enter");
  const list = page.getByRole("dialog", { name: "2 annotations on this paragraph" });
  await expect(list.getByRole("button", { name: /First note/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(list).toHaveCount(0);
  await expect(marker).toBeFocused();
});

test("the panel is one Tab stop with arrow keys, keeps five cards in sight with one selected, and a skip link leads to it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const created = await createLargeComparison(page.request, { words: 600, seed: 5, title: `Panel ${Date.now()}` });
  const [a, b] = created.sources;
  for (let i = 0; i < 9; i++) {
    const at = a!.text.indexOf(". ", 40 * i + 10) + 2;
    const exact = a!.text.slice(at, a!.text.indexOf(" ", at + 12));
    await createAnnotation(page.request, created.id, {
      kind: i % 2 ? "note" : "agreement",
      rationale: `Panel card ${i}`,
      spans:
        i % 2
          ? [{ sourceId: a!.id, start: at, end: at + exact.length, exact }]
          : [{ sourceId: a!.id, start: at, end: at + exact.length, exact }, spanOf(b!, "said", 50 * i)],
      credibility: i === 0 ? 2 : undefined,
    });
  }
  await page.goto(`/comparisons/${created.id}`);
  const list = page.getByRole("list", { name: "Annotation list" });
  await expect(list.getByRole("button", { name: /Panel card 0/ })).toContainText("cred. 2");

  await page.getByRole("link", { name: "Skip to the annotations panel" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#annotations-panel")).toBeFocused();

  await list.getByRole("button", { name: /Panel card 0/ }).focus();
  await expect(list.locator("button[tabindex='0']")).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("button", { name: /Panel card 1/ })).toBeFocused();
  await page.keyboard.press("End");
  await expect(list.getByRole("button", { name: /Panel card 8/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("annotation-detail")).toContainText("Panel card 8");

  const visibleCards = await page.evaluate(() => {
    const scroller = document.querySelector('[data-testid="annotation-list-scroller"]')!.getBoundingClientRect();
    return [...document.querySelectorAll("[data-annotation]")].filter((card) => {
      const rect = card.getBoundingClientRect();
      return rect.top >= scroller.top - 1 && rect.bottom <= scroller.bottom + 1;
    }).length;
  });
  expect(visibleCards).toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: "test-results/screenshots/workbench-panel-selected.png" });
});

test("long source titles collapse to one line once the text is scrolled", async ({ page }) => {
  const comparison = await demoComparison(page);
  await page.goto(`/comparisons/${comparison.id}`);
  const section = page.locator("section[data-column='1']");
  const title = section.getByRole("heading", { level: 2 });
  const tall = (await title.boundingBox())!.height;
  await page.evaluate(() => (document.querySelector<HTMLElement>('[data-scroll-side="1"]')!.scrollTop = 400));
  await expect(section).toHaveAttribute("data-collapsed", "true");
  await expect.poll(async () => (await title.boundingBox())!.height).toBeLessThan(tall / 1.5);
  await page.evaluate(() => (document.querySelector<HTMLElement>('[data-scroll-side="1"]')!.scrollTop = 0));
  await expect(section).toHaveAttribute("data-collapsed", "false");
});
