import { expect, test } from "@playwright/test";

import { demo } from "./support/auth";
import {
  annotationList,
  closePages,
  createLinked,
  decide,
  escapeRegExp,
  expectLive,
  freshReviewer,
  liveComparisonId,
  pageFor,
  type Annotation,
} from "./support/live";

// Live collaboration on one server (issue 17): two people on the same
// comparison see each other's annotations, presence, edits and decisions as
// they happen, without reloading and without losing what they were doing.

test.afterEach(closePages);

test("two people on one comparison see each other's work, presence and edits live", async ({ browser }) => {
  const analyst = await pageFor(browser, demo.analyst);
  const { page: reviewer, name: reviewerName } = await freshReviewer(browser);
  const comparisonId = await liveComparisonId(analyst.request);
  // An approved finding of Ana's, which the reviewer reads and Ana later edits.
  const approved = await createLinked(analyst.request, `Ana's approved finding (${Date.now()})`);
  await decide(reviewer.request, approved, "approve");
  await analyst.goto(`/comparisons/${comparisonId}`);
  await reviewer.goto(`/comparisons/${comparisonId}`);
  await Promise.all([expectLive(analyst), expectLive(reviewer)]);

  // Who is here.
  await expect(analyst.getByTestId("presence")).toHaveAttribute("aria-label", new RegExp(reviewerName));
  await expect(reviewer.getByTestId("presence")).toHaveAttribute("aria-label", /Ana Analyst/);

  // The reviewer is reading one of Ana's findings when Ana adds a new one.
  const { annotations } = (await (await analyst.request.get(`/api/v1/comparisons/${comparisonId}`)).json()) as {
    annotations: Annotation[];
  };
  const finding = annotations.find((a) => a.id === approved.id)!;
  expect(finding.status, "Ana's finding, approved").toBe("approved");
  await annotationList(reviewer)
    .getByRole("button", { name: new RegExp(escapeRegExp(finding.rationale.slice(0, 40))) })
    .click();
  await expect(reviewer.getByTestId("annotation-detail")).toContainText(finding.rationale.slice(0, 40));
  const listBefore = await annotationList(reviewer).getByRole("button").count();

  const rationale = `Live on one server (${Date.now()})`;
  await createLinked(analyst.request, rationale);
  const started = Date.now(); // committed: the 201 is back
  await expect(annotationList(reviewer).getByRole("button", { name: new RegExp(escapeRegExp(rationale)) })).toBeVisible({ timeout: 2_000 });
  expect(Date.now() - started).toBeLessThan(2_000);
  await expect(annotationList(reviewer).getByRole("button")).toHaveCount(listBefore + 1);
  await expect(reviewer.getByTestId("annotation-detail")).toContainText(finding.rationale.slice(0, 40)); // selection kept

  // A draft stays private: the next public change arrives, the draft never does.
  const draft = await createLinked(analyst.request, `Private draft (${Date.now()})`, false);
  const fence = await createLinked(analyst.request, `Public after the draft (${Date.now()})`);
  await expect(annotationList(reviewer).getByRole("button", { name: new RegExp(escapeRegExp(fence.rationale)) })).toBeVisible();
  await expect(annotationList(reviewer).getByRole("button", { name: new RegExp(escapeRegExp(draft.rationale)) })).toHaveCount(0);

  // Ana opens her finding in the composer: the reviewer sees her at it.
  await annotationList(analyst)
    .getByRole("button", { name: new RegExp(escapeRegExp(finding.rationale.slice(0, 40))) })
    .click();
  await analyst.getByTestId("annotation-detail").getByRole("button", { name: "Edit" }).click();
  await expect(reviewer.getByTestId("annotation-presence")).toHaveText("Ana Analyst is editing");
  await reviewer.screenshot({ path: "test-results/screenshots/live-presence.png" });

  // Someone saves the same finding elsewhere (another tab, a script): Ana sees the newer version at once.
  const elsewhere = await analyst.request.patch(`/api/v1/annotations/${finding.id}`, {
    data: { version: finding.version, rationale: `Changed in another tab (${Date.now()})` },
  });
  expect(elsewhere.status()).toBe(200);
  const changed = (await elsewhere.json()) as Annotation;
  const composer = analyst.getByTestId("composer");
  await expect(composer.getByRole("alert")).toContainText("Someone just saved a newer version", { timeout: 2_000 });
  await expect(analyst.getByTestId("conflict-version")).toContainText(changed.rationale);
  await expect(analyst.getByLabel("Rationale")).toHaveValue(finding.rationale); // her own text is untouched
  await analyst.screenshot({ path: "test-results/screenshots/live-conflict.png" });

  // The edit sent the approved finding back to draft, private to Ana: it leaves the reviewer's screen.
  await expect(
    annotationList(reviewer).getByRole("button", { name: new RegExp(escapeRegExp(finding.rationale.slice(0, 40))) }),
  ).toHaveCount(0);
  await expect(reviewer.getByTestId("annotation-detail")).toHaveCount(0);
  await analyst.getByTestId("composer").getByRole("button", { name: "Cancel" }).click();
  await expect(analyst.getByTestId("presence")).toHaveAttribute("aria-label", new RegExp(reviewerName));
  await reviewer.context().close();
  const presence = analyst.getByTestId("presence");
  await expect.poll(async () => ((await presence.count()) ? await presence.getAttribute("aria-label") : "")).not.toContain(reviewerName);
});

test("the review queue, Returned to me and the nav counts follow decisions live", async ({ browser }) => {
  // Ari, so that Ana's "Returned to me" count stays what the review spec expects.
  const analyst = await pageFor(browser, demo.analyst2);
  const reviewer = await pageFor(browser, demo.reviewer);
  await reviewer.goto("/review");
  await analyst.goto("/review?mine=1");
  await Promise.all([expectLive(analyst), expectLive(reviewer)]);
  const toReview = reviewer.getByTestId("nav-count-toReview");
  const countOf = async (locator: typeof toReview) => Number((await locator.count()) ? await locator.textContent() : 0);
  const queued = await countOf(toReview);
  const returned = await countOf(analyst.getByTestId("nav-count-returned"));

  const created = await createLinked(analyst.request, `Queue live (${Date.now()})`);
  await expect(reviewer.getByRole("link", { name: created.rationale })).toBeVisible({ timeout: 2_000 });
  await expect(toReview).toHaveText(String(queued + 1));
  await expect(reviewer.getByRole("link", { name: /^To review/ })).toContainText(`(${queued + 1})`);

  await decide(reviewer.request, created, "request_changes", "Name the outlet that reported the rebrand.");
  await expect(analyst.getByRole("link", { name: created.rationale })).toBeVisible({ timeout: 2_000 });
  await expect(analyst.getByText("Name the outlet that reported the rebrand.")).toBeVisible();
  await expect(analyst.getByTestId("nav-count-returned")).toHaveText(String(returned + 1));
  await expect(reviewer.getByRole("link", { name: created.rationale })).toHaveCount(0);
  await expect(toReview).toHaveText(String(queued));
  await analyst.screenshot({ path: "test-results/screenshots/live-returned.png" });
});

test("the review panel warns before deciding on an annotation another reviewer has open", async ({ browser }) => {
  const analyst = await pageFor(browser, demo.analyst);
  const reviewer = await pageFor(browser, demo.reviewer);
  const admin = await pageFor(browser, demo.admin);
  const created = await createLinked(analyst.request, `Two reviewers at once (${Date.now()})`);
  await reviewer.goto(`/review/${created.id}`);
  await admin.goto(`/review/${created.id}`);
  await expect(admin.getByTestId("review-warning")).toContainText("Rey Reviewer is reviewing this annotation too");
  await expect(reviewer.getByTestId("review-warning")).toContainText("Ada Admin is reviewing this annotation too");
  await admin.screenshot({ path: "test-results/screenshots/live-review-warning.png" });

  // Asked first; saying no decides nothing.
  let question = "";
  admin.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await admin.getByRole("button", { name: "Approve" }).click();
  expect(question).toContain("Rey Reviewer has this annotation open for review too. Decide anyway?");
  expect(((await (await admin.request.get(`/api/v1/annotations/${created.id}`)).json()) as Annotation).status).toBe("in_review");

  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin).toHaveURL(/\/review(\/[0-9a-f-]+)?\?done=approve$/);
  // The other reviewer's page shows the decision without a reload.
  await expect(reviewer.getByText("This annotation is not in review any more.")).toBeVisible({ timeout: 2_000 });
});
