// A database that is away, hangs, or is too slow must give a quick 503
// problem+json, never a 500 or a request that waits forever: real connections
// to a closed port, to a server that never answers, and real server timeouts.
import net from "node:net";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { createDbClient, type PoolSettings } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { problemFromError, problemResponse } from "@/lib/http/problem";

const databaseUrl = process.env.DATABASE_URL!;
const settings: PoolSettings = { size: 2, connectTimeoutMs: 500, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 };
const clients: Array<{ $disconnect(): Promise<void> }> = [];
const open = (url: string, overrides: Partial<PoolSettings> = {}) => {
  const client = createDbClient(url, { ...settings, ...overrides });
  clients.push(client);
  return client;
};
const withPort = (port: number) => Object.assign(new URL(databaseUrl), { port: String(port) }).toString();

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect().catch(() => {})));
});

async function failureOf(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error("expected the query to fail");
}

/** Until a statement containing `marker` is running on the server. */
async function waitUntilRunning(marker: string): Promise<void> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  await probe.connect();
  try {
    for (let tries = 0; tries < 100; tries++) {
      const { rows } = await probe.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1", [
        `%${marker}%`,
      ]);
      if ((rows[0] as { n: number }).n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the busy statement never started");
  } finally {
    await probe.end();
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("database unavailable", () => {
  it("answers 503 problem+json with Retry-After at once when nothing listens", async () => {
    const db = open(withPort(await freePort()));
    const { error, ms } = await failureOf(() => db.user.findMany());
    expect(ms).toBeLessThan(2000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const problem = problemFromError(error, "test");
    expect(problem).toMatchObject({ status: 503, type: "https://parallax.app/problems/unavailable", title: "Service unavailable" });
    expect(JSON.stringify(problem)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|prisma/i); // nothing internal leaks
    const response = problemResponse(problem);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("2");
  });

  it("gives up on a server that accepts connections but never answers, within the connect timeout", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const db = open(withPort((silent.address() as net.AddressInfo).port), { connectTimeoutMs: 300 });
      const { error, ms } = await failureOf(() => db.$queryRaw`SELECT 1`);
      expect(ms).toBeLessThan(1500);
      expect(problemFromError(error).status).toBe(503);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("waits for a pooled connection no longer than the connect timeout when the pool is busy", async () => {
    const db = open(databaseUrl, { size: 1, connectTimeoutMs: 500 });
    await db.$queryRaw`SELECT 1`; // the pool's only connection is open
    const marker = `busy_${Date.now()}`;
    const busy = db.$queryRawUnsafe(`SELECT 1 FROM pg_sleep(2) AS ${marker}`).then(() => "done"); // Prisma queries start when awaited
    await waitUntilRunning(marker);
    const { error, ms } = await failureOf(() => db.$queryRaw`SELECT 1`);
    await expect(busy).resolves.toBe("done");
    expect(ms).toBeLessThan(1500);
    expect(problemFromError(error).status).toBe(503);
  });

  it("stops a statement at statement_timeout and answers 503", async () => {
    const db = open(databaseUrl, { statementTimeoutMs: 200 });
    const { error, ms } = await failureOf(() => db.$queryRaw`SELECT 1 FROM pg_sleep(3)`);
    expect(ms).toBeLessThan(1500);
    expect(problemFromError(error).status).toBe(503);
    await expect(db.$queryRaw`SELECT 1 AS ok`).resolves.toEqual([{ ok: 1 }]); // the pool is still usable
  });

  it("ends a transaction left idle past idle_in_transaction_session_timeout", async () => {
    const db = open(databaseUrl, { idleInTransactionTimeoutMs: 200 });
    const { error } = await failureOf(() =>
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await new Promise((resolve) => setTimeout(resolve, 800));
        await tx.$queryRaw`SELECT 1`;
      }),
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    await expect(db.$queryRaw`SELECT 1 AS ok`).resolves.toEqual([{ ok: 1 }]);
  });

  it("keeps other errors as they were: a bug is a 500 with an error id, not a 503", async () => {
    const db = open(databaseUrl);
    const { error } = await failureOf(() => db.$queryRawUnsafe("SELECT * FROM no_such_table"));
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(problemFromError(error, "test")).toMatchObject({ status: 500, errorId: expect.any(String) });
  });
});
