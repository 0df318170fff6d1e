// Cursor pages against the real database (issue 16, item 4): walking a list
// page by page while rows are inserted between the pages sees every row that
// existed when the walk began exactly once, rows with the same sort key are
// told apart by id, and a bad cursor or limit is a 400 naming the field.
import { beforeAll, describe, expect, it } from "vitest";

import { listComparisonAnnotations } from "@/lib/annotations/list";
import type { Actor } from "@/lib/auth/actor";
import { listComparisons } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { problemFromError } from "@/lib/http/problem";
import { encodeCursor, PAGE_LIMIT_MAX, type Paged } from "@/lib/http/pagination";
import { listNotifications } from "@/lib/notifications/service";
import { listReturnedToMe, listReviewQueue } from "@/lib/reviews/service";
import { listUsers } from "@/lib/users/service";
import { createComparison, createUser, randomSuffix } from "@/tests/support/factories";

let analyst: Actor;
let author: Actor;
let reviewer: Actor;
let admin: Actor;

beforeAll(async () => {
  [analyst, author, reviewer, admin] = await Promise.all([
    createUser("analyst"),
    createUser("analyst"),
    createUser("reviewer"),
    createUser("admin"),
  ]);
});

/** Every page from the first, calling `between` after each one. */
async function walk<T extends { id: string }>(
  load: (cursor: string | null) => Promise<Paged<T>>,
  between: (pageIndex: number) => Promise<void> = async () => {},
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await load(cursor);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    pages += 1;
    await between(pages);
  } while (cursor && pages < 1_000);
  return { ids, pages };
}

async function submitted(comparisonId: string, submittedAt: Date) {
  const row = await db.annotation.create({
    data: { comparisonId, authorId: author.id, kind: "note", rationale: `Queued ${randomSuffix()}`, status: "in_review", submittedAt },
    select: { id: true },
  });
  return row.id;
}

describe("the review queue in pages", () => {
  it("walks oldest submission first; items submitted during the walk come at the end, nothing twice, nothing skipped", async () => {
    const comparison = await createComparison();
    const start = Date.now() - 60_000;
    // Three share one submission time: only the id can order them.
    const tied = new Date(start);
    const before = [
      await submitted(comparison.id, tied),
      await submitted(comparison.id, tied),
      await submitted(comparison.id, tied),
      ...(await Promise.all([1, 2, 3, 4].map((i) => submitted(comparison.id, new Date(start + i * 1000))))),
    ];
    const added: string[] = [];
    const { ids, pages } = await walk(
      async (cursor) => listReviewQueue(reviewer, { comparisonId: comparison.id }, { cursor, limit: 3 }),
      async () => {
        added.push(await submitted(comparison.id, new Date()));
      },
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, before.length).sort()).toEqual([...before].sort());
    expect(ids.slice(0, 3).sort()).toEqual(before.slice(0, 3).sort());
    // Each page was followed by one more submission; all but the last were reached.
    expect(ids).toEqual(expect.arrayContaining(added.slice(0, -1)));
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it("is no longer capped: more than 500 waiting items can all be reached", async () => {
    const comparison = await createComparison();
    const base = Date.now() - 3_600_000;
    await db.annotation.createMany({
      data: Array.from({ length: 520 }, (_, i) => ({
        comparisonId: comparison.id,
        authorId: author.id,
        kind: "note" as const,
        rationale: `Bulk ${i}`,
        status: "in_review" as const,
        submittedAt: new Date(base + i),
      })),
    });
    const { ids } = await walk((cursor) => listReviewQueue(reviewer, { comparisonId: comparison.id }, { cursor, limit: PAGE_LIMIT_MAX }));
    expect(ids).toHaveLength(520);
    expect(new Set(ids).size).toBe(520);
  });
});

describe("other lists in pages", () => {
  it("comparisons, newest first: those created during the walk do not push any row twice or out of reach", async () => {
    const existing = new Set((await db.comparison.findMany({ where: { archivedAt: null }, select: { id: true } })).map((row) => row.id));
    const { ids } = await walk(
      (cursor) => listComparisons(analyst, {}, { cursor, limit: 7 }),
      async (page) => {
        if (page <= 3) await createComparison();
      },
    );
    expect(new Set(ids).size).toBe(ids.length);
    const stillThere = new Set(
      (await db.comparison.findMany({ where: { id: { in: [...existing] }, archivedAt: null }, select: { id: true } })).map((r) => r.id),
    );
    expect(ids).toEqual(expect.arrayContaining([...stillThere]));
  });

  it("users by e-mail: an account added after the cursor is reached, one added before it is not repeated", async () => {
    const existing = (await db.user.findMany({ select: { id: true } })).map((row) => row.id);
    const late: string[] = [];
    const { ids } = await walk(
      (cursor) => listUsers(admin, { cursor, limit: 2 }),
      async (page) => {
        if (page === 1) {
          await createUser("analyst", { email: `0000-early-${randomSuffix()}@test.example` });
          late.push((await createUser("analyst", { email: `zzzz-late-${randomSuffix()}@test.example` })).id);
        }
      },
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...existing, ...late]));
  });

  it("notifications with the same timestamp are told apart by id across pages", async () => {
    const at = new Date(Date.now() - 5_000);
    await db.notification.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        userId: analyst.id,
        kind: "source_changed",
        message: `Same second ${i}`,
        createdAt: at,
      })),
    });
    const { ids } = await walk(
      async (cursor) => {
        const page = await listNotifications(analyst, { cursor, limit: 2 });
        return { items: page.notifications, nextCursor: page.nextCursor };
      },
      async () => {
        await db.notification.create({ data: { userId: analyst.id, kind: "source_changed", message: "Newer" } });
      },
    );
    const original = await db.notification.findMany({ where: { userId: analyst.id, createdAt: at }, select: { id: true } });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(original.map((row) => row.id)));
  });

  it("returned-to-me, newest decision first, with the total for the tab", async () => {
    const comparison = await createComparison();
    const decided = (i: number) => new Date(Date.now() - 10_000 + i * 100);
    await db.annotation.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        comparisonId: comparison.id,
        authorId: author.id,
        kind: "note" as const,
        rationale: `Sent back ${i}`,
        status: "changes_requested" as const,
        decidedAt: decided(i),
      })),
    });
    const first = await listReturnedToMe(author, { limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((item) => item.rationale)).toEqual(["Sent back 4", "Sent back 3"]);
    const { ids } = await walk((cursor) => listReturnedToMe(author, { cursor, limit: 2 }));
    expect(new Set(ids).size).toBe(5);
  });
});

describe("annotations of a comparison in pages", () => {
  it("oldest first, others' drafts left out, annotations added during the walk reached once", async () => {
    const comparison = await createComparison();
    // Distinct creation times, so the expected order does not hinge on ids.
    let tick = Date.now() - 60_000;
    const make = async (status: "draft" | "in_review", authorId: string) =>
      (
        await db.annotation.create({
          data: {
            comparisonId: comparison.id,
            authorId,
            kind: "note",
            rationale: `Listed ${randomSuffix()}`,
            status,
            createdAt: new Date((tick += 1000)),
          },
          select: { id: true },
        })
      ).id;
    const visible = [await make("in_review", author.id), await make("in_review", author.id), await make("draft", analyst.id)];
    const hidden = await make("draft", author.id);
    const added: string[] = [];
    const { ids } = await walk(
      (cursor) => listComparisonAnnotations(analyst, comparison.id, { cursor, limit: 2 }),
      async (page) => {
        if (page === 1) added.push(await make("in_review", author.id));
      },
    );
    expect(ids).toEqual([...visible, ...added]);
    expect(ids).not.toContain(hidden);
    await expect(listComparisonAnnotations(analyst, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("bad page requests", () => {
  it("a cursor that is not one of ours is a 400 problem naming `cursor`", async () => {
    for (const cursor of ["not-a-cursor!", "eyJub3QiOiJhIHBhaXIifQ", encodeCursor({ key: "not a date", id: analyst.id })]) {
      const error = await listComparisons(analyst, {}, { cursor }).catch((caught: unknown) => caught);
      const problem = problemFromError(error);
      expect(problem.status).toBe(400);
      expect(problem.errors).toHaveProperty("cursor");
    }
  });

  it("limit is a whole number from 1 to 200: 200 is served, 201, 0 and 'ten' are 400s naming `limit`", async () => {
    await expect(listUsers(admin, { limit: PAGE_LIMIT_MAX })).resolves.toMatchObject({ items: expect.any(Array) });
    expect((await listUsers(admin, { limit: PAGE_LIMIT_MAX })).items.length).toBeLessThanOrEqual(PAGE_LIMIT_MAX);
    for (const limit of ["201", "0", "ten"]) {
      const problem = problemFromError(await listUsers(admin, { limit }).catch((caught: unknown) => caught));
      expect(problem.status).toBe(400);
      expect(problem.errors).toHaveProperty("limit");
    }
  });

  it("the default page is 50", async () => {
    const comparison = await createComparison();
    await db.annotation.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        comparisonId: comparison.id,
        authorId: author.id,
        kind: "note" as const,
        rationale: `Default ${i}`,
        status: "in_review" as const,
        submittedAt: new Date(Date.now() - 100_000 + i),
      })),
    });
    const page = await listReviewQueue(reviewer, { comparisonId: comparison.id });
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).toEqual(expect.any(String));
  });
});
