// Shared by the launcher and the seed/user scripts: resolve which database to
// use (DATABASE_URL, else the embedded one in the data folder), with its
// lifetime tied to the calling process.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { DEFAULT_PG_DATABASE, readPgPortFromEnv, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../lib/infra/embedded-postgres";

export const dataDir = path.resolve(process.env.PARALLAX_DATA_DIR ?? ".data");

export type Database = {
  connectionString: string;
  isEmbedded: boolean;
  stop(): Promise<void>;
  /** The embedded server, for supervision (scripts/run.ts). */
  embedded?: EmbeddedPostgresHandle;
};

export async function openDatabase(log: (message: string) => void = console.log): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { connectionString: process.env.DATABASE_URL, isEmbedded: false, stop: async () => {} };
  }
  mkdirSync(dataDir, { recursive: true });
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port: readPgPortFromEnv(),
    databaseName: DEFAULT_PG_DATABASE,
    log,
  });
  process.env.DATABASE_URL = embedded.connectionString;
  return { connectionString: embedded.connectionString, isEmbedded: true, stop: () => embedded.stop(), embedded };
}

/** Demo mode keeps one generated secret in the data folder so sessions survive restarts. */
export function demoSecret(): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
