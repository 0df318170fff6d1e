// npm run db:seed -- --demo : the demo accounts and comparison. Demo data is
// never seeded into a DATABASE_URL server unless asked for explicitly.
import { applyMigrations } from "../../lib/infra/migrations";
import { openDatabase } from "../lib-launch";

async function main(): Promise<void> {
  if (!process.argv.includes("--demo")) {
    console.log("Nothing to seed. Pass --demo to add the demo accounts and the demo comparison.");
    return;
  }
  const database = await openDatabase();
  try {
    await applyMigrations({ connectionString: database.connectionString });
    const { seedDemo } = await import("../../prisma/seed");
    await seedDemo();
    const { db } = await import("../../lib/db");
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
