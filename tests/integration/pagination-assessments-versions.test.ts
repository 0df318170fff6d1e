// Cursor pages for the last bounded lists (issue 16, item 4): the assessment
// queues (to review, returned to me) and a source's versions. Walking page by
// page sees every row exactly once in the list's order; a bad cursor is a
// 400 naming it.
import { beforeAll, describe, expect, it } from "vitest";

import { GET as versionsRoute } from "@/app/api/v1/sources/[id]/versions/route";
import { listAssessmentsToReview, listReturnedAssessments } from "@/lib/assessments/queue";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { encodeCursor, type Paged } from "@/lib/http/pagination";
import { listVersionsPage } from "@/lib/versions/service";
import { createComparison, createUser } from "@/tests/support/factories";

import { call, tokenFor } from "./route-support";

let author: Actor;
let reviewer: Actor;

beforeAll(async () => {
  [author, reviewer] = await Promise.all([createUser("analyst"), createUser("reviewer")]);
});

async function walk<T extends { id: string }>(load: (cursor: string | null) => Promise<Paged<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 1_000);
  return { items, pages };
}

/** An assessment of the author's on a new comparison, in a given state at a given time. */
async function assessment(status: "in_review" | "changes_requested" | "rejected", at: Date): Promise<string> {
  const comparison = await createComparison();
  const row = await db.assessment.create({
    data: {
      comparisonId: comparison.id,
      authorId: author.id,
      judgment: `Judgment at ${at.toISOString()}`,
      likelihood: "likely",
      confidence: "moderate",
      status,
      submittedAt: at,
      decidedAt: status === "in_review" ? null : at,
    },
    select: { id: true },
  });
  return row.id;
}

describe("assessment queues in pages", () => {
  it("walks the reviewers' queue oldest submission first, same times told apart by id, each once", async () => {
    const base = Date.UTC(2001, 0, 1);
    const times = [5, 1, 3, 3, 3, 2, 4].map((minutes) => new Date(base + minutes * 60_000));
    const ids: string[] = [];
    for (const time of times) ids.push(await assessment("in_review", time));
    const { items, pages } = await walk((cursor) => listAssessmentsToReview(reviewer, { cursor, limit: 2 }));
    const mine = items.filter((item) => ids.includes(item.id));
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(mine).toHaveLength(ids.length);
    const submitted = mine.map((item) => item.submittedAt);
    expect(submitted).toEqual([...submitted].sort());
    const tied = mine.filter((item) => item.submittedAt === times[2]!.toISOString()).map((item) => item.id);
    expect(tied).toHaveLength(3);
    expect(tied).toEqual([...tied].sort());
    expect(pages).toBeGreaterThanOrEqual(4);
    const first = await listAssessmentsToReview(reviewer, { limit: 2 });
    expect(first.total).toBe(items.length);
    expect(first.items[0]).toMatchObject({ comparison: { id: expect.any(String), title: expect.any(String) } });
    // An analyst has no reviewers' queue.
    await expect(listAssessmentsToReview(author)).rejects.toMatchObject({ status: 403 });
  });

  it("walks the author's returned assessments newest decision first", async () => {
    const base = Date.UTC(2002, 0, 1);
    const ids: string[] = [];
    for (const [index, status] of (
      ["changes_requested", "rejected", "changes_requested", "rejected", "changes_requested"] as const
    ).entries()) {
      ids.push(await assessment(status, new Date(base + index * 60_000)));
    }
    const { items } = await walk((cursor) => listReturnedAssessments(author, { cursor, limit: 2 }));
    expect(items.filter((item) => ids.includes(item.id)).map((item) => item.id)).toEqual([...ids].reverse());
    expect((await listReturnedAssessments(author, { limit: 1 })).total).toBe(items.length);
  });

  it("answers a cursor that is not one of ours with a 400 naming it", async () => {
    await expect(listAssessmentsToReview(reviewer, { cursor: "not-a-cursor" })).rejects.toMatchObject({
      status: 400,
      errors: { cursor: expect.any(String) },
    });
    const wrongKey = encodeCursor({ key: "yesterday", id: "00000000-0000-4000-8000-000000000000" });
    await expect(listReturnedAssessments(author, { cursor: wrongKey })).rejects.toMatchObject({ status: 400 });
  });
});

describe("source versions in pages", () => {
  it("walks versions newest first through the API, each once, with a next cursor until the end", async () => {
    const comparison = await createComparison();
    const sourceId = comparison.left.id;
    const existing = await db.sourceVersion.count({ where: { sourceId } });
    await db.sourceVersion.createMany({
      data: Array.from({ length: 7 }, (_, index) => ({
        sourceId,
        number: existing + index + 1,
        text: `Version text ${index}`,
        rawContent: `Version text ${index}`,
        rawFormat: "text" as const,
        contentHash: `hash-${index}`,
        origin: "paste" as const,
      })),
    });
    const total = existing + 7;
    const token = (await tokenFor(author, ["read"])).secret;
    type Body = { versions: Array<{ id: string; number: number }>; nextCursor: string | null };
    const { items, pages } = await walk(async (cursor) => {
      const query = new URLSearchParams({ limit: "3", ...(cursor ? { cursor } : {}) });
      const response = await call(versionsRoute, "GET", `/api/v1/sources/${sourceId}/versions?${query}`, { id: sourceId }, { token });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Body;
      return { items: body.versions, nextCursor: body.nextCursor };
    });
    expect(items.map((version) => version.number)).toEqual(Array.from({ length: total }, (_, index) => total - index));
    expect(pages).toBe(Math.ceil(total / 3));

    const response = await call(versionsRoute, "GET", `/api/v1/sources/${sourceId}/versions?cursor=nope!`, { id: sourceId }, { token });
    expect(response.status).toBe(400);
    const forged = encodeCursor({ key: "two", id: items[0]!.id });
    await expect(listVersionsPage(author, sourceId, { cursor: forged })).rejects.toMatchObject({
      status: 400,
      errors: { cursor: expect.any(String) },
    });
    await expect(listVersionsPage(author, sourceId, { limit: 0 })).rejects.toMatchObject({
      status: 400,
      errors: { limit: expect.any(String) },
    });
  });
});
