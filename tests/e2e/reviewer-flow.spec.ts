import { expect, test, type Browser } from "@playwright/test";

import { demo, signInApi } from "./support/auth";
import { createAnnotationViaApi, createComparisonWithSources, spanIn, uniqueTag } from "./support/data";

// Issue 12, flow 2: after a decision the reviewer goes on to the next item with
// a confirmation; keyboard shortcuts with visible hints; a resubmitted item
// shows the earlier request and what changed.

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await signInApi(page.request, email);
  return page;
}

test("decide with a shortcut, land on the next item, then on the empty queue; a resubmission shows its diff", async ({ browser }) => {
  const author = await pageFor(browser, demo.analyst2);
  const comparison = await createComparisonWithSources(author.request, 2);
  const [a, b] = comparison.sources as [(typeof comparison.sources)[0], (typeof comparison.sources)[0]];
  const tag = uniqueTag();
  const first = await createAnnotationViaApi(author.request, comparison.id, {
    kind: "agreement",
    rationale: `First: both place the convoy in Gao ${tag}`,
    spans: [spanIn(a, "the convoy reached Gao on Tuesday"), spanIn(b, "the convoy reached Gao on Tuesday")],
    submit: true,
  });
  const second = await createAnnotationViaApi(author.request, comparison.id, {
    kind: "contradiction",
    rationale: `Second: truck counts differ ${tag}`,
    spans: [spanIn(a, "1 trucks carried fuel"), spanIn(b, "2 trucks carried fuel")],
    submit: true,
  });

  const reviewer = await pageFor(browser, demo.reviewer);
  await reviewer.goto(`/review?comparison=${comparison.id}`);
  await reviewer.getByRole("link", { name: `First: both place the convoy in Gao ${tag}` }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/review/${first.id}\\?comparison=${comparison.id}$`));
  // Visible hints on the buttons.
  await expect(reviewer.getByRole("button", { name: "Approve" })).toHaveAttribute("aria-keyshortcuts", "A");
  await expect(reviewer.getByRole("button", { name: "Approve" }).locator("kbd")).toHaveText("A");
  await reviewer.screenshot({ path: "test-results/screenshots/review-shortcuts.png", fullPage: true });
  await reviewer.keyboard.press("a");

  await expect(reviewer).toHaveURL(new RegExp(`/review/${second.id}\\?comparison=${comparison.id}&done=approve$`));
  await expect(reviewer.getByTestId("decision-toast")).toContainText("Approved. This is the next annotation in the queue.");
  await expect(reviewer.getByRole("heading", { name: "Review annotation" })).toBeFocused();
  expect(((await (await reviewer.request.get(`/api/v1/annotations/${first.id}`)).json()) as { status: string }).status).toBe("approved");

  // C without a comment asks for one; typing in the comment never triggers a shortcut.
  await reviewer.keyboard.press("c");
  await expect(reviewer.getByLabel("Comment")).toBeFocused();
  await expect(reviewer.getByText("Write a comment: say what should change")).toBeVisible();
  await reviewer.getByLabel("Comment").pressSequentially("Cite the exact counts, please.");
  expect(((await (await reviewer.request.get(`/api/v1/annotations/${second.id}`)).json()) as { status: string }).status).toBe("in_review");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/review\\?comparison=${comparison.id}&done=request_changes$`));
  await expect(reviewer.getByTestId("decision-toast")).toContainText("Nothing else is waiting for your review.");

  // The author revises and resubmits; the reviewer sees the request and the diff.
  const current = (await (await author.request.get(`/api/v1/annotations/${second.id}`)).json()) as { version: number };
  const edited = await author.request.patch(`/api/v1/annotations/${second.id}`, {
    data: { version: current.version, rationale: `Second: A counts 1 truck, B counts 2 ${tag}`, submit: true },
  });
  expect(edited.status()).toBe(200);
  await reviewer.goto(`/review/${second.id}`);
  const note = reviewer.getByRole("region", { name: "Resubmitted after a review" });
  await expect(note).toContainText("Rey Reviewer requested changes");
  await expect(note).toContainText("Cite the exact counts, please.");
  await expect(note.locator("del")).toContainText(`Second: truck counts differ ${tag}`);
  await expect(note.locator("ins")).toContainText(`Second: A counts 1 truck, B counts 2 ${tag}`);
  await reviewer.screenshot({ path: "test-results/screenshots/review-resubmitted.png", fullPage: true });

  // Shortcuts can be turned off.
  await reviewer.getByLabel(/Keyboard shortcuts/).uncheck();
  await reviewer.keyboard.press("a");
  await expect(reviewer).toHaveURL(new RegExp(`/review/${second.id}$`));
  await expect(reviewer.getByRole("button", { name: "Approve" }).locator("kbd")).toHaveCount(0);
  await reviewer.getByLabel(/Keyboard shortcuts/).check();
});
