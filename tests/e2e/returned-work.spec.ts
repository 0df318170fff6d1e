import { expect, test, type Browser } from "@playwright/test";

import { demo, signInApi } from "./support/auth";
import { createAnnotationViaApi, createComparisonWithSources, spanIn, uniqueTag } from "./support/data";

// Issue 12, flow 1: what comes back reaches its author with the reason and a
// way to act on it; and an author can take their work back from review.

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await signInApi(page.request, email);
  return page;
}

async function submitted(browser: Browser, rationale: string) {
  const analyst = await pageFor(browser, demo.analyst);
  const comparison = await createComparisonWithSources(analyst.request, 2);
  const [a, b] = comparison.sources as [(typeof comparison.sources)[0], (typeof comparison.sources)[0]];
  const annotation = await createAnnotationViaApi(analyst.request, comparison.id, {
    kind: "contradiction",
    rationale,
    spans: [spanIn(a, "1 trucks carried fuel"), spanIn(b, "2 trucks carried fuel")],
    submit: true,
  });
  return { analyst, comparison, annotation };
}

test("a rejected annotation reaches its author with the reason, to revise in the composer or delete", async ({ browser }) => {
  const rationale = `The outlets count different trucks ${uniqueTag()}`;
  const { analyst, comparison, annotation } = await submitted(browser, rationale);
  const reviewer = await pageFor(browser, demo.reviewer);
  const rejected = await reviewer.request.post(`/api/v1/annotations/${annotation.id}/reviews`, {
    data: { decision: "reject", comment: "One truck versus two is not a contradiction worth reporting.", version: annotation.version },
  });
  expect(rejected.status()).toBe(201);

  await analyst.goto("/");
  await analyst
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /Returned to me/ })
    .click();
  const item = analyst.getByRole("listitem").filter({ hasText: rationale });
  await expect(item).toContainText("Rey Reviewer rejected it: One truck versus two is not a contradiction worth reporting.");
  await expect(item).toContainText("Rejected");
  const revise = item.getByRole("link", { name: "Revise into a new draft" });
  await expect(revise).toHaveAttribute("href", `/comparisons/${comparison.id}?annotation=${annotation.id}&edit=1`);
  await expect(item.getByRole("link", { name: rationale })).toHaveAttribute(
    "href",
    `/comparisons/${comparison.id}?annotation=${annotation.id}&edit=1`,
  );
  await analyst.screenshot({ path: "test-results/screenshots/returned-to-me.png", fullPage: true });

  await item.getByRole("button", { name: `Delete: ${rationale}` }).click();
  await item.getByRole("button", { name: "Delete annotation" }).click();
  await expect(analyst.getByRole("listitem").filter({ hasText: rationale })).toHaveCount(0);
  expect((await analyst.request.get(`/api/v1/annotations/${annotation.id}`)).status()).toBe(404);
});

test("an author withdraws an annotation from review on its history page; reviewers no longer see it", async ({ browser }) => {
  const rationale = `Withdraw me ${uniqueTag()}`;
  const { analyst, annotation } = await submitted(browser, rationale);
  await analyst.goto(`/annotations/${annotation.id}`);
  await analyst.getByRole("button", { name: "Withdraw from review" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Withdrawn: the annotation is a draft again" })).toBeVisible();
  const current = (await (await analyst.request.get(`/api/v1/annotations/${annotation.id}`)).json()) as { status: string };
  expect(current.status).toBe("draft");
  await expect(analyst.getByRole("button", { name: "Withdraw from review" })).toHaveCount(0);

  const reviewer = await pageFor(browser, demo.reviewer);
  await reviewer.goto("/review");
  await expect(reviewer.getByRole("link", { name: rationale })).toHaveCount(0);
  // A draft is its author's alone: the review page answers "not found".
  await reviewer.goto(`/review/${annotation.id}`);
  await expect(reviewer.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await reviewer.request.get(`/api/v1/annotations/${annotation.id}`)).status()).toBe(404);
});
