// Applies prisma/migrations/*/migration.sql with plain `pg`, so production needs
// no Prisma schema engine. Bookkeeping matches Prisma Migrate (same table, lock
// key and checksums), so `prisma migrate status/deploy` agree wherever they run.
// Unlike Prisma, each migration runs in a transaction: a failure leaves nothing
// half-applied and no failed row behind.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Prisma Migrate's advisory lock key ("a unique number we chose to identify Migrate"). */
export const MIGRATE_ADVISORY_LOCK_KEY = 72707369;
export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";

// Prisma's exact DDL (sql-schema-connector, Postgres flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

export type Migration = { name: string; sqlPath: string; sql: string; checksum: string };

export type ApplyMigrationsOptions = {
  connectionString: string;
  /** Defaults to prisma/migrations under the current directory. */
  migrationsDir?: string;
  log?: (msg: string) => void;
  /** How long to wait for another migrator holding the lock. */
  lockTimeoutMs?: number;
};

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** sha256 hex of the file's text, as Prisma stores it. */
export function computeChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Prisma's comparison: line-ending agnostic, and tolerant of its old unpadded hex. */
export function matchesChecksum(sql: string, checksum: string): boolean {
  const variants = [sql, sql.replaceAll("\r\n", "\n"), sql.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    const hex = checksum.length === 64 || checksum === "" ? digest.toString("hex") : [...digest].map((b) => b.toString(16)).join("");
    return hex === checksum;
  });
}

/** Migration folders in apply order (folder names start with a timestamp). */
export async function listMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  names.sort();
  return Promise.all(
    names.map(async (name) => {
      const sqlPath = path.join(dir, name, "migration.sql");
      const sql = await fs.readFile(sqlPath, "utf8").catch(() => {
        throw new Error(`Migration folder ${name} has no migration.sql (${sqlPath})`);
      });
      return { name, sqlPath, sql, checksum: computeChecksum(sql) };
    }),
  );
}

export async function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = await listMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await acquireLock(client, options.lockTimeoutMs ?? 60_000);
    const rows = await readMigrationRows(client);
    const pending = findPending(migrations, rows);
    const applied: string[] = [];
    for (const migration of pending) {
      log(`Applying migration ${migration.name}`);
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end().catch(() => {});
  }
}

async function acquireLock(client: pg.Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATE_ADVISORY_LOCK_KEY]);
    if (result.rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg_advisory_lock(${MIGRATE_ADVISORY_LOCK_KEY})); is another migration running?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function readMigrationRows(client: pg.Client): Promise<MigrationRow[]> {
  const exists = await client.query<{ found: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS found");
  if (!exists.rows[0]?.found) {
    // Same guard as Prisma (P3005): never migrate a schema we did not create.
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
    if (tables.rowCount) {
      const names = tables.rows.map((row) => row.tablename).join(", ");
      throw new Error(`The database schema is not empty (${names}) but has no _prisma_migrations table; baseline it before migrating`);
    }
    await client.query(CREATE_MIGRATIONS_TABLE);
    return [];
  }
  const result = await client.query<MigrationRow>(
    "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
  );
  return result.rows;
}

/** Refuses on failed or edited migrations; returns local migrations not yet applied. */
function findPending(migrations: Migration[], rows: MigrationRow[]): Migration[] {
  const failed = rows.filter((row) => !row.finished_at && !row.rolled_back_at).map((row) => row.migration_name);
  if (failed.length > 0) {
    throw new Error(
      `Refusing to migrate: migration(s) ${failed.join(", ")} failed earlier and are recorded as failed in _prisma_migrations. ` +
        "Repair the database, then mark them rolled back (rolled_back_at) or applied.",
    );
  }
  const applied = rows.filter((row) => row.finished_at && !row.rolled_back_at);
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  const edited = applied.filter((row) => {
    const local = byName.get(row.migration_name);
    return local !== undefined && !matchesChecksum(local.sql, row.checksum);
  });
  if (edited.length > 0) {
    throw new Error(
      `Refusing to migrate: ${edited.map((row) => row.migration_name).join(", ")} changed after being applied ` +
        "(checksum differs from _prisma_migrations). Restore the original file and put the change in a new migration.",
    );
  }
  const appliedNames = new Set(applied.map((row) => row.migration_name));
  return migrations.filter((migration) => !appliedNames.has(migration.name));
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count) VALUES ($1, $2, clock_timestamp(), $3, 0)",
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql); // simple protocol: runs a multi-statement script
    await client.query(
      "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1",
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause: error });
  }
}
