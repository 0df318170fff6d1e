// npm run db:migration -- <name> — writes the SQL that takes the migrations to
// prisma/schema.prisma as prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql,
// laid out like `prisma migrate dev --create-only`.
import fs from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema, MIGRATION_LOCK_TOML, MIGRATIONS_DIR } from "./schema-engine";

/** UTC timestamp, as Prisma names migration folders. */
function formatMigrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** Prisma's folder-name rules: lower-case words joined by "_". */
function slugifyMigrationName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

async function main(): Promise<void> {
  const name = slugifyMigrationName(process.argv.slice(2).join(" "));
  if (!name) {
    console.error("Usage: npm run db:migration -- <name>   (e.g. add_source_tags)");
    process.exit(1);
  }
  const { hasChanges, sql } = await diffMigrationsToSchema();
  if (!hasChanges) {
    console.log("No changes: prisma/schema.prisma already matches the migrations.");
    return;
  }
  const folder = path.join(MIGRATIONS_DIR, `${formatMigrationTimestamp(new Date())}_${name}`);
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(path.join(folder, "migration.sql"), sql);
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  await fs.writeFile(lockPath, MIGRATION_LOCK_TOML, { flag: "wx" }).catch(() => {}); // keep an existing one
  console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql — review it, then run npm run db:migrate.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
