import { beforeAll, describe, expect, it } from "vitest";

import { createAnnotation, deleteAnnotation, getAnnotation, submitAnnotation, updateAnnotation } from "@/lib/annotations/service";
import type { AnnotationView } from "@/lib/annotations/views";
import { db } from "@/lib/db";
import { reviewAnnotation } from "@/lib/reviews/service";
import {
  createAnnotation as makeAnnotation,
  createComparison,
  createUser,
  type TestComparison,
  type TestUser,
} from "@/tests/support/factories";

import { refused } from "./annotations-helpers";

// Ownership, optimistic concurrency, deletion rules and the audit trail of
// annotation writes, against the real database.

let author: TestUser;
let otherAnalyst: TestUser;
let reviewer: TestUser;
let admin: TestUser;
let comparison: TestComparison;

beforeAll(async () => {
  [author, otherAnalyst, reviewer, admin] = await Promise.all([
    createUser("analyst"),
    createUser("analyst"),
    createUser("reviewer"),
    createUser("admin"),
  ]);
  comparison = await createComparison();
});

const stored = (id: string) =>
  db.annotation.findUnique({
    where: { id },
    select: {
      rationale: true,
      version: true,
      status: true,
      kind: true,
      spans: { select: { start: true, end: true, exact: true, prefix: true, suffix: true } },
    },
  });

const auditOf = (id: string) =>
  db.auditEvent.findMany({
    where: { entityId: id },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });

describe("ownership", () => {
  let draft: AnnotationView;

  beforeAll(async () => {
    draft = await makeAnnotation(author, comparison, { rationale: "Original rationale." });
  });

  it("keeps a draft to its author: to another analyst or a reviewer it does not exist", async () => {
    await refused(getAnnotation(otherAnalyst, draft.id), "not_found");
    await refused(updateAnnotation(otherAnalyst, draft.id, { version: draft.version, rationale: "Hijacked." }), "not_found");
    await refused(submitAnnotation(otherAnalyst, draft.id, { version: draft.version }), "not_found");
    await refused(deleteAnnotation(otherAnalyst, draft.id), "not_found");
    await refused(updateAnnotation(reviewer, draft.id, { version: draft.version, rationale: "Reviewer edit." }), "not_found");
    expect(await stored(draft.id)).toMatchObject({ rationale: "Original rationale.", version: 1, status: "draft" });
    expect((await getAnnotation(admin, draft.id)).rationale).toBe("Original rationale.");
  });

  it("lets another analyst or a reviewer see, but neither edit, submit nor delete, a submitted annotation", async () => {
    const submitted = await makeAnnotation(author, comparison, { rationale: "Sent back later.", submit: true });
    const { annotation: returned } = await reviewAnnotation(reviewer, submitted.id, {
      decision: "request_changes",
      comment: "Quote the date.",
      version: submitted.version,
    });
    expect((await getAnnotation(otherAnalyst, returned.id)).status).toBe("changes_requested");
    await refused(updateAnnotation(otherAnalyst, returned.id, { version: returned.version, rationale: "Hijacked." }), "forbidden");
    await refused(updateAnnotation(reviewer, returned.id, { version: returned.version, rationale: "Reviewer edit." }), "forbidden");
    await refused(submitAnnotation(otherAnalyst, returned.id, { version: returned.version }), "forbidden");
    await refused(deleteAnnotation(otherAnalyst, returned.id), "forbidden");
    expect(await stored(returned.id)).toMatchObject({ rationale: "Sent back later.", status: "changes_requested" });
  });

  it("lets the author edit and submit, bumping the version each time", async () => {
    const edited = await updateAnnotation(author, draft.id, {
      version: 1,
      rationale: "Sharper rationale.",
      confidence: "high",
      tags: ["rebrand"],
    });
    expect(edited).toMatchObject({ version: 2, rationale: "Sharper rationale.", confidence: "high", tags: ["rebrand"], status: "draft" });
    const submitted = await submitAnnotation(author, draft.id, { version: 2 });
    expect(submitted).toMatchObject({ version: 3, status: "in_review" });
    expect(submitted.submittedAt).not.toBeNull();
    // In review the author may no longer edit (409: illegal transition).
    await refused(updateAnnotation(author, draft.id, { version: 3, rationale: "Too late." }), "conflict");
  });
});

describe("version conflicts", () => {
  it("refuses a stale edit with 409, returns the newer version and overwrites nothing", async () => {
    const annotation = await makeAnnotation(author, comparison, { rationale: "First." });
    await updateAnnotation(author, annotation.id, { version: 1, rationale: "Second, from another tab." });
    const error = await refused(updateAnnotation(author, annotation.id, { version: 1, rationale: "Stale overwrite." }), "conflict");
    expect(error.extra?.current).toMatchObject({ id: annotation.id, version: 2, rationale: "Second, from another tab." });
    expect(await stored(annotation.id)).toMatchObject({ rationale: "Second, from another tab.", version: 2 });
  });

  it("refuses a stale submit with 409 and leaves the status alone", async () => {
    const annotation = await makeAnnotation(author, comparison);
    await updateAnnotation(author, annotation.id, { version: 1, confidence: "low" });
    await refused(submitAnnotation(author, annotation.id, { version: 1 }), "conflict");
    expect(await stored(annotation.id)).toMatchObject({ status: "draft", version: 2 });
  });

  it("lets exactly one of two concurrent edits of the same version win", async () => {
    const annotation = await makeAnnotation(author, comparison);
    const results = await Promise.allSettled([
      updateAnnotation(author, annotation.id, { version: 1, rationale: "Tab A." }),
      updateAnnotation(author, annotation.id, { version: 1, rationale: "Tab B." }),
    ]);
    const winners = results.filter((r) => r.status === "fulfilled");
    expect(winners).toHaveLength(1);
    const row = await stored(annotation.id);
    expect(row?.version).toBe(2);
    expect(row?.rationale).toBe((winners[0] as PromiseFulfilledResult<AnnotationView>).value.rationale);
  });
});

describe("deletion", () => {
  it("lets the author delete an own draft", async () => {
    const annotation = await makeAnnotation(author, comparison);
    await deleteAnnotation(author, annotation.id);
    expect(await stored(annotation.id)).toBeNull();
  });

  it("refuses the author deleting an annotation that is no longer a draft", async () => {
    const annotation = await makeAnnotation(author, comparison, { submit: true });
    await refused(deleteAnnotation(author, annotation.id), "conflict");
    expect((await stored(annotation.id))?.status).toBe("in_review");
  });

  it("lets an admin delete anyone's annotation in any state, audited", async () => {
    const annotation = await makeAnnotation(author, comparison, { submit: true });
    await deleteAnnotation(admin, annotation.id);
    expect(await stored(annotation.id)).toBeNull();
    const events = await auditOf(annotation.id);
    expect(events.at(-1)).toMatchObject({
      action: "annotation.delete",
      actorId: admin.id,
      before: { id: annotation.id, status: "in_review" },
    });
  });

  it("answers 404 for an annotation that no longer exists", async () => {
    const annotation = await makeAnnotation(author, comparison);
    await deleteAnnotation(author, annotation.id);
    await refused(deleteAnnotation(author, annotation.id), "not_found");
    await refused(updateAnnotation(author, annotation.id, { version: 1, rationale: "Ghost." }), "not_found");
  });
});

describe("audit trail and stored selectors", () => {
  it("records an audit event for every write, with before and after", async () => {
    const created = await makeAnnotation(author, comparison, { rationale: "Audited." });
    await updateAnnotation(author, created.id, { version: 1, rationale: "Audited, edited." });
    await submitAnnotation(author, created.id, { version: 2 });
    const events = await auditOf(created.id);
    expect(events.map((e) => e.action)).toEqual(["annotation.create", "annotation.update", "annotation.submit"]);
    expect(events.every((e) => e.actorId === author.id)).toBe(true);
    expect(events[1]).toMatchObject({ before: { rationale: "Audited." }, after: { rationale: "Audited, edited.", version: 2 } });
    expect(events[2]).toMatchObject({ before: { status: "draft" }, after: { status: "in_review", version: 3 } });

    const submittedAtOnce = await makeAnnotation(author, comparison, { submit: true });
    expect((await auditOf(submittedAtOnce.id)).map((e) => e.action)).toEqual(["annotation.create", "annotation.submit"]);
  });

  it("records nothing for a refused write", async () => {
    const created = await makeAnnotation(author, comparison);
    await refused(updateAnnotation(otherAnalyst, created.id, { version: 1, rationale: "No." }), "not_found");
    await refused(updateAnnotation(author, created.id, { version: 9, rationale: "Stale." }), "conflict");
    expect((await auditOf(created.id)).map((e) => e.action)).toEqual(["annotation.create"]);
  });

  it("recomputes prefix and suffix from the stored text, ignoring the client's", async () => {
    const leftQuote = "simply reappeared";
    const start = comparison.left.text.indexOf(leftQuote);
    const right = comparison.right.text.indexOf("claiming mission accomplished");
    const created = await createAnnotation(author, comparison.id, {
      kind: "agreement",
      rationale: "Context check.",
      spans: [
        {
          sourceId: comparison.left.id,
          start,
          end: start + leftQuote.length,
          exact: leftQuote,
          prefix: "forged prefix",
          suffix: "forged suffix",
        },
        { sourceId: comparison.right.id, start: right, end: right + 29, exact: "claiming mission accomplished" },
      ],
    });
    const [span] = (await stored(created.id))!.spans.filter((s) => s.exact === leftQuote);
    expect(span!.prefix).toBe(comparison.left.text.slice(start - 32, start));
    expect(span!.suffix).toBe(comparison.left.text.slice(start + leftQuote.length, start + leftQuote.length + 32));
  });

  it("lets an admin edit someone else's approved annotation, reopening it as a draft", async () => {
    const annotation = await makeAnnotation(author, comparison, { submit: true });
    await db.annotation.update({ where: { id: annotation.id }, data: { status: "approved", decidedAt: new Date() } });
    const edited = await updateAnnotation(admin, annotation.id, { version: annotation.version, rationale: "Admin correction." });
    expect(edited).toMatchObject({ status: "draft", version: annotation.version + 1, decidedAt: null, author: { id: author.id } });
    expect((await auditOf(annotation.id)).at(-1)).toMatchObject({
      action: "annotation.update",
      actorId: admin.id,
      before: { status: "approved" },
      after: { status: "draft" },
    });
  });
});
