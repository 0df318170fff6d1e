// Helpers for tests that prove a migration carries existing data over: a
// scratch database migrated only up to a given migration, filled with rows
// under that older schema, then migrated the rest of the way.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { inject } from "vitest";

import { applyMigrations, listMigrations } from "@/lib/infra/migrations";

import { withDatabase } from "./global-setup";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `parallax_scratch_${randomBytes(6).toString("hex")}`;
  await withClient(inject("databaseUrl"), (client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(inject("databaseUrl"), name),
    drop: () =>
      withClient(inject("databaseUrl"), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** Applies the migrations before `name` (exclusive): the schema as it was just before that migration. */
export async function migrateUntil(url: string, name: string): Promise<void> {
  const all = await listMigrations(MIGRATIONS_DIR);
  const index = all.findIndex((migration) => migration.name.endsWith(name));
  if (index < 0) throw new Error(`No migration named ${name}`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "parallax-migrations-"));
  for (const migration of all.slice(0, index))
    await fs.cp(path.join(MIGRATIONS_DIR, migration.name), path.join(dir, migration.name), { recursive: true });
  await applyMigrations({ connectionString: url, migrationsDir: dir });
}

/** Applies every remaining migration. */
export async function migrateAll(url: string): Promise<string[]> {
  return (await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR })).applied;
}
