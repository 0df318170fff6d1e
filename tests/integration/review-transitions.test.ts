// The annotation life cycle × who acts: every review decision, submit and
// edit from every state, by an unrelated analyst, the author (a reviewer),
// another reviewer and an admin. Allowed moves land in the SPEC §2 state;
// refused ones are 403 (role / four-eyes / ownership) or 409 (state); another
// person's draft is invisible to everyone but admins, so it answers 404.
import { beforeAll, describe, expect, it } from "vitest";

import { submitAnnotation, updateAnnotation, withdrawAnnotation } from "@/lib/annotations/service";
import type { AnnotationStatus } from "@/lib/annotations/schemas";
import { reviewDecisions, type ReviewDecision } from "@/lib/annotations/state";
import { db } from "@/lib/db";
import { reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

type Who = "analyst" | "authorReviewer" | "otherReviewer" | "admin";
const statuses: AnnotationStatus[] = ["draft", "in_review", "approved", "changes_requested", "rejected"];
const whos: Who[] = ["analyst", "authorReviewer", "otherReviewer", "admin"];
const decisionResult: Record<ReviewDecision, AnnotationStatus> = {
  approve: "approved",
  request_changes: "changes_requested",
  reject: "rejected",
};

let people: Record<Who, TestUser>;
let comparison: TestComparison;

beforeAll(async () => {
  people = {
    analyst: await createUser("analyst"),
    authorReviewer: await createUser("reviewer"),
    otherReviewer: await createUser("reviewer"),
    admin: await createUser("admin"),
  };
  comparison = await createComparison();
});

/** An annotation by the author-reviewer, brought to `status` through the real services. */
async function annotationIn(status: AnnotationStatus) {
  const author = people.authorReviewer;
  const created = await createAnnotation(author, comparison, { submit: status !== "draft" });
  if (status === "draft" || status === "in_review") return created;
  const decision = (Object.keys(decisionResult) as ReviewDecision[]).find((d) => decisionResult[d] === status)!;
  const { annotation } = await reviewAnnotation(people.otherReviewer, created.id, {
    decision,
    version: created.version,
    comment: "Because.",
  });
  return annotation;
}

type Refusal = "forbidden" | "conflict" | "not_found";

/** Drafts are the author's: for anyone else but an admin they do not exist. */
const hidden = (who: Who, status: AnnotationStatus) => status === "draft" && who !== "authorReviewer" && who !== "admin";

function expectedReview(who: Who, status: AnnotationStatus, decision: ReviewDecision): AnnotationStatus | Refusal {
  if (who === "analyst") return "forbidden";
  if (hidden(who, status)) return "not_found";
  if (who === "authorReviewer") return "forbidden";
  return status === "in_review" ? decisionResult[decision] : "conflict";
}

describe("review decisions by role and state", () => {
  const cases = statuses.flatMap((status) => reviewDecisions.flatMap((decision) => whos.map((who) => ({ status, decision, who }))));

  it.each(cases)("$who: $decision on $status", async ({ status, decision, who }) => {
    const annotation = await annotationIn(status);
    const expected = expectedReview(who, status, decision);
    const attempt = reviewAnnotation(people[who], annotation.id, { decision, version: annotation.version, comment: "Reasons given." });
    const stored = () =>
      db.annotation.findUniqueOrThrow({ where: { id: annotation.id }, select: { status: true, version: true, decidedAt: true } });
    if (expected === "forbidden" || expected === "conflict" || expected === "not_found") {
      await expect(attempt).rejects.toMatchObject({ code: expected });
      expect(await stored()).toMatchObject({ status, version: annotation.version });
      return;
    }
    const { annotation: after, review } = await attempt;
    expect(after).toMatchObject({ status: expected, version: annotation.version + 1 });
    expect(after.decidedAt).not.toBeNull();
    expect(review).toMatchObject({ decision, annotationVersion: annotation.version, reviewer: { id: people[who].id } });
    expect((await stored()).status).toBe(expected);
  });
});

describe("submit and edit by role and state", () => {
  // Only the author submits; the author or an admin edits (SPEC §1, §2).
  const submitFrom: Partial<Record<AnnotationStatus, AnnotationStatus>> = { draft: "in_review", changes_requested: "in_review" };
  const editFrom: Partial<Record<AnnotationStatus, AnnotationStatus>> = {
    draft: "draft",
    changes_requested: "draft",
    approved: "draft",
    rejected: "draft",
  };
  const cases = statuses.flatMap((status) => whos.map((who) => ({ status, who })));

  it.each(cases)("$who: submit $status", async ({ status, who }) => {
    const annotation = await annotationIn(status);
    const attempt = submitAnnotation(people[who], annotation.id, { version: annotation.version });
    if (hidden(who, status)) return expect(attempt).rejects.toMatchObject({ code: "not_found" });
    if (who !== "authorReviewer") return expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    const next = submitFrom[status];
    if (!next) return expect(attempt).rejects.toMatchObject({ code: "conflict" });
    expect(await attempt).toMatchObject({ status: next, version: annotation.version + 1 });
  });

  it.each(cases)("$who: edit $status", async ({ status, who }) => {
    const annotation = await annotationIn(status);
    const attempt = updateAnnotation(people[who], annotation.id, { version: annotation.version, rationale: "Reworded after review." });
    if (hidden(who, status)) return expect(attempt).rejects.toMatchObject({ code: "not_found" });
    if (who !== "authorReviewer" && who !== "admin") return expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    const next = editFrom[status];
    if (!next) return expect(attempt).rejects.toMatchObject({ code: "conflict" });
    const edited = await attempt;
    expect(edited).toMatchObject({ status: next, rationale: "Reworded after review.", decidedAt: null });
  });

  it.each(cases)("$who: withdraw $status", async ({ status, who }) => {
    const annotation = await annotationIn(status);
    const attempt = withdrawAnnotation(people[who], annotation.id, { version: annotation.version });
    if (hidden(who, status)) return expect(attempt).rejects.toMatchObject({ code: "not_found" });
    if (who !== "authorReviewer") return expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    if (status !== "in_review") return expect(attempt).rejects.toMatchObject({ code: "conflict" });
    expect(await attempt).toMatchObject({ status: "draft", version: annotation.version + 1, submittedAt: null });
  });

  it("re-opening an approved annotation keeps its earlier review in the record", async () => {
    const approved = await annotationIn("approved");
    const edited = await updateAnnotation(people.authorReviewer, approved.id, { version: approved.version, rationale: "New angle." });
    expect(edited.status).toBe("draft");
    const reviews = await db.review.findMany({ where: { annotationId: approved.id } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ decision: "approve", annotationVersion: approved.version - 1 });
  });
});
