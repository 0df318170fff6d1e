// npm run user:create -- --email a@b.org --name "Ada" --role admin [--password …]
// How a production installation gets its first admin: never from a default.
// Without --password a strong one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { applyMigrations } from "../lib/infra/migrations";
import { openDatabase } from "./lib-launch";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "analyst" },
      password: { type: "string" },
    },
  });
  if (!values.email)
    throw new Error('Usage: npm run user:create -- --email you@example.org --name "Your Name" --role admin [--password …]');
  const password = values.password ?? randomBytes(12).toString("base64url");
  const database = await openDatabase(() => {});
  try {
    await applyMigrations({ connectionString: database.connectionString });
    const { createUserAsSystem } = await import("../lib/users/service");
    const user = await createUserAsSystem({
      email: values.email,
      name: values.name ?? values.email.split("@")[0]!,
      role: values.role as "analyst",
      password,
    });
    console.log(`Created ${user.role} ${user.email}.`);
    if (!values.password) console.log(`Password (shown once): ${password}`);
    const { db } = await import("../lib/db");
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  const detail = error && typeof error === "object" && "errors" in error ? JSON.stringify((error as { errors: unknown }).errors) : "";
  console.error(`${error instanceof Error ? error.message : String(error)} ${detail}`.trim());
  process.exit(1);
});
