import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

import { demo, demoComparisonId, signInApi } from "./support/auth";

// The review loop as people live it: an analyst submits, a reviewer sends it
// back with a comment, the analyst sees why, fixes and resubmits, the
// reviewer approves; and nobody reviews their own work.

type Source = { id: string; text: string };

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signInApi(page.request, email);
  return page;
}

function span(source: Source, quote: string) {
  const start = source.text.indexOf(quote);
  expect(start, `quote "${quote}" in source`).toBeGreaterThanOrEqual(0);
  return { sourceId: source.id, start, end: start + quote.length, exact: quote };
}

async function submitAgreement(request: APIRequestContext, rationale: string) {
  const comparisonId = await demoComparisonId(request);
  const { sources } = (await (await request.get(`/api/v1/comparisons/${comparisonId}`)).json()) as { sources: Source[] };
  const [left, right] = sources as [Source, Source];
  const response = await request.post(`/api/v1/comparisons/${comparisonId}/annotations`, {
    data: {
      kind: "contradiction",
      rationale,
      spans: [span(left, "simply reappeared under the Kremlin-backed"), span(right, "claiming mission accomplished")],
      submit: true,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; version: number; status: string };
}

test("analyst submits, reviewer requests changes, analyst fixes and resubmits, reviewer approves", async ({ browser }) => {
  const analyst = await pageFor(browser, demo.analyst);
  const reviewer = await pageFor(browser, demo.reviewer);
  const rationale = `B says Wagner left; A says its fighters stayed under a new name (${Date.now()}).`;
  const created = await submitAgreement(analyst.request, rationale);

  // The reviewer finds it in the queue, oldest first, with a count in the navigation.
  await reviewer.goto("/review");
  await expect(reviewer.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await expect(reviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Review/ })).toContainText(/\d/);
  const item = reviewer.getByRole("link", { name: rationale });
  await expect(item).toBeVisible();
  await reviewer.screenshot({ path: "test-results/screenshots/review-queue.png", fullPage: true });
  await item.click();

  // In context: both passages with surrounding text, the rationale, the decision form.
  await expect(reviewer.getByRole("heading", { name: "Review annotation" })).toBeVisible();
  await expect(reviewer.locator("mark", { hasText: "simply reappeared under the Kremlin-backed" })).toBeVisible();
  await expect(reviewer.locator("mark", { hasText: "claiming mission accomplished" })).toBeVisible();
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.getByText("Write a comment: say what should change")).toBeVisible();
  await reviewer.getByLabel("Comment").fill("Quote A's 80% estimate too, so the contradiction is concrete.");
  await reviewer.screenshot({ path: "test-results/screenshots/review-item.png", fullPage: true });
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  // On to the next item in the queue (or the empty queue), with a confirmation.
  await expect(reviewer).toHaveURL(/\/review(\/[0-9a-f-]{36})?\?done=request_changes$/);
  await expect(reviewer.getByTestId("decision-toast")).toContainText("Sent back with your request");
  await reviewer.goto("/review");
  await expect(reviewer.getByRole("link", { name: rationale })).toHaveCount(0);

  // The analyst sees it came back, and why.
  await analyst.goto("/");
  await expect(analyst.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Returned to me/ })).toContainText("1");
  await analyst
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /Returned to me/ })
    .click();
  await expect(analyst.getByRole("heading", { name: "Returned to me" })).toBeVisible();
  await expect(analyst.getByText("Quote A's 80% estimate too")).toBeVisible();
  await analyst.screenshot({ path: "test-results/screenshots/review-returned.png", fullPage: true });
  // The item opens the annotation in the workbench's composer; its history is one click away.
  await expect(analyst.getByRole("link", { name: rationale })).toHaveAttribute("href", new RegExp(`\\?annotation=${created.id}&edit=1$`));
  await analyst.getByRole("listitem").filter({ hasText: rationale }).getByRole("link", { name: "History" }).click();
  await expect(analyst.getByTestId("latest-review")).toContainText("Rey Reviewer requested changes");
  await expect(analyst.getByTestId("latest-review")).toContainText("Quote A's 80% estimate too");
  await expect(analyst.getByRole("button", { name: "Approve" })).toHaveCount(0);
  // The workbench detail says why, too.
  await analyst.getByRole("link", { name: "Open in workbench" }).click();
  await analyst.locator(`button[data-annotation="${created.id}"]`).click();
  await expect(analyst.getByTestId("review-reason")).toContainText("Quote A's 80% estimate too");

  // Edit and resubmit through the API the workbench uses; answer in the thread.
  const current = (await (await analyst.request.get(`/api/v1/annotations/${created.id}`)).json()) as { version: number };
  const edited = await analyst.request.patch(`/api/v1/annotations/${created.id}`, {
    data: { version: current.version, rationale: `${rationale} A: up to 80% stayed.` },
  });
  expect(edited.status()).toBe(200);
  const resubmitted = await analyst.request.post(`/api/v1/annotations/${created.id}/submit`, {
    data: { version: ((await edited.json()) as { version: number }).version },
  });
  expect(resubmitted.status()).toBe(200);
  await analyst.goto(`/annotations/${created.id}`);
  await analyst.getByLabel("New comment").fill("Added the 80% figure.");
  await analyst.getByRole("button", { name: "Post comment" }).click();
  // The list, not the text box (whose text is the draft comment), must show it.
  await expect(
    analyst
      .getByRole("region", { name: /Comments/ })
      .getByRole("listitem")
      .getByText("Added the 80% figure."),
  ).toBeVisible();

  // The reviewer approves from the annotation page; the history tells the whole story.
  await reviewer.goto(`/annotations/${created.id}`);
  await expect(reviewer.getByText("Added the 80% figure.").first()).toBeVisible();
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(reviewer.getByTestId("latest-review")).toContainText("Rey Reviewer approved");
  const history = reviewer.getByRole("region", { name: "History" });
  for (const line of ["created the annotation", "submitted it for review", "requested changes", "edited it", "approved it"]) {
    await expect(history.getByText(line).first()).toBeVisible();
  }
  await expect(history.locator("del", { hasText: rationale })).toBeVisible();
  await expect(history.locator("ins", { hasText: "A: up to 80% stayed." })).toBeVisible();
  await reviewer.screenshot({ path: "test-results/screenshots/annotation-history.png", fullPage: true });

  const api = (await (await reviewer.request.get(`/api/v1/annotations/${created.id}/history`)).json()) as {
    reviews: Array<{ decision: string }>;
    comments: Array<{ body: string }>;
    events: Array<{ action: string }>;
  };
  expect(api.reviews.map((r) => r.decision)).toEqual(["request_changes", "approve"]);
  expect(api.comments.map((c) => c.body)).toEqual(["Added the 80% figure."]);
  expect(api.events.at(-1)?.action).toBe("annotation.approve");
});

test("a reviewer gets no review buttons on their own annotation and the API refuses it", async ({ browser }) => {
  const reviewer = await pageFor(browser, demo.reviewer);
  const rationale = `Reviewer's own finding ${Date.now()}`;
  const own = await submitAgreement(reviewer.request, rationale);

  await reviewer.goto("/review");
  await expect(reviewer.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: rationale })).toHaveCount(0);

  await reviewer.goto(`/annotations/${own.id}`);
  await expect(reviewer.getByRole("heading", { name: "Annotation history" })).toBeVisible();
  for (const name of ["Approve", "Request changes", "Reject"]) await expect(reviewer.getByRole("button", { name })).toHaveCount(0);
  await reviewer.goto(`/review/${own.id}`);
  await expect(reviewer.getByText("This is your own annotation")).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Approve" })).toHaveCount(0);

  const response = await reviewer.request.post(`/api/v1/annotations/${own.id}/reviews`, {
    data: { decision: "approve", version: own.version },
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect((await response.json()).detail).toMatch(/own annotation/);

  // A different reviewer may; a stale version is a 409 with the current state.
  const admin = await pageFor(browser, demo.admin);
  const stale = await admin.request.post(`/api/v1/annotations/${own.id}/reviews`, {
    data: { decision: "approve", version: own.version + 5 },
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current).toMatchObject({ id: own.id, status: "in_review" });
  const approved = await admin.request.post(`/api/v1/annotations/${own.id}/reviews`, {
    data: { decision: "approve", version: own.version },
  });
  expect(approved.status()).toBe(201);
});
