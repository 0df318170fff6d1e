// Vitest globalSetup for the integration project: one fresh, migrated database
// per run on TEST_DATABASE_URL's server or an embedded PostgreSQL, handed to
// the test workers with project.provide("databaseUrl").
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/infra/embedded-postgres";
import { applyMigrations } from "../../lib/infra/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const TEST_DATA_DIR = ".data/test-postgres";
const TEST_PORT = 54339;
const DATABASE_PREFIX = "parallax_test_";
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

let cleanup: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const server = process.env.TEST_DATABASE_URL
    ? { connectionString: process.env.TEST_DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: TEST_DATA_DIR, port: TEST_PORT, databaseName: "postgres", isDurable: false });
  // Time first in the name, so leftovers of killed runs can be recognised and dropped.
  const databaseName = `${DATABASE_PREFIX}${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.connectionString });
  await admin.connect();
  try {
    await dropStaleDatabases(admin);
    await admin.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await admin.end();
  }
  const databaseUrl = withDatabase(server.connectionString, databaseName);
  cleanup = async () => {
    const client = new pg.Client({ connectionString: server.connectionString });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => client.end());
    await server.stop();
  };
  await applyMigrations({ connectionString: databaseUrl });
  project.provide("databaseUrl", databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
}

export async function teardown(): Promise<void> {
  await cleanup?.();
}

/** Build a URL for another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${DATABASE_PREFIX}%`]);
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(DATABASE_PREFIX.length).split("_")[0]);
    if (Date.now() - createdAt > STALE_AFTER_MS) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}
