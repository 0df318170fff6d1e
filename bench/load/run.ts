// `npm run load`: HTTP load figures for Parallax on this machine, next to a
// bare floor measured in the same run with the same autocannon settings.
// Starts the app as `npm start` does (fresh embedded database), seeds it
// through the services, then measures each scenario for LOAD_SECONDS (30).
// Writes bench/results/load.json. Exits 1 when any request failed.
import { fork } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { buildConnectionString, DEFAULT_PG_DATABASE } from "../../lib/infra/embedded-postgres";
import { DEMO_PASSWORD } from "../../prisma/seed-data/index";
import { signInSession } from "../../tests/support/http-session";
import { findAppServerPids, findPostgresPids, startApp, stopApp } from "../../tests/support/launch-app";
import { measure, type Figure, type Scenario } from "./cannon";
import { seedLoadData } from "./seed";

const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const port = Number(process.env.LOAD_PORT ?? 3311);
const pgPort = Number(process.env.LOAD_PG_PORT ?? 54411);
const floorPort = Number(process.env.LOAD_FLOOR_PORT ?? 3312);
const dataDir = path.resolve(process.env.LOAD_DATA_DIR ?? ".data/load");
const only = process.env.LOAD_ONLY?.split("|"); // e.g. "create|health": scenarios whose name contains one of these
const log = (message: string) => console.log(`[load] ${message}`);
const TARGET = { ratio: 0.25, p99: 50 };

type Row = Figure & { floor?: string; ratio?: number };

async function createFloorDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: buildConnectionString(pgPort, "postgres") });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS parallax_floor").then(() => admin.query("CREATE DATABASE parallax_floor"));
  await admin.end();
  return buildConnectionString(pgPort, "parallax_floor");
}

function startFloor(databaseUrl: string) {
  const child = fork(path.join(import.meta.dirname, "floor-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      FLOOR_PORT: String(floorPort),
      FLOOR_DATABASE_URL: databaseUrl,
      FLOOR_POOL_SIZE: process.env.PARALLAX_DB_POOL_SIZE ?? "10",
    },
  });
  return new Promise<typeof child>((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`the floor server exited (${code})`)));
  });
}

function printTable(rows: Row[]): void {
  const header = ["scenario", "conns", "req/s", "p50 ms", "p99 ms", "errors", "app CPU ms/req", "db CPU ms/req", "× floor", "target"];
  const body = rows.map((row) => [
    row.name,
    String(row.connections),
    row.rps.toFixed(1),
    String(row.p50),
    String(row.p99),
    String(row.errors),
    row.cpuMsPerRequest === null ? "" : row.cpuMsPerRequest.toFixed(2),
    row.dbCpuMsPerRequest === null ? "" : row.dbCpuMsPerRequest.toFixed(2),
    row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}× ${row.floor}`,
    row.name.startsWith("create")
      ? row.ratio! >= TARGET.ratio && row.p99 <= TARGET.p99
        ? "ok"
        : `MISSED (≥ ${TARGET.ratio}×, p99 ≤ ${TARGET.p99} ms)`
      : "",
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i >= 1 && i <= 7 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${body.map(line).join("\n")}\n`);
}

async function main(): Promise<number> {
  log(`starting the app as npm start does (port ${port}, PostgreSQL ${pgPort}); ${seconds} s per scenario`);
  // LOAD_PROFILE_DIR: the app writes V8 CPU profiles there when it stops (see bench/load/profile-summary.ts).
  const profileDir = process.env.LOAD_PROFILE_DIR ? path.resolve(process.env.LOAD_PROFILE_DIR) : undefined;
  const preload = path.join(import.meta.dirname, "cpu-profile.mjs");
  const app = await startApp({
    port,
    pgPort,
    dataDir,
    extraEnv: profileDir ? { NODE_OPTIONS: `--import ${preload}`, LOAD_PROFILE_DIR: profileDir } : undefined,
  });
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    const session = await signInSession(app.baseUrl, "analyst@example.com", DEMO_PASSWORD);
    process.env.DATABASE_URL = buildConnectionString(pgPort, DEFAULT_PG_DATABASE);
    const data = await seedLoadData("analyst@example.com", log);
    floor = await startFloor(await createFloorDatabase());
    const floorPid = floor.pid!;

    const appPids = () => findAppServerPids(app.launcher.pid!);
    const dbPids = () => findPostgresPids(app);
    const json = { "Content-Type": "application/json", Cookie: session.cookie };
    const createBody = (comparison: typeof data.small) => {
      // Passages near the end of each text: a create must not cost more on a long source.
      const at = (index: number) => {
        const text = comparison.sources[index]!.text;
        const start = text.lastIndexOf(" ", text.length - 120) + 1;
        const end = text.indexOf(" ", start + 40);
        return { sourceId: comparison.sources[index]!.id, start, end, exact: text.slice(start, end) };
      };
      return JSON.stringify({
        kind: "contradiction",
        rationale: "Load test: the two accounts disagree on the date.",
        spans: [at(0), at(1)],
      });
    };
    const scenarios: Array<Scenario & { floor?: string }> = [
      {
        name: "floor: create (http + pg)",
        url: `http://127.0.0.1:${floorPort}/`,
        method: "POST",
        body: createBody(data.small),
        headers: { "Content-Type": "application/json" },
        connections: 50,
        seconds,
        pids: () => [floorPid],
        dbPids,
      },
      { name: "floor: GET SELECT 1", url: `http://127.0.0.1:${floorPort}/`, connections: 50, seconds, pids: () => [floorPid], dbPids },
      {
        name: "GET /api/health",
        url: `${app.baseUrl}/api/health`,
        connections: 50,
        seconds,
        pids: appPids,
        dbPids,
        floor: "floor: GET SELECT 1",
      },
      {
        name: "create, 2,000-char sources",
        url: `${app.baseUrl}/api/v1/comparisons/${data.small.id}/annotations`,
        method: "POST",
        body: createBody(data.small),
        headers: json,
        connections: 50,
        seconds,
        pids: appPids,
        dbPids,
        floor: "floor: create (http + pg)",
      },
      {
        name: "create, 400,000-char sources",
        url: `${app.baseUrl}/api/v1/comparisons/${data.large.id}/annotations`,
        method: "POST",
        body: createBody(data.large),
        headers: json,
        connections: 50,
        seconds,
        pids: appPids,
        dbPids,
        floor: "floor: create (http + pg)",
      },
      {
        name: "GET comparison, 5,000 annotations",
        url: `${app.baseUrl}/api/v1/comparisons/${data.read.id}`,
        headers: { Cookie: session.cookie },
        connections: 10,
        seconds,
        pids: appPids,
        dbPids,
        floor: "floor: GET SELECT 1",
      },
      {
        name: "workbench page, 5,000 annotations",
        url: `${app.baseUrl}/comparisons/${data.read.id}`,
        headers: { Cookie: session.cookie },
        connections: 10,
        seconds,
        pids: appPids,
        dbPids,
        floor: "floor: GET SELECT 1",
      },
      {
        name: "PDF, 1,000 annotations",
        url: `${app.baseUrl}/api/v1/comparisons/${data.report.id}/report.pdf?scope=all`,
        headers: { Cookie: session.cookie },
        connections: 4,
        seconds,
        pids: appPids,
        dbPids,
        floor: "floor: GET SELECT 1",
      },
    ];

    const rows: Row[] = [];
    for (const scenario of scenarios.filter((s) => !only || s.name.startsWith("floor") || only.some((name) => s.name.includes(name)))) {
      // Warm up: route modules load and the pool fills on the first requests.
      await measure({ ...scenario, seconds: 1, connections: Math.min(scenario.connections, 4) });
      log(`measuring ${scenario.name} (${scenario.connections} connections, ${scenario.seconds} s)`);
      const figure = await measure(scenario);
      const floorRow = rows.find((row) => row.name === scenario.floor);
      rows.push({ ...figure, floor: scenario.floor?.replace("floor: ", ""), ratio: floorRow ? figure.rps / floorRow.rps : undefined });
    }
    printTable(rows);
    await mkdir(path.join(import.meta.dirname, "..", "results"), { recursive: true });
    await writeFile(
      path.join(import.meta.dirname, "..", "results", "load.json"),
      `${JSON.stringify({ ranAt: new Date().toISOString(), seconds, rows }, null, 2)}\n`,
    );
    return rows.some((row) => row.errors > 0) ? 1 : 0;
  } finally {
    floor?.kill("SIGTERM");
    await stopApp(app);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
