// The comparison's assessment against the real database: writing it, the
// findings it cites, draft privacy, submission, withdrawal, the four-eyes
// review with the shared state table, concurrency, and the audit trail.
import { beforeAll, describe, expect, it } from "vitest";

import { submitAnnotation } from "@/lib/annotations/service";
import { getAssessmentHistory } from "@/lib/assessments/history";
import { listAssessmentsToReview, listReturnedAssessments } from "@/lib/assessments/queue";
import {
  deleteAssessment,
  getAssessment,
  loadAssessment,
  putAssessment,
  reviewAssessment,
  submitAssessment,
  withdrawAssessment,
} from "@/lib/assessments/service";
import type { Actor } from "@/lib/auth/actor";
import { deleteComparison } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAnnotation, createComparison, createUser, type TestComparison } from "@/tests/support/factories";

let author: Actor;
let otherAnalyst: Actor;
let reviewer: Actor;
let reviewer2: Actor;
let admin: Actor;

beforeAll(async () => {
  [author, otherAnalyst, reviewer, reviewer2, admin] = await Promise.all([
    createUser("analyst"),
    createUser("analyst"),
    createUser("reviewer"),
    createUser("reviewer"),
    createUser("admin"),
  ]);
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "expected the call to be refused").toBeInstanceOf(AppError);
  return error as AppError;
}

/** A comparison with one finding in review (by another analyst) and the author's own draft finding. */
async function setting(): Promise<{ comparison: TestComparison; finding: string; ownDraft: string }> {
  const comparison = await createComparison();
  const finding = await createAnnotation(otherAnalyst, comparison, { submit: true, rationale: "Both say most fighters moved." });
  const ownDraft = await createAnnotation(author, comparison, { kind: "note", rationale: "A dates the withdrawal." });
  return { comparison, finding: finding.id, ownDraft: ownDraft.id };
}

const judgment = "Russia's military presence in Mali continues under the Africa Corps.";

describe("writing the assessment", () => {
  it("creates a draft with the ICD 203 likelihood, the confidence and the cited findings in order, audited", async () => {
    const { comparison, finding, ownDraft } = await setting();
    const view = await putAssessment(author, comparison.id, {
      judgment,
      likelihood: "very_likely",
      confidence: "moderate",
      annotationIds: [ownDraft, finding],
    });
    expect(view).toMatchObject({
      judgment,
      likelihood: "very_likely",
      confidence: "moderate",
      status: "draft",
      version: 1,
      author: { id: author.id },
      annotationIds: [ownDraft, finding],
      currentDecision: null,
    });
    expect(view.findings.map((f) => f.rationale)).toEqual(["A dates the withdrawal.", "Both say most fighters moved."]);
    const audit = await db.auditEvent.findMany({ where: { entityType: "assessment", entityId: view.id } });
    expect(audit.map((a) => a.action)).toEqual(["assessment.create"]);
    expect(audit[0]!.after).toMatchObject({ judgment, likelihood: "very_likely", annotationIds: [ownDraft, finding] });
    expect(audit[0]!.comparisonId).toBe(comparison.id);
  });

  it("refuses an unknown likelihood or confidence, naming the field, and stores nothing", async () => {
    const { comparison } = await setting();
    const bad = await rejection(
      putAssessment(author, comparison.id, { judgment, likelihood: "probable" as never, confidence: "moderate" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.errors).toHaveProperty("likelihood");
    const medium = await rejection(putAssessment(author, comparison.id, { judgment, likelihood: "likely", confidence: "medium" as never }));
    expect(medium.errors).toHaveProperty("confidence");
    const empty = await rejection(putAssessment(author, comparison.id, { judgment: "  ", likelihood: "likely", confidence: "low" }));
    expect(empty.errors?.judgment).toBe("Write the key judgment.");
    expect(await db.assessment.count({ where: { comparisonId: comparison.id } })).toBe(0);
  });

  it("cites only findings of this comparison that the writer can see; nothing is half-written", async () => {
    const { comparison, finding } = await setting();
    const elsewhere = await createComparison();
    const foreign = await createAnnotation(author, elsewhere, { submit: true });
    const othersDraft = await createAnnotation(otherAnalyst, comparison, { rationale: "Not submitted yet." });
    const error = await rejection(
      putAssessment(author, comparison.id, { judgment, likelihood: "likely", confidence: "low", annotationIds: [finding, foreign.id] }),
    );
    expect(error.status).toBe(422);
    expect(error.errors).toEqual({ "annotationIds.1": "Not a finding of this comparison." });
    const hidden = await rejection(
      putAssessment(author, comparison.id, { judgment, likelihood: "likely", confidence: "low", annotationIds: [othersDraft.id] }),
    );
    expect(hidden.errors).toEqual({ "annotationIds.0": "Not a finding of this comparison." });
    const twice = await rejection(
      putAssessment(author, comparison.id, { judgment, likelihood: "likely", confidence: "low", annotationIds: [finding, finding] }),
    );
    expect(twice.errors?.annotationIds).toBe("Cite each finding once.");
    expect(await db.assessment.count({ where: { comparisonId: comparison.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityType: "assessment", comparisonId: comparison.id } })).toBe(0);
  });

  it("edits need the version they were based on; a stale one gets 409 with the current assessment", async () => {
    const { comparison, finding } = await setting();
    const created = await putAssessment(author, comparison.id, {
      judgment,
      likelihood: "likely",
      confidence: "low",
      annotationIds: [finding],
    });
    const missing = await rejection(
      putAssessment(author, comparison.id, { judgment: "Changed.", likelihood: "likely", confidence: "low" }),
    );
    expect(missing.errors).toHaveProperty("version");
    const edited = await putAssessment(author, comparison.id, {
      judgment: "Changed.",
      likelihood: "almost_certain",
      confidence: "high",
      annotationIds: [],
      version: created.version,
    });
    expect(edited).toMatchObject({ judgment: "Changed.", likelihood: "almost_certain", version: 2, annotationIds: [] });
    const stale = await rejection(
      putAssessment(author, comparison.id, { judgment: "Lost update", likelihood: "likely", confidence: "low", version: created.version }),
    );
    expect(stale.status).toBe(409);
    expect(stale.extra?.current).toMatchObject({ judgment: "Changed.", version: 2 });
    expect((await getAssessment(author, comparison.id)).judgment).toBe("Changed.");
  });

  it("only the author (or an admin) edits it", async () => {
    const { comparison, finding } = await setting();
    const created = await putAssessment(author, comparison.id, {
      judgment,
      likelihood: "likely",
      confidence: "low",
      annotationIds: [finding],
      submit: true,
    });
    await withdrawAssessment(author, comparison.id, { version: created.version });
    await submitAssessment(author, comparison.id, { version: created.version + 1 });
    const current = await getAssessment(otherAnalyst, comparison.id);
    const error = await rejection(
      putAssessment(otherAnalyst, comparison.id, {
        judgment: "Mine now",
        likelihood: "likely",
        confidence: "low",
        version: current.version,
      }),
    );
    expect(error.status).toBe(403);
  });
});

describe("drafts are the author's", () => {
  it("hides a draft assessment from other analysts and reviewers; admins see it", async () => {
    const { comparison } = await setting();
    await putAssessment(author, comparison.id, { judgment, likelihood: "likely", confidence: "low" });
    expect((await rejection(getAssessment(otherAnalyst, comparison.id))).status).toBe(404);
    expect(await loadAssessment(reviewer, comparison.id)).toBeNull();
    expect((await loadAssessment(admin, comparison.id))?.judgment).toBe(judgment);
    const clash = await rejection(
      putAssessment(otherAnalyst, comparison.id, { judgment: "Another", likelihood: "likely", confidence: "low" }),
    );
    expect(clash.status).toBe(409);
    expect(clash.extra).toBeUndefined();
  });

  it("answers 404 for a comparison that does not exist", async () => {
    expect((await rejection(loadAssessment(author, "00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await rejection(loadAssessment(author, "not-an-id"))).status).toBe(404);
  });
});

describe("submitting and withdrawing", () => {
  it("needs at least one cited finding, none a draft", async () => {
    const { comparison, finding, ownDraft } = await setting();
    const none = await rejection(putAssessment(author, comparison.id, { judgment, likelihood: "likely", confidence: "low", submit: true }));
    expect(none.errors).toEqual({ annotationIds: "Cite at least one finding." });
    expect(await db.assessment.count({ where: { comparisonId: comparison.id } })).toBe(0);
    const draft = await putAssessment(author, comparison.id, {
      judgment,
      likelihood: "likely",
      confidence: "low",
      annotationIds: [finding, ownDraft],
    });
    const error = await rejection(submitAssessment(author, comparison.id, { version: draft.version }));
    expect(error.errors).toEqual({ "annotationIds.1": "This finding is still a draft: submit it first." });
    await submitAnnotation(author, ownDraft, { version: 1 });
    const submitted = await submitAssessment(author, comparison.id, { version: draft.version });
    expect(submitted).toMatchObject({ status: "in_review", version: 2 });
    expect(submitted.submittedAt).not.toBeNull();
  });

  it("cannot be edited while in review, can be withdrawn by its author until someone decides", async () => {
    const { comparison, finding } = await setting();
    const inReview = await putAssessment(author, comparison.id, {
      judgment,
      likelihood: "likely",
      confidence: "low",
      annotationIds: [finding],
      submit: true,
    });
    expect(inReview.status).toBe("in_review");
    const edit = await rejection(
      putAssessment(author, comparison.id, { judgment: "x", likelihood: "likely", confidence: "low", version: inReview.version }),
    );
    expect(edit.status).toBe(409);
    expect(edit.message).toBe("An assessment that is in review cannot be edited.");
    expect((await rejection(withdrawAssessment(otherAnalyst, comparison.id, { version: inReview.version }))).status).toBe(403);
    const withdrawn = await withdrawAssessment(author, comparison.id, { version: inReview.version });
    expect(withdrawn).toMatchObject({ status: "draft", submittedAt: null });
    const again = await submitAssessment(author, comparison.id, { version: withdrawn.version });
    await reviewAssessment(reviewer, comparison.id, { decision: "approve", version: again.version });
    const late = await rejection(withdrawAssessment(author, comparison.id, { version: again.version + 1 }));
    expect(late.status).toBe(409);
  });
});

describe("four-eyes review", () => {
  async function submitted() {
    const { comparison, finding } = await setting();
    const view = await putAssessment(author, comparison.id, {
      judgment,
      likelihood: "likely",
      confidence: "moderate",
      annotationIds: [finding],
      submit: true,
    });
    return { comparison, view, finding };
  }

  it("refuses the author, analysts, and anyone who edited the assessment", async () => {
    const { comparison, view } = await submitted();
    expect((await rejection(reviewAssessment(author, comparison.id, { decision: "approve", version: view.version }))).status).toBe(403);
    expect((await rejection(reviewAssessment(otherAnalyst, comparison.id, { decision: "approve", version: view.version }))).status).toBe(
      403,
    );
    // An admin who edited it (as admins may) cannot then approve it.
    const withdrawn = await withdrawAssessment(author, comparison.id, { version: view.version });
    const byAdmin = await putAssessment(admin, comparison.id, {
      judgment: "Admin wording.",
      likelihood: "likely",
      confidence: "moderate",
      annotationIds: view.annotationIds,
      version: withdrawn.version,
    });
    const resubmitted = await submitAssessment(author, comparison.id, { version: byAdmin.version });
    const error = await rejection(reviewAssessment(admin, comparison.id, { decision: "approve", version: resubmitted.version }));
    expect(error.message).toMatch(/You edited this assessment/);
  });

  it("requests changes with a comment, takes a revision, then approves it; each decision applies to its version", async () => {
    const { comparison, view } = await submitted();
    const noComment = await rejection(reviewAssessment(reviewer, comparison.id, { decision: "request_changes", version: view.version }));
    expect(noComment.errors).toHaveProperty("comment");
    const sentBack = await reviewAssessment(reviewer, comparison.id, {
      decision: "request_changes",
      comment: "Say why 'very likely' and not 'likely'.",
      version: view.version,
    });
    expect(sentBack).toMatchObject({ status: "changes_requested", currentDecision: { decision: "request_changes" } });
    expect((await listReturnedAssessments(author, { limit: 200 })).items.map((a) => a.comparison.id)).toContain(comparison.id);
    const revised = await putAssessment(author, comparison.id, {
      judgment: `${judgment} Two sources say so independently.`,
      likelihood: "very_likely",
      confidence: "moderate",
      annotationIds: view.annotationIds,
      version: sentBack.version,
      submit: true,
    });
    expect(revised).toMatchObject({ status: "in_review", currentDecision: null, latestReview: { decision: "request_changes" } });
    expect((await listAssessmentsToReview(reviewer, { limit: 200 })).items.map((a) => a.comparison.id)).toContain(comparison.id);
    expect((await rejection(listAssessmentsToReview(author))).status).toBe(403);
    const approved = await reviewAssessment(reviewer, comparison.id, { decision: "approve", version: revised.version });
    expect(approved).toMatchObject({ status: "approved", currentDecision: { decision: "approve", reviewer: { id: reviewer.id } } });

    const history = await getAssessmentHistory(author, comparison.id);
    expect(history?.events.map((e) => e.action)).toEqual([
      "assessment.create",
      "assessment.submit",
      "assessment.request_changes",
      "assessment.update",
      "assessment.submit",
      "assessment.approve",
    ]);
    expect(history?.events[2]!.comment).toBe("Say why 'very likely' and not 'likely'.");
    expect(history?.events[3]!.changes.map((c) => c.field)).toEqual(["judgment", "likelihood"]);
    expect(history?.reviews.map((r) => r.decision)).toEqual(["request_changes", "approve"]);

    // Editing the approved assessment reopens it as a draft: the approval no longer applies.
    const reopened = await putAssessment(author, comparison.id, {
      judgment: "Changed after approval.",
      likelihood: "very_likely",
      confidence: "high",
      annotationIds: view.annotationIds,
      version: approved.version,
    });
    expect(reopened).toMatchObject({ status: "draft", currentDecision: null });
  });

  it("lets exactly one of two simultaneous decisions through", async () => {
    const { comparison, view } = await submitted();
    const results = await Promise.allSettled([
      reviewAssessment(reviewer, comparison.id, { decision: "approve", version: view.version }),
      reviewAssessment(reviewer2, comparison.id, { decision: "reject", comment: "Not supported.", version: view.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((failed.reason as AppError).status).toBe(409);
    expect(await db.assessmentReview.count({ where: { assessmentId: view.id } })).toBe(1);
  });
});

describe("deleting", () => {
  it("lets the author delete a draft (audited) but not an approved assessment; it goes with its comparison", async () => {
    const { comparison, finding } = await setting();
    const draft = await putAssessment(author, comparison.id, {
      judgment,
      likelihood: "likely",
      confidence: "low",
      annotationIds: [finding],
    });
    expect((await rejection(deleteAssessment(otherAnalyst, comparison.id))).status).toBe(404);
    await deleteAssessment(author, comparison.id);
    expect(await loadAssessment(author, comparison.id)).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "assessment.delete" } })).toBe(1);

    const again = await putAssessment(author, comparison.id, {
      judgment,
      likelihood: "likely",
      confidence: "low",
      annotationIds: [finding],
      submit: true,
    });
    const approved = await reviewAssessment(reviewer, comparison.id, { decision: "approve", version: again.version });
    expect((await rejection(deleteAssessment(author, comparison.id))).status).toBe(409);
    await deleteComparison(admin, comparison.id);
    expect(await db.assessment.count({ where: { id: approved.id } })).toBe(0);
  });
});
