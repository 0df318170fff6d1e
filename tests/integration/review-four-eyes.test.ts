// Four-eyes beyond authorship: whoever edited an annotation may not decide on
// it, and an edit followed by "submit" is one request and one transaction.
import { beforeAll, describe, expect, it } from "vitest";

import { updateAnnotation } from "@/lib/annotations/service";
import { db } from "@/lib/db";
import { reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

let analyst: TestUser;
let admin: TestUser;
let reviewer: TestUser;
let comparison: TestComparison;

beforeAll(async () => {
  [analyst, admin, reviewer] = await Promise.all([createUser("analyst"), createUser("admin"), createUser("reviewer")]);
  comparison = await createComparison();
});

describe("co-authors cannot review", () => {
  it("refuses a decision by an admin who edited the analyst's draft, and lets an uninvolved reviewer decide", async () => {
    const draft = await createAnnotation(analyst, comparison, { rationale: "First wording." });
    const edited = await updateAnnotation(admin, draft.id, { version: draft.version, rationale: "Admin's better wording." });
    const submitted = await updateAnnotation(analyst, draft.id, { version: edited.version, submit: true });
    expect(submitted.status).toBe("in_review");

    await expect(reviewAnnotation(admin, draft.id, { decision: "approve", version: submitted.version })).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/edited this annotation/),
    });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("in_review");
    const { annotation } = await reviewAnnotation(reviewer, draft.id, { decision: "approve", version: submitted.version });
    expect(annotation.status).toBe("approved");
  });
});

describe("edit and submit in one request", () => {
  it("saves the edit and submits it in one transaction, with both audit rows", async () => {
    const draft = await createAnnotation(analyst, comparison, { rationale: "Draft." });
    const result = await updateAnnotation(analyst, draft.id, { version: draft.version, rationale: "Final.", submit: true });
    expect(result).toMatchObject({ rationale: "Final.", status: "in_review", version: draft.version + 2 });
    const actions = await db.auditEvent.findMany({
      where: { entityId: draft.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["annotation.create", "annotation.update", "annotation.submit"]);
  });

  it("writes nothing when the submit half cannot happen", async () => {
    const draft = await createAnnotation(analyst, comparison, { rationale: "Mine." });
    // An admin may edit, but only the author may submit: the edit must roll back with the refusal.
    await expect(
      updateAnnotation(admin, draft.id, { version: draft.version, rationale: "Admin edit.", submit: true }),
    ).rejects.toMatchObject({
      status: 403,
    });
    expect(await db.annotation.findUniqueOrThrow({ where: { id: draft.id }, select: { rationale: true, version: true } })).toEqual({
      rationale: "Mine.",
      version: draft.version,
    });
  });
});
