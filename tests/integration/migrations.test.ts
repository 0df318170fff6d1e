// applyMigrations against a real PostgreSQL: each test gets its own scratch
// database on the run's server, so bookkeeping starts from nothing.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, listMigrations, MIGRATE_ADVISORY_LOCK_KEY } from "@/lib/infra/migrations";
import { withDatabase } from "./global-setup";
import { withClient } from "./migration-support";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const scratchDatabases: string[] = [];

async function createScratchDatabase(): Promise<string> {
  const name = `parallax_scratch_${randomBytes(6).toString("hex")}`;
  await withClient(inject("databaseUrl"), (client) => client.query(`CREATE DATABASE "${name}"`));
  scratchDatabases.push(name);
  return withDatabase(inject("databaseUrl"), name);
}

async function copyMigrations(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "parallax-migrations-"));
  await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

type Row = {
  migration_name: string;
  checksum: string;
  applied_steps_count: number;
  finished_at: Date | null;
  started_at: Date;
  logs: string | null;
  rolled_back_at: Date | null;
  id: string;
};

function readRows(url: string): Promise<Row[]> {
  return withClient(url, async (client) => (await client.query<Row>("SELECT * FROM _prisma_migrations ORDER BY started_at")).rows);
}

afterAll(async () => {
  await withClient(inject("databaseUrl"), async (client) => {
    for (const name of scratchDatabases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("applyMigrations", () => {
  it("has migrated the run's shared test database in global setup", async () => {
    const names = (await listMigrations(MIGRATIONS_DIR)).map((migration) => migration.name);
    expect(names.length).toBeGreaterThan(0);
    expect(process.env.DATABASE_URL).toBe(inject("databaseUrl"));
    const rows = await readRows(inject("databaseUrl"));
    expect(rows.map((row) => row.migration_name)).toEqual(names);
  });

  it("applies every migration once; a second run is a no-op", async () => {
    const url = await createScratchDatabase();
    const names = (await listMigrations(MIGRATIONS_DIR)).map((migration) => migration.name);

    expect(await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR })).toEqual({ applied: names });
    expect(await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR })).toEqual({ applied: [] });
    expect(await readRows(url)).toHaveLength(names.length);
    const tables = await withClient(url, (client) => client.query("SELECT to_regclass('\"User\"') AS found"));
    expect(tables.rows[0].found).toBe('"User"');
  });

  it("records rows the way Prisma Migrate does", async () => {
    const url = await createScratchDatabase();
    await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR });
    const rows = await readRows(url);
    for (const migration of await listMigrations(MIGRATIONS_DIR)) {
      const row = rows.find((candidate) => candidate.migration_name === migration.name);
      const fileText = await fs.readFile(path.join(MIGRATIONS_DIR, migration.name, "migration.sql"));
      expect(row?.checksum).toBe(createHash("sha256").update(fileText).digest("hex"));
      expect(row?.applied_steps_count).toBe(1);
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row?.logs).toBeNull();
      expect(row?.rolled_back_at).toBeNull();
      expect(row?.finished_at?.getTime()).toBeGreaterThanOrEqual(row?.started_at.getTime() ?? Infinity);
    }
  });

  it("refuses when an applied migration file was edited, but not for line endings alone", async () => {
    const url = await createScratchDatabase();
    const dir = await copyMigrations();
    await applyMigrations({ connectionString: url, migrationsDir: dir });
    const [first] = await listMigrations(dir);
    if (!first) throw new Error("expected a migration");

    await fs.writeFile(first.sqlPath, first.sql.replaceAll("\n", "\r\n"));
    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).resolves.toEqual({ applied: [] });

    await fs.writeFile(first.sqlPath, `${first.sql}\n-- sneaky edit\n`);
    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`${first.name} changed after being applied`),
    );
  });

  it("refuses while a failed migration is recorded", async () => {
    const url = await createScratchDatabase();
    await applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR });
    await withClient(url, (client) =>
      client.query(
        "INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES (gen_random_uuid(), 'x', '29990101000000_broken')",
      ),
    );
    await expect(applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(/29990101000000_broken failed/);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const url = await createScratchDatabase();
    const dir = await copyMigrations();
    await fs.mkdir(path.join(dir, "29990101000000_bad"));
    await fs.writeFile(
      path.join(dir, "29990101000000_bad", "migration.sql"),
      'CREATE TABLE "Half" (id int);\nSELECT * FROM missing_table;\n',
    );

    await expect(applyMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      /29990101000000_bad failed and was rolled back/,
    );
    const rows = await readRows(url);
    expect(rows.map((row) => row.migration_name)).not.toContain("29990101000000_bad");
    const half = await withClient(url, (client) => client.query("SELECT to_regclass('\"Half\"') AS found"));
    expect(half.rows[0].found).toBeNull();
  });

  it("waits for Prisma's advisory lock and lets only one of two concurrent runs apply", async () => {
    const url = await createScratchDatabase();
    const names = (await listMigrations(MIGRATIONS_DIR)).map((migration) => migration.name);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [MIGRATE_ADVISORY_LOCK_KEY]);

    const runs = Promise.all([
      applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR }),
      applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const whileLocked = await holder.query("SELECT to_regclass('_prisma_migrations') AS found");
    expect(whileLocked.rows[0].found).toBeNull();
    await holder.end(); // releases the lock

    const results = await runs;
    expect(results.map((result) => result.applied).sort((a, b) => a.length - b.length)).toEqual([[], names]);
    expect(await readRows(url)).toHaveLength(names.length);
  });

  it("refuses a non-empty database that has no migration history", async () => {
    const url = await createScratchDatabase();
    await withClient(url, (client) => client.query("CREATE TABLE legacy (id int)"));
    await expect(applyMigrations({ connectionString: url, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(/not empty \(legacy\)/);
  });
});
