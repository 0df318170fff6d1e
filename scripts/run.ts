// `npm start` / `npm run dev`: one command from a fresh clone to a running app.
// Without DATABASE_URL: embedded PostgreSQL in .data/, migrations, demo seed.
// With DATABASE_URL: that server, migrations, no seed; NEXTAUTH_SECRET required.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

import { applyMigrations } from "../lib/infra/migrations";
import { DEMO_PASSWORD, demoAccounts } from "../prisma/seed-data/index";
import { dataDir, demoSecret, openDatabase } from "./lib-launch";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = Number(process.env.PORT ?? 3000);
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const nextBin = path.resolve("node_modules/.bin/next");
const log = (message: string) => console.log(`[parallax] ${message}`);

function fail(message: string): never {
  console.error(`\n[parallax] ${message}\n`);
  process.exit(1);
}

/** Newest modification time under the folders that make up the build. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      if (entry.endsWith(path.join("lib", "generated"))) return;
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  ["app", "components", "lib", "proxy.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"].forEach(visit);
  return newest;
}

function ensureBuild(): void {
  const buildId = path.join(distDir, "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceTime()) return;
  log(existsSync(buildId) ? "Sources changed since the last build; rebuilding…" : "Building the app (first start takes a minute or two)…");
  const result = spawnSync(nextBin, ["build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) fail("The build failed; see the output above.");
}

async function waitForHealth(url: string, child: ChildProcess): Promise<boolean> {
  for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function main(): Promise<void> {
  const isProduction = Boolean(process.env.DATABASE_URL);
  if (isProduction && !process.env.NEXTAUTH_SECRET) {
    fail("NEXTAUTH_SECRET is required when DATABASE_URL is set. Generate one with `openssl rand -base64 32`.");
  }
  if (process.argv.includes("--reset") && !process.env.DATABASE_URL) {
    // For end-to-end runs: a brand-new embedded database every time.
    rmSync(path.join(dataDir, "postgres"), { recursive: true, force: true });
  }
  const database = await openDatabase(log);
  process.env.NEXTAUTH_SECRET ??= demoSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const { applied } = await applyMigrations({ connectionString: database.connectionString, log });
  log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  if (database.isEmbedded) {
    const { seedDemo } = await import("../prisma/seed");
    await seedDemo(log);
  }

  if (mode === "start") ensureBuild();
  // Demo mode's passwords are public: listen on this machine only, unless HOST says otherwise.
  const host = process.env.HOST ?? (database.isEmbedded ? "127.0.0.1" : undefined);
  const hostArgs = host ? ["-H", host] : [];
  const child = spawn(nextBin, [mode, "-p", String(port), ...hostArgs], { stdio: "inherit", env: process.env });

  let isStopping = false;
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));

  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`, child)) {
    const lines = [`Parallax is running at ${process.env.NEXTAUTH_URL}`];
    if (database.isEmbedded) {
      if (host === "127.0.0.1") lines.push("Demo mode listens on 127.0.0.1 only; set HOST=0.0.0.0 to let other machines in.");
      lines.push("", `Demo sign-ins (password: ${DEMO_PASSWORD}):`, ...demoAccounts.map((a) => `  ${a.email.padEnd(24)} ${a.role}`));
      lines.push("", `Embedded PostgreSQL keeps its data in ${path.relative(process.cwd(), dataDir)}/. Press Ctrl-C to stop.`);
    }
    console.log(`\n${lines.join("\n")}\n`);
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
