// npm run db:migrate — apply pending migrations to DATABASE_URL, or, when it is
// unset, to the embedded database the app uses (started and stopped here).
import { DEFAULT_PG_DATA_DIR, DEFAULT_PG_DATABASE, readPgPortFromEnv, startEmbeddedPostgres } from "../../lib/infra/embedded-postgres";
import { applyMigrations } from "../../lib/infra/migrations";

const log = (msg: string) => console.log(msg);

async function migrate(connectionString: string): Promise<void> {
  const { applied } = await applyMigrations({ connectionString, log });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "No pending migrations.");
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return migrate(databaseUrl);
  const embedded = await startEmbeddedPostgres({
    dataDir: DEFAULT_PG_DATA_DIR,
    port: readPgPortFromEnv(),
    databaseName: DEFAULT_PG_DATABASE,
    log,
  });
  try {
    await migrate(embedded.connectionString);
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
