// A throwaway, migrated database for a bench: a fresh database on
// TEST_DATABASE_URL's (or DATABASE_URL's) server, else an embedded
// PostgreSQL in a temporary folder. Set DATABASE_URL before importing lib/db.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { startEmbeddedPostgres } from "../../lib/infra/embedded-postgres";
import { applyMigrations } from "../../lib/infra/migrations";

export type BenchDatabase = { url: string; close: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let tempDir: string | undefined;
  const server = serverUrl
    ? { connectionString: serverUrl, stop: async () => {} }
    : await (async () => {
        tempDir = await mkdtemp(path.join(os.tmpdir(), "parallax-bench-"));
        return startEmbeddedPostgres({ dataDir: path.join(tempDir, "pg"), port: 0, databaseName: "postgres", isDurable: false });
      })();
  const name = `parallax_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.connectionString });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = withDatabase(server.connectionString, name);
  await applyMigrations({ connectionString: url });
  return {
    url,
    close: async () => {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server.stop();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}
