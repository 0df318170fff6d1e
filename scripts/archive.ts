// npm run archive:export -- FILE          write the whole workspace to FILE
// npm run archive:import -- FILE [--admin-email EMAIL]
//                                          restore FILE into an empty instance
// The backup and migration path between the embedded database and a
// production PostgreSQL (README "Backup, restore and moving"). Uses
// DATABASE_URL, else the embedded database in the data folder.
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";

import pg from "pg";

import { setFirstAdminPassword } from "../lib/archive/first-admin";
import { ArchiveError } from "../lib/archive/format";
import { restoreArchive } from "../lib/archive/restore";
import { archiveStream } from "../lib/archive/write";
import { applyMigrations } from "../lib/infra/migrations";
import { dataDir, openDatabase } from "./lib-launch";

const usage = "Usage: npm run archive:export -- FILE | npm run archive:import -- FILE [--admin-email EMAIL]";

async function exportTo(client: pg.Client, file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await pipeline(archiveStream(client), createWriteStream(partial));
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  console.log(`Wrote the workspace archive to ${file}.`);
}

async function importFrom(client: pg.Client, file: string, adminEmail: string | undefined, isEmbedded: boolean): Promise<void> {
  if (!existsSync(file)) throw new ArchiveError(`No archive at ${file}.`);
  const { counts } = await restoreArchive(client, file);
  console.log(
    `Restored ${Object.entries(counts)
      .map(([table, count]) => `${count} ${table}`)
      .join(", ")}.`,
  );
  const admin = await setFirstAdminPassword(client, adminEmail);
  console.log("Restored accounts have no password: archives never carry password hashes.");
  if (admin)
    console.log(`Sign in as ${admin.email} with the password (shown once): ${admin.password}\nThen set the others' passwords in Users.`);
  else console.log("No active admin was restored: create one with npm run user:create.");
  // Demo mode must not add demo accounts and data to a restored workspace.
  if (isEmbedded) writeFileSync(path.join(dataDir, "restored-from-archive"), `${new Date().toISOString()} ${path.basename(file)}\n`);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { "admin-email": { type: "string" } } });
  const [command, file] = positionals;
  if ((command !== "export" && command !== "import") || !file) throw new ArchiveError(usage);
  const database = await openDatabase(() => {});
  const client = new pg.Client({ connectionString: database.connectionString });
  try {
    if (command === "import") await applyMigrations({ connectionString: database.connectionString });
    await client.connect();
    if (command === "export") await exportTo(client, path.resolve(file));
    else await importFrom(client, path.resolve(file), values["admin-email"], database.isEmbedded);
  } finally {
    await client.end().catch(() => {});
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ArchiveError ? error.message : error instanceof Error ? error.message : String(error));
  process.exit(1);
});
