import { beforeAll, describe, expect, it } from "vitest";

import { addComment, listComments } from "@/lib/comments/service";
import { threadComments } from "@/lib/comments/views";
import { db } from "@/lib/db";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

let analyst: TestUser;
let reviewer: TestUser;
let comparison: TestComparison;

beforeAll(async () => {
  [analyst, reviewer] = await Promise.all([createUser("analyst"), createUser("reviewer")]);
  comparison = await createComparison();
});

describe("comments", () => {
  it("threads replies under the comment they answer, in order, with an audit row each", async () => {
    const a = await createAnnotation(analyst, comparison, { submit: true });
    const question = await addComment(reviewer, a.id, { body: "  Which paragraph says 80%?  " });
    const answer = await addComment(analyst, a.id, { body: "The second one.", parentId: question.id });
    const other = await addComment(analyst, a.id, { body: "Also added a tag." });
    expect(question.body).toBe("Which paragraph says 80%?");

    const threads = threadComments(await listComments(analyst, a.id));
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      [question.id, [answer.id]],
      [other.id, []],
    ]);
    expect(threads[0]!.author).toEqual({ id: reviewer.id, name: reviewer.name });
    expect(await db.auditEvent.count({ where: { entityType: "comment", entityId: { in: [question.id, answer.id, other.id] } } })).toBe(3);
  });

  it("refuses empty comments and replies to another annotation's comment", async () => {
    const a = await createAnnotation(analyst, comparison, { submit: true });
    const b = await createAnnotation(analyst, comparison, { submit: true });
    await expect(addComment(analyst, a.id, { body: "   " })).rejects.toMatchObject({
      code: "bad_request",
      errors: { body: "Write a comment." },
    });
    const onB = await addComment(reviewer, b.id, { body: "On B." });
    await expect(addComment(analyst, a.id, { body: "Reply", parentId: onB.id })).rejects.toMatchObject({ code: "unprocessable" });
    await expect(addComment(analyst, "00000000-0000-4000-8000-000000000000", { body: "Hi" })).rejects.toMatchObject({ code: "not_found" });
    expect(await listComments(analyst, a.id)).toEqual([]);
  });

  it("keeps other people's drafts out of reach: nobody else can comment on or read comments of a draft", async () => {
    const draft = await createAnnotation(analyst, comparison);
    await expect(addComment(reviewer, draft.id, { body: "Peeking." })).rejects.toMatchObject({ code: "not_found" });
    await expect(listComments(reviewer, draft.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(addComment(analyst, draft.id, { body: "Note to self." })).resolves.toMatchObject({ body: "Note to self." });
  });
});
