// Review rules beyond the state table: comments required to send back,
// stale versions, two reviewers at once, audit rows in the same transaction,
// the queue and the navigation counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { updateAnnotation } from "@/lib/annotations/service";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { getNavCounts, listReturnedToMe, listReviewQueue, reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

let analyst: TestUser;
let reviewer: TestUser;
let reviewer2: TestUser;
let comparison: TestComparison;

beforeAll(async () => {
  [analyst, reviewer, reviewer2] = await Promise.all([createUser("analyst"), createUser("reviewer"), createUser("reviewer")]);
  comparison = await createComparison();
});

describe("review decisions", () => {
  it("requires a comment to request changes or reject, not to approve", async () => {
    const a = await createAnnotation(analyst, comparison, { submit: true });
    for (const decision of ["request_changes", "reject"] as const) {
      for (const comment of [undefined, "", "   "]) {
        await expect(reviewAnnotation(reviewer, a.id, { decision, version: a.version, comment })).rejects.toMatchObject({
          code: "unprocessable",
          errors: { comment: expect.any(String) },
        });
      }
    }
    expect(await db.review.count({ where: { annotationId: a.id } })).toBe(0);
    const { annotation } = await reviewAnnotation(reviewer, a.id, { decision: "approve", version: a.version });
    expect(annotation.status).toBe("approved");
  });

  it("refuses a decision on a version the reviewer did not see, returning the current state", async () => {
    const a = await createAnnotation(analyst, comparison, { submit: true });
    const error = (await reviewAnnotation(reviewer, a.id, { decision: "approve", version: a.version + 1 }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.code).toBe("conflict");
    expect(error.extra?.current).toMatchObject({ id: a.id, version: a.version, status: "in_review" });
  });

  it("lets exactly one of two simultaneous reviewers win; the stored state is the winner's", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await createAnnotation(analyst, comparison, { submit: true });
      const results = await Promise.allSettled([
        reviewAnnotation(reviewer, a.id, { decision: "approve", version: a.version }),
        reviewAnnotation(reviewer2, a.id, { decision: "reject", version: a.version, comment: "Misreads source B." }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: "conflict" });
      const winner = won[0]!.value;
      expect((lost[0]!.reason as AppError).extra?.current).toMatchObject({ status: winner.annotation.status, version: a.version + 1 });
      const stored = await db.annotation.findUniqueOrThrow({ where: { id: a.id }, select: { status: true, version: true } });
      expect(stored).toEqual({ status: winner.annotation.status, version: a.version + 1 });
      const reviews = await db.review.findMany({ where: { annotationId: a.id } });
      expect(reviews.map((r) => r.id)).toEqual([winner.review.id]);
      expect(await db.auditEvent.count({ where: { entityId: a.id, action: { in: ["annotation.approve", "annotation.reject"] } } })).toBe(1);
    }
  });

  it("writes the audit row with the decision, and rolls the decision back when the audit insert fails", async () => {
    const a = await createAnnotation(analyst, comparison, { submit: true });
    const { annotation, review } = await reviewAnnotation(reviewer, a.id, {
      decision: "request_changes",
      version: a.version,
      comment: "Cite the date.",
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "annotation.request_changes" } });
    expect(audit).toMatchObject({ actorId: reviewer.id, comparisonId: comparison.id, before: { status: "in_review", version: a.version } });
    expect(audit.after).toMatchObject({
      status: "changes_requested",
      version: annotation.version,
      reviewId: review.id,
      comment: "Cite the date.",
    });

    const b = await createAnnotation(analyst, comparison, { submit: true });
    await expect(reviewAnnotation(reviewer, b.id, { decision: "reject", version: b.version, comment: "FAIL-AUDIT" })).rejects.toThrow();
    const stored = await db.annotation.findUniqueOrThrow({ where: { id: b.id }, select: { status: true, version: true, decidedAt: true } });
    expect(stored).toEqual({ status: "in_review", version: b.version, decidedAt: null });
    expect(await db.review.count({ where: { annotationId: b.id } })).toBe(0);
  });
});

describe("queue, returned list and navigation counts", () => {
  it("lists others' annotations in review, oldest submission first, filterable, with counts", async () => {
    const queueComparison = await createComparison();
    const first = await createAnnotation(analyst, queueComparison, { submit: true, kind: "contradiction" });
    const second = await createAnnotation(analyst, queueComparison, { submit: true, kind: "note" });
    const own = await createAnnotation(reviewer, queueComparison, { submit: true });
    await createAnnotation(analyst, queueComparison); // a draft is not in the queue

    const queue = await listReviewQueue(reviewer, { comparisonId: queueComparison.id });
    expect(queue.items.map((i) => i.id)).toEqual([first.id, second.id]);
    expect(queue.items[0]!.comparison).toEqual({ id: queueComparison.id, title: queueComparison.title });
    expect(queue.counts.byComparison.find((c) => c.id === queueComparison.id)?.count).toBe(2);

    const notes = await listReviewQueue(reviewer, { comparisonId: queueComparison.id, kind: "note" });
    expect(notes.items.map((i) => i.id)).toEqual([second.id]);
    // The author of `own` sees the other two; another reviewer sees all three.
    const forOther = await listReviewQueue(reviewer2, { comparisonId: queueComparison.id });
    expect(forOther.items.map((i) => i.id)).toEqual([first.id, second.id, own.id]);
    await expect(listReviewQueue(analyst)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("counts what a reviewer has to review and what came back to an author", async () => {
    const author = await createUser("analyst");
    const before = await getNavCounts(reviewer);
    const a = await createAnnotation(author, comparison, { submit: true });
    expect((await getNavCounts(reviewer)).toReview).toBe(before.toReview! + 1);
    expect(await getNavCounts(author)).toEqual({ toReview: undefined, returned: 0 });

    await reviewAnnotation(reviewer, a.id, { decision: "request_changes", version: a.version, comment: "Quote the whole sentence." });
    expect((await getNavCounts(reviewer)).toReview).toBe(before.toReview);
    expect((await getNavCounts(author)).returned).toBe(1);
    const { items: returned } = await listReturnedToMe(author);
    expect(returned).toHaveLength(1);
    expect(returned[0]!.latestReview).toMatchObject({ decision: "request_changes", comment: "Quote the whole sentence." });

    await updateAnnotation(author, a.id, { version: a.version + 1, rationale: "Whole sentence quoted." });
    expect((await getNavCounts(author)).returned).toBe(0);
  });
});

// A trigger that makes one specific audit insert fail, to prove the decision shares its transaction.
beforeAll(async () => {
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION parallax_test_fail_audit() RETURNS trigger AS $$
    BEGIN
      IF NEW.after->>'comment' = 'FAIL-AUDIT' THEN RAISE EXCEPTION 'audit insert refused by test'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER parallax_test_fail_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION parallax_test_fail_audit()`,
  );
});

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS parallax_test_fail_audit ON "AuditEvent"`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS parallax_test_fail_audit()`);
});
