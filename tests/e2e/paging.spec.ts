import { expect, test, type Browser } from "@playwright/test";

import { demo, signInApi } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { createAnnotationViaApi, createComparisonWithSources, spanIn, uniqueTag } from "./support/data";

// Issue 16, item 4: lists come in pages. A reviewer with more waiting items
// than a page holds pages through all of them by keyboard; the API answers a
// bad cursor or limit with a 400 naming it.

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await signInApi(page.request, email);
  return page;
}

test("the review queue pages through 52 waiting notes by keyboard, 50 then 2, and back", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const analyst = await pageFor(browser, demo.analyst);
  const comparison = await createComparisonWithSources(analyst.request, 2);
  const passage = spanIn(comparison.sources[0]!, "trucks carried fuel");
  for (let i = 0; i < 52; i++) {
    await createAnnotationViaApi(analyst.request, comparison.id, {
      kind: "note",
      rationale: `Paged ${tag} ${i}`,
      spans: [passage],
      submit: true,
    });
  }

  const reviewer = await pageFor(browser, demo.reviewer);
  await reviewer.goto(`/review?comparison=${comparison.id}`);
  const items = reviewer.getByText(new RegExp(`^Paged ${tag} \\d+$`));
  await expect(items).toHaveCount(50);
  await expect(reviewer.getByText(`Paged ${tag} 0`, { exact: true })).toBeVisible();
  const pages = reviewer.getByRole("navigation", { name: "Pages of the review queue" });
  const next = pages.getByRole("link", { name: "Next page" });
  await next.focus();
  await expect(next).toBeFocused();
  await reviewer.keyboard.press("Enter");
  await expect(reviewer).toHaveURL(/cursor=/);
  await expect(items).toHaveCount(2);
  await expect(reviewer.getByText(`Paged ${tag} 51`, { exact: true })).toBeVisible();
  await expect(pages.getByText("End of the list.")).toBeVisible();
  await expectNoAxeViolations(reviewer, "review queue, second page");
  await reviewer.screenshot({ path: test.info().outputPath("review-queue-page-2.png"), fullPage: true });

  await pages.getByRole("link", { name: "First page" }).click();
  await expect(items).toHaveCount(50);
  await expect(reviewer).toHaveURL(new RegExp(`comparison=${comparison.id}$`));

  // The queue is oldest first: 52 waiting notes would push what later specs submit off its first page.
  const admin = await pageFor(browser, demo.admin);
  expect((await admin.request.delete(`/api/v1/comparisons/${comparison.id}`)).status()).toBe(204);
});

test("the API pages lists by cursor and names a bad cursor or limit", async ({ browser }) => {
  const reviewer = await pageFor(browser, demo.reviewer);
  const first = await reviewer.request.get("/api/v1/comparisons?limit=1");
  expect(first.status()).toBe(200);
  const page1 = (await first.json()) as { comparisons: Array<{ id: string }>; nextCursor: string | null };
  expect(page1.comparisons).toHaveLength(1);
  expect(page1.nextCursor).toEqual(expect.any(String));
  const page2 = (await (await reviewer.request.get(`/api/v1/comparisons?limit=1&cursor=${page1.nextCursor}`)).json()) as typeof page1;
  expect(page2.comparisons[0]!.id).not.toBe(page1.comparisons[0]!.id);

  for (const [query, field] of [
    ["cursor=not-ours", "cursor"],
    ["limit=500", "limit"],
  ] as const) {
    const bad = await reviewer.request.get(`/api/v1/reviews/queue?${query}`);
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    expect(((await bad.json()) as { errors: Record<string, string> }).errors).toHaveProperty(field);
  }
});
