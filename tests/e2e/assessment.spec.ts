import { expect, test, type Browser } from "@playwright/test";

import { demo, signInApi } from "./support/auth";
import { createAnnotationViaApi, createComparisonWithSources, spanIn } from "./support/data";

// The assessment (issue 12, flow 5): the key judgment with ICD 203 wording,
// confidence and cited findings; written by one analyst, reviewed by someone
// else; and the same through the API.

async function pageFor(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signInApi(page.request, email);
  return page;
}

async function comparisonWithFinding(browser: Browser) {
  const analyst = await pageFor(browser, demo.analyst);
  const comparison = await createComparisonWithSources(analyst.request, 2);
  const [a, b] = comparison.sources as [(typeof comparison.sources)[0], (typeof comparison.sources)[0]];
  const finding = await createAnnotationViaApi(analyst.request, comparison.id, {
    kind: "agreement",
    rationale: "Both outlets put the convoy in Gao on Tuesday.",
    spans: [spanIn(a, "the convoy reached Gao on Tuesday"), spanIn(b, "the convoy reached Gao on Tuesday")],
    submit: true,
  });
  return { analyst, comparison, finding };
}

test("an analyst writes and submits the assessment; a reviewer sends it back; it is revised and approved", async ({ browser }) => {
  const { analyst, comparison, finding } = await comparisonWithFinding(browser);
  await analyst.goto(`/comparisons/${comparison.id}`);
  await analyst.getByRole("navigation", { name: "Comparison views" }).getByRole("link", { name: "Assessment" }).click();
  await expect(analyst.getByRole("heading", { name: "Write the assessment" })).toBeVisible();

  // Submitting an empty form focuses the error summary, which links to each field.
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  const summary = analyst.getByRole("alert").filter({ hasText: "The assessment was not saved" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Write the key judgment.");
  await expect(summary).toContainText("Cite at least one finding.");
  await summary.getByRole("link", { name: "Write the key judgment." }).click();
  await expect(analyst.getByLabel("Key judgment")).toBeFocused();

  await analyst.getByLabel("Key judgment").fill("The convoy reached Gao on Tuesday.");
  await analyst.getByLabel(/^Very likely/).check();
  await analyst.getByLabel(/^Moderate confidence/).check();
  await analyst.getByRole("button", { name: "Save draft" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Saved as a draft (version 1)" })).toBeVisible();
  await analyst.getByRole("checkbox", { name: /Both outlets put the convoy in Gao/ }).check();
  await analyst.screenshot({ path: "test-results/screenshots/assessment-form.png", fullPage: true });
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  await expect(analyst.getByRole("button", { name: "Withdraw from review" })).toBeVisible();
  await expect(analyst.getByText("Very likely (80–95 %)")).toBeVisible();

  // A reviewer finds it in the queue and requests changes.
  const reviewer = await pageFor(browser, demo.reviewer);
  await reviewer.goto("/review");
  const queued = reviewer
    .getByRole("region", { name: /Assessments to review/ })
    .getByRole("link", { name: "The convoy reached Gao on Tuesday." });
  await expect(queued).toBeVisible();
  await queued.click();
  await expect(reviewer.getByRole("heading", { name: "Assessment", level: 1 })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: "Both outlets put the convoy in Gao on Tuesday." })).toHaveAttribute(
    "href",
    `/comparisons/${comparison.id}?annotation=${finding.id}`,
  );
  await reviewer.getByLabel("Comment").fill("Only two outlets: is 'very likely' warranted?");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer).toHaveURL(/\/review\?done=request_changes$/);

  // The author sees it returned, revises and resubmits; another reviewer approves.
  await analyst.goto("/review?mine=1");
  const returned = analyst.getByRole("region", { name: /Assessments returned to you/ });
  await expect(returned).toContainText("Only two outlets: is 'very likely' warranted?");
  await returned.getByRole("link", { name: "The convoy reached Gao on Tuesday." }).click();
  await expect(analyst.getByRole("heading", { name: "Changes requested" })).toBeVisible();
  await analyst.getByLabel(/^Likely/).check();
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  await expect(analyst.getByRole("button", { name: "Withdraw from review" })).toBeVisible();

  const admin = await pageFor(browser, demo.admin);
  await admin.goto(`/comparisons/${comparison.id}/assessment`);
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin).toHaveURL(/\/review\?done=approve$/);
  await analyst.goto(`/comparisons/${comparison.id}/assessment`);
  await expect(analyst.getByText("Ada Admin approved this version")).toBeVisible();
  const history = analyst.getByRole("region", { name: "History" });
  for (const line of ["wrote the assessment", "submitted it for review", "requested changes", "revised it", "approved it"]) {
    await expect(history.getByText(line).first()).toBeVisible();
  }
  await expect(history.getByText("Likelihood:")).toBeVisible();
  await analyst.screenshot({ path: "test-results/screenshots/assessment-approved.png", fullPage: true });
});

test("the assessment API: GET/PUT with validation, versions, draft privacy and four-eyes", async ({ browser }) => {
  const { analyst, comparison, finding } = await comparisonWithFinding(browser);
  const url = `/api/v1/comparisons/${comparison.id}/assessment`;
  expect((await analyst.request.get(url)).status()).toBe(404);

  const bad = await analyst.request.put(url, {
    data: { judgment: "x", likelihood: "probable", confidence: "moderate", annotationIds: [] },
  });
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  expect((await bad.json()).errors).toHaveProperty("likelihood");
  const foreign = await analyst.request.put(url, {
    data: { judgment: "x", likelihood: "likely", confidence: "low", annotationIds: ["00000000-0000-4000-8000-000000000000"] },
  });
  expect(foreign.status()).toBe(422);
  expect((await foreign.json()).errors).toEqual({ "annotationIds.0": "Not a finding of this comparison." });

  const created = await analyst.request.put(url, {
    data: { judgment: "The convoy arrived on Tuesday.", likelihood: "likely", confidence: "high", annotationIds: [finding.id] },
  });
  expect(created.status()).toBe(200);
  const draft = (await created.json()) as { version: number; status: string; annotationIds: string[] };
  expect(draft).toMatchObject({ status: "draft", version: 1, annotationIds: [finding.id] });

  // Someone else's draft is not visible.
  const other = await pageFor(browser, demo.analyst2);
  expect((await other.request.get(url)).status()).toBe(404);

  const stale = await analyst.request.put(url, {
    data: { judgment: "Changed", likelihood: "likely", confidence: "high", annotationIds: [], version: 7 },
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current).toMatchObject({ version: 1 });

  const submitted = await analyst.request.post(`${url}/submit`, { data: { version: 1 } });
  expect(submitted.status()).toBe(200);
  const own = await analyst.request.post(`${url}/reviews`, { data: { decision: "approve", version: 2 } });
  expect(own.status()).toBe(403);
  const reviewer = await pageFor(browser, demo.reviewer);
  const fetched = (await (await reviewer.request.get(url)).json()) as {
    status: string;
    judgment: string;
    likelihood: string;
    confidence: string;
  };
  expect(fetched).toMatchObject({
    status: "in_review",
    judgment: "The convoy arrived on Tuesday.",
    likelihood: "likely",
    confidence: "high",
  });
  const approved = await reviewer.request.post(`${url}/reviews`, { data: { decision: "approve", version: 2 } });
  expect(approved.status()).toBe(201);
  expect(await approved.json()).toMatchObject({ status: "approved", currentDecision: { decision: "approve" } });
  const history = (await (await analyst.request.get(`${url}/history`)).json()) as { events: Array<{ action: string }> };
  expect(history.events.map((e) => e.action)).toEqual(["assessment.create", "assessment.submit", "assessment.approve"]);
});
