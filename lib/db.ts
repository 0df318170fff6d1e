import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process, kept on globalThis so hot reloads in development do
// not open a new pool each time.
const globalForDb = globalThis as unknown as { parallaxDb?: PrismaClient };

function createClient(): PrismaClient {
  // No connection is opened until the first query, so importing this module
  // during `next build` is harmless even without DATABASE_URL.
  const connectionString = process.env.DATABASE_URL ?? "";
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export const db: PrismaClient = globalForDb.parallaxDb ?? createClient();
globalForDb.parallaxDb = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
