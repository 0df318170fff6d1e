// The reviewer's and the author's lists against the real database (issue 12,
// flows 1, 2 and 4): returned work includes rejections with their reason, the
// next queue item, what changed since an earlier request, and drafts staying
// their author's in the review context and the queue.
import { beforeAll, describe, expect, it } from "vitest";

import { updateAnnotation } from "@/lib/annotations/service";
import type { Actor } from "@/lib/auth/actor";
import { getAnnotationContext } from "@/lib/history/service";
import { getResubmission } from "@/lib/reviews/resubmission";
import { findNextInQueue, getNavCounts, listReturnedToMe, listReviewQueue, reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser } from "@/tests/support/factories";

let author: Actor;
let other: Actor;
let reviewer: Actor;
let admin: Actor;

beforeAll(async () => {
  [author, other, reviewer, admin] = await Promise.all([
    createUser("analyst"),
    createUser("analyst"),
    createUser("reviewer"),
    createUser("admin"),
  ]);
});

describe("returned work", () => {
  it("lists rejected annotations next to sent-back ones, each with the reviewer's reason, and counts both", async () => {
    const comparison = await createComparison();
    const rejected = await createAnnotation(author, comparison, { submit: true, rationale: "To be rejected" });
    const sentBack = await createAnnotation(author, comparison, { submit: true, rationale: "To be sent back" });
    const before = (await getNavCounts(author)).returned ?? 0;
    await reviewAnnotation(reviewer, rejected.id, { decision: "reject", comment: "Not a contradiction.", version: rejected.version });
    await reviewAnnotation(reviewer, sentBack.id, { decision: "request_changes", comment: "Quote more.", version: sentBack.version });
    const returned = await listReturnedToMe(author);
    const mine = returned.filter((item) => item.comparison.id === comparison.id);
    expect(mine.map((item) => [item.rationale, item.status, item.latestReview?.comment])).toEqual([
      ["To be sent back", "changes_requested", "Quote more."],
      ["To be rejected", "rejected", "Not a contradiction."],
    ]);
    expect((await getNavCounts(author)).returned).toBe(before + 2);
  });
});

describe("the reviewer's next item", () => {
  it("is the one after the current in queue order, within the filter, else the first other one", async () => {
    const comparison = await createComparison();
    const first = await createAnnotation(author, comparison, { submit: true });
    const second = await createAnnotation(author, comparison, { submit: true });
    const third = await createAnnotation(author, comparison, { submit: true, kind: "note" });
    const filter = { comparisonId: comparison.id };
    expect(await findNextInQueue(reviewer, first.id, filter)).toBe(second.id);
    expect(await findNextInQueue(reviewer, third.id, filter)).toBe(first.id);
    expect(await findNextInQueue(reviewer, first.id, { ...filter, kind: "note" })).toBe(third.id);
    await reviewAnnotation(reviewer, second.id, { decision: "approve", version: second.version });
    expect(await findNextInQueue(reviewer, first.id, filter)).toBe(third.id);
    // Every reviewer gets the same order.
    expect(await findNextInQueue(admin, first.id, filter)).toBe(third.id);
  });
});

describe("a resubmitted annotation", () => {
  it("shows the earlier request and what changed since the reviewed version", async () => {
    const comparison = await createComparison();
    const submitted = await createAnnotation(author, comparison, { submit: true, rationale: "Short rationale." });
    expect(await getResubmission(reviewer, submitted.id)).toBeNull();
    const { annotation } = await reviewAnnotation(reviewer, submitted.id, {
      decision: "request_changes",
      comment: "Explain the numbers.",
      version: submitted.version,
    });
    await updateAnnotation(author, submitted.id, {
      version: annotation.version,
      rationale: "Longer rationale with numbers.",
      tags: ["numbers"],
      submit: true,
    });
    const resubmission = await getResubmission(reviewer, submitted.id);
    expect(resubmission?.earlier).toMatchObject({ decision: "request_changes", comment: "Explain the numbers." });
    expect(resubmission?.changes?.map((change) => [change.field, change.before, change.after])).toEqual([
      ["rationale", "Short rationale.", "Longer rationale with numbers."],
      ["tags", [], ["numbers"]],
    ]);
  });
});

describe("drafts are the author's", () => {
  it("keeps someone else's draft out of the queue and the review context; admins see it", async () => {
    const comparison = await createComparison();
    const draft = await createAnnotation(other, comparison, { rationale: "Private draft" });
    const submitted = await createAnnotation(author, comparison, { submit: true });
    const queue = await listReviewQueue(reviewer, { comparisonId: comparison.id });
    expect(queue.items.map((item) => item.id)).toEqual([submitted.id]);
    await expect(getAnnotationContext(reviewer, draft.id)).rejects.toMatchObject({ status: 404 });
    await expect(getAnnotationContext(author, draft.id)).rejects.toMatchObject({ status: 404 });
    const context = await getAnnotationContext(reviewer, submitted.id);
    expect(context.nearby.map((item) => item.id)).not.toContain(draft.id);
    expect((await getAnnotationContext(admin, submitted.id)).nearby.map((item) => item.id)).toContain(draft.id);
    expect((await getAnnotationContext(other, draft.id)).annotation.rationale).toBe("Private draft");
  });
});
