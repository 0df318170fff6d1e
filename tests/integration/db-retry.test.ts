// The shared transaction helper (lib/db-retry.ts): real serialization failures
// and a real deadlock between two transactions are retried until both land;
// other errors are not retried; running out of tries is a 409.
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { isTransactionConflict } from "@/lib/db-errors";
import { retryOnConflict, runTransaction } from "@/lib/db-retry";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const table = `retry_probe_${randomBytes(4).toString("hex")}`;
const serializable = Prisma.TransactionIsolationLevel.Serializable;

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
});

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`);
});

/** Resolves when `count` parties have arrived: makes two transactions overlap for sure. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived++;
    if (arrived >= count) release();
    return all;
  };
}

async function sumOf(): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ total: number }>>(`SELECT COALESCE(SUM(n), 0)::int AS total FROM ${table}`);
  return row!.total;
}

/** Read the total, then insert a row derived from it: two at once cannot both commit under Serializable. */
function readThenInsert(id: number, meet: () => Promise<void>, tries: { count: number }) {
  return async (tx: Prisma.TransactionClient) => {
    tries.count++;
    const [row] = await tx.$queryRawUnsafe<Array<{ total: number }>>(`SELECT COALESCE(SUM(n), 0)::int AS total FROM ${table}`);
    if (tries.count === 1) await meet();
    await tx.$executeRawUnsafe(`INSERT INTO ${table} (id, n) VALUES ($1, $2)`, id, row!.total + 1);
  };
}

describe("runTransaction", () => {
  it("retries a serialization failure so that both concurrent transactions commit", async () => {
    await db.$executeRawUnsafe(`DELETE FROM ${table}`);
    const meet = barrier(2);
    const [a, b] = [{ count: 0 }, { count: 0 }];
    await Promise.all([
      runTransaction(readThenInsert(1, meet, a), { isolationLevel: serializable }),
      runTransaction(readThenInsert(2, meet, b), { isolationLevel: serializable }),
    ]);
    expect(a.count + b.count).toBeGreaterThan(2); // one of them ran again
    expect(await sumOf()).toBe(3); // 1, then 2: as if one after the other
  });

  it("retries the loser of a deadlock", async () => {
    await db.$executeRawUnsafe(`DELETE FROM ${table}`);
    await db.$executeRawUnsafe(`INSERT INTO ${table} (id, n) VALUES (1, 0), (2, 0)`);
    const meet = barrier(2);
    let tries = 0;
    const lockBoth = (first: number, second: number) => async (tx: Prisma.TransactionClient) => {
      tries++;
      await tx.$executeRawUnsafe(`UPDATE ${table} SET n = n + 1 WHERE id = $1`, first);
      if (tries <= 2) await meet();
      await tx.$executeRawUnsafe(`UPDATE ${table} SET n = n + 1 WHERE id = $1`, second);
    };
    await Promise.all([runTransaction(lockBoth(1, 2)), runTransaction(lockBoth(2, 1))]);
    expect(tries).toBe(3);
    expect(await sumOf()).toBe(4); // both transactions' two increments landed
  });

  it("answers 409 once every try lost, and does not retry other errors", async () => {
    await db.$executeRawUnsafe(`DELETE FROM ${table}`);
    const meet = barrier(2);
    const results = await Promise.allSettled([
      runTransaction(readThenInsert(1, meet, { count: 0 }), { isolationLevel: serializable, attempts: 1, conflictMessage: "Busy." }),
      runTransaction(readThenInsert(2, meet, { count: 0 }), { isolationLevel: serializable, attempts: 1, conflictMessage: "Busy." }),
    ]);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", status: 409, message: "Busy." });

    let calls = 0;
    const notFound = new AppError("not_found", "No such thing.");
    await expect(
      retryOnConflict(async () => {
        calls++;
        throw notFound;
      }),
    ).rejects.toBe(notFound);
    expect(calls).toBe(1);
  });

  it("recognises the conflict errors Prisma raises at statement and at commit time", async () => {
    await db.$executeRawUnsafe(`DELETE FROM ${table}`);
    const meet = barrier(2);
    const results = await Promise.allSettled([
      db.$transaction(readThenInsert(1, meet, { count: 0 }), { isolationLevel: serializable }),
      db.$transaction(readThenInsert(2, meet, { count: 0 }), { isolationLevel: serializable }),
    ]);
    const failure = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(isTransactionConflict(failure.reason)).toBe(true);
    expect(isTransactionConflict(new AppError("conflict", "stale version"))).toBe(false);
  });
});
