// Starts Parallax exactly as `npm start` does (scripts/run.ts: embedded
// PostgreSQL, migrations, demo seed, build if stale, supervision) in a fresh
// data folder on its own ports, for the fault test and the load harness.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export type RunningApp = {
  baseUrl: string;
  dataDir: string;
  pgPort: number;
  launcher: ChildProcess;
  /** Every line the launcher and the app printed, with its time. */
  output: Array<{ at: number; line: string }>;
};

export type StartAppOptions = { port: number; pgPort: number; dataDir: string; extraEnv?: Record<string, string> };

export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  rmSync(options.dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    PARALLAX_PG_PORT: String(options.pgPort),
    PARALLAX_DATA_DIR: options.dataDir,
    ...options.extraEnv,
  };
  // The embedded default: no external database, demo secret and URL.
  for (const name of ["DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET"]) delete env[name];
  // `node --import tsx` rather than the tsx CLI: one process, so our SIGTERM reaches the launcher itself.
  const launcher = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/run.ts", "start"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const app: RunningApp = {
    baseUrl: `http://127.0.0.1:${options.port}`,
    dataDir: options.dataDir,
    pgPort: options.pgPort,
    launcher,
    output: [],
  };
  const record = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) app.output.push({ at: Date.now(), line });
  };
  launcher.stdout!.on("data", record);
  launcher.stderr!.on("data", record);

  for (let waited = 0; waited < 300_000; waited += 500) {
    if (launcher.exitCode !== null) throw new Error(`The app exited during start-up:\n${tail(app)}`);
    const ok = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return app;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not become healthy within 5 minutes:\n${tail(app)}`);
}

export function tail(app: RunningApp, lines = 40): string {
  return app.output
    .slice(-lines)
    .map((entry) => `  | ${entry.line}`)
    .join("\n");
}

/** The postmaster's pid from the data folder's postmaster.pid (first line), if the file is there. */
export function readPostmasterPid(app: RunningApp): number | undefined {
  const file = path.join(app.dataDir, "postgres", "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return !/^State:\s*Z/m.test(status);
  } catch {
    return false;
  }
}

/** Pids of the Next.js server processes under the launcher (to prove the app was not restarted). */
export function findAppServerPids(root: number): number[] {
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const task of safeList(`/proc/${pid}/task`)) {
      const children = safeRead(`/proc/${pid}/task/${task}/children`).split(/\s+/).filter(Boolean).map(Number);
      for (const child of children) {
        if (/^next-server|^next start/.test(safeRead(`/proc/${child}/cmdline`).replace(/\0/g, " "))) found.push(child);
        visit(child);
      }
    }
  };
  visit(root);
  return found;
}

/** The postmaster and its children (backends, checkpointer …): the database's processes. */
export function findPostgresPids(app: RunningApp): number[] {
  const postmaster = readPostmasterPid(app);
  if (!postmaster) return [];
  const children = safeList(`/proc/${postmaster}/task`).flatMap((task) =>
    safeRead(`/proc/${postmaster}/task/${task}/children`).split(/\s+/).filter(Boolean).map(Number),
  );
  return [postmaster, ...children];
}

const safeList = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
const safeRead = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/** SIGTERM, and how long the launcher took to exit (it stops the app, then PostgreSQL). */
export async function stopApp(app: RunningApp, timeoutMs = 20_000): Promise<{ ms: number; code: number | null; hasExited: boolean }> {
  const started = Date.now();
  if (app.launcher.exitCode !== null) return { ms: 0, code: app.launcher.exitCode, hasExited: true };
  const exited = new Promise<number | null>((resolve) => app.launcher.once("exit", (code) => resolve(code)));
  app.launcher.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs));
  const result = await Promise.race([exited, timeout]);
  if (result === "timeout") {
    app.launcher.kill("SIGKILL");
    return { ms: Date.now() - started, code: null, hasExited: false };
  }
  return { ms: Date.now() - started, code: result, hasExited: true };
}
