// npm run db:check — fails when prisma/schema.prisma and prisma/migrations
// disagree, i.e. someone changed the schema without authoring a migration.
import { diffMigrationsToSchema } from "./schema-engine";

async function main(): Promise<void> {
  const { hasChanges, sql } = await diffMigrationsToSchema();
  if (!hasChanges) {
    console.log("schema and migrations agree");
    return;
  }
  console.error("prisma/schema.prisma and prisma/migrations disagree. The migrations are missing:\n");
  console.error(sql.trim());
  console.error("\nRun `npm run db:migration -- <name>` to write this as a new migration.");
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
