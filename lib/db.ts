import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { env } from "@/lib/env.js";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process, kept on globalThis so hot reloads in development do
// not open a new pool each time. Every wait on the database is bounded, so a
// dead or overloaded server turns into a quick error (503, lib/http/problem.ts)
// rather than requests piling up behind it.

export type PoolSettings = {
  /** Connections in the pool. */
  size: number;
  /** Longest wait for a connection (new or from the pool) before giving up. */
  connectTimeoutMs: number;
  /** Server-side limit on one statement; 0 = none. */
  statementTimeoutMs: number;
  /** Server-side limit on a transaction left open and idle; 0 = none. */
  idleInTransactionTimeoutMs: number;
};

export function readPoolSettings(): PoolSettings {
  return {
    size: env.PARALLAX_DB_POOL_SIZE,
    connectTimeoutMs: env.PARALLAX_DB_CONNECT_TIMEOUT,
    statementTimeoutMs: env.PARALLAX_DB_STATEMENT_TIMEOUT,
    idleInTransactionTimeoutMs: env.PARALLAX_DB_IDLE_TX_TIMEOUT,
  };
}

export function createDbClient(connectionString: string, settings: PoolSettings = readPoolSettings()): PrismaClient {
  // No connection is opened until the first query, so creating the client
  // during `next build` is harmless even without DATABASE_URL.
  const adapter = new PrismaPg({
    connectionString,
    max: settings.size,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    // Notice a silently dropped server (no RST) instead of waiting on a dead socket.
    keepAlive: true,
    application_name: "parallax",
  });
  // An interactive transaction waits for its connection as long as any query does (Prisma's own default is 2 s).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: settings.connectTimeoutMs } });
}

const globalForDb = globalThis as unknown as { parallaxDb?: PrismaClient };

export const db: PrismaClient = globalForDb.parallaxDb ?? createDbClient(process.env.DATABASE_URL ?? "");
globalForDb.parallaxDb = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
