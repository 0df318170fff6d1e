// The system under test for `npm run load:live`: a fresh embedded PostgreSQL
// (with commit timestamps on, to measure delivery from the commit), the demo
// data plus load users, and two `next start` instances of the current build.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import pg from "pg";

import { hashPassword } from "../../lib/auth/password";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../../lib/infra/embedded-postgres";
import { applyMigrations } from "../../lib/infra/migrations";

export const LOAD_PASSWORD = "load-password-1";

export type LoadUser = { id: string; email: string; role: "analyst" | "reviewer" | "admin" };
export type Instance = { url: string; process: ChildProcess; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A brand-new database in `dataDir`, with track_commit_timestamp on (it needs a restart). */
export async function startDatabase(dataDir: string, port: number): Promise<EmbeddedPostgresHandle> {
  rmSync(dataDir, { recursive: true, force: true });
  const options = { dataDir, port, databaseName: "parallax", isDurable: true };
  const first = await startEmbeddedPostgres(options);
  const client = new pg.Client({ connectionString: first.connectionString });
  await client.connect();
  await client.query("ALTER SYSTEM SET track_commit_timestamp = on");
  await client.end();
  await first.stop();
  const server = await startEmbeddedPostgres({ ...options, port: first.port });
  await applyMigrations({ connectionString: server.connectionString });
  return server;
}

/** Demo data (through the app's own seed) and `count` accounts per role. */
export async function seedUsers(connectionString: string, counts: Record<LoadUser["role"], number>): Promise<LoadUser[]> {
  process.env.DATABASE_URL = connectionString;
  const { seedDemo } = await import("../../prisma/seed");
  await seedDemo(() => {});
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const users: LoadUser[] = [];
  try {
    for (const [role, count] of Object.entries(counts) as Array<[LoadUser["role"], number]>) {
      for (let i = 0; i < count; i++) {
        const email = `load-${role}-${i}@load.example`;
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
          [email, `Load ${role} ${i}`, role, passwordHash],
        );
        users.push({ id: rows[0]!.id, email, role });
      }
    }
  } finally {
    await client.end();
  }
  return users;
}

export function ensureBuild(distDir: string, force: boolean): void {
  if (!force && existsSync(path.join(distDir, "BUILD_ID"))) return;
  console.log(`[load] building the app into ${distDir}…`);
  const result = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export async function startInstance(port: number, connectionString: string, secret: string, distDir: string): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: connectionString,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: url,
      PARALLAX_LOGIN_MAX_ATTEMPTS: "100000",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let attempt = 0; attempt < 240; attempt++) {
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const newSecret = () => randomBytes(32).toString("base64url");

/** Resident memory (MiB) of a process and its children, from /proc. */
export function residentMiB(pid: number): number {
  let kib = 0;
  const visit = (id: number) => {
    const status = (() => {
      try {
        return readFileSync(`/proc/${id}/status`, "utf8");
      } catch {
        return "";
      }
    })();
    kib += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const children = (() => {
      try {
        return readFileSync(`/proc/${id}/task/${id}/children`, "utf8");
      } catch {
        return "";
      }
    })();
    for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
  };
  visit(pid);
  return kib / 1024;
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s on Linux). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
