// `npm run test:faults` (`-- --short` for the form `npm test` runs): Parallax
// under 50 concurrent writers while its embedded PostgreSQL is killed with
// SIGKILL. Passes when no acknowledged write is lost, every annotation is whole
// (spans, audit trail, versions in order), the outage was answered with quick
// 503s, the launcher brought PostgreSQL back and the app recovered by itself,
// and SIGTERM drained the app before stopping PostgreSQL cleanly.
import path from "node:path";

import { buildConnectionString, DEFAULT_PG_DATABASE, startEmbeddedPostgres } from "../../lib/infra/embedded-postgres";
import { DEMO_PASSWORD, demoAccounts } from "../../prisma/seed-data/index";
import { readComparisonSources } from "../support/comparison-sources";
import { requestJson, signInSession } from "../support/http-session";
import { findAppServerPids, isAlive, readPostmasterPid, startApp, stopApp, tail } from "../support/launch-app";
import { judgeOutage } from "./judge";
import { holdPort, pollHealth, waitForPostgres, type HealthSample } from "./outage";
import { verifyLedger } from "./verify";
import { createLedger, runWriter, seededRandom } from "./writers";

const isShort = process.argv.includes("--short");
const plan = isShort ? { beforeMs: 6000, holdMs: 2000, afterMs: 7000 } : { beforeMs: 15_000, holdMs: 4000, afterMs: 15_000 };
const WRITERS = 50;
const port = Number(process.env.FAULTS_PORT ?? 3310);
const pgPort = Number(process.env.FAULTS_PG_PORT ?? 54410);
const seed = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);
const dataDir = path.resolve(process.env.FAULTS_DATA_DIR ?? ".data/faults");
const log = (message: string) => console.log(`[faults] ${message}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  log(
    `${isShort ? "short" : "full"} run, ${WRITERS} writers, seed ${seed}; starting the app as npm start does (port ${port}, PostgreSQL ${pgPort})`,
  );
  const app = await startApp({ port, pgPort, dataDir });
  const failures: string[] = [];
  try {
    const sessions = await Promise.all(demoAccounts.map((account) => signInSession(app.baseUrl, account.email, DEMO_PASSWORD)));
    const list = await requestJson(sessions[0]!, "GET", "/api/v1/comparisons");
    const comparisonId = (list.body as { comparisons: Array<{ id: string }> }).comparisons[0]!.id;
    const sources = readComparisonSources((await requestJson(sessions[0]!, "GET", `/api/v1/comparisons/${comparisonId}`)).body);
    const appPidsBefore = findAppServerPids(app.launcher.pid!);

    const ledger = createLedger();
    const health: HealthSample[] = [];
    const stopHealth = pollHealth(app.baseUrl, health);
    let isStopping = false;
    const runTag = `faults-${seed}`;
    const writers = Array.from({ length: WRITERS }, (_, writer) =>
      runWriter({
        session: sessions[writer % sessions.length]!,
        comparisonId,
        sources,
        ledger,
        runTag,
        writer,
        random: seededRandom(seed * 1000 + writer),
        shouldStop: () => isStopping,
      }),
    );

    await pause(plan.beforeMs);
    const postmaster = readPostmasterPid(app);
    if (!postmaster) throw new Error("No postmaster.pid in the data folder");
    const killAt = Date.now();
    process.kill(postmaster, "SIGKILL");
    const releasePort = await holdPort(pgPort);
    log(`SIGKILL sent to PostgreSQL (pid ${postmaster}); holding its port for ${plan.holdMs / 1000} s`);
    await pause(plan.holdMs);
    await releasePort();
    const backAt = await waitForPostgres(buildConnectionString(pgPort, DEFAULT_PG_DATABASE));
    const newPostmaster = readPostmasterPid(app);
    log(`PostgreSQL answers again after ${((backAt - killAt) / 1000).toFixed(1)} s (pid ${newPostmaster})`);
    if (!newPostmaster || newPostmaster === postmaster || !isAlive(newPostmaster))
      failures.push("PostgreSQL was not restarted by the launcher");
    if (!app.output.some((entry) => entry.line.includes("PostgreSQL is back"))) failures.push("the launcher did not log the restart");

    await pause(plan.afterMs);
    const appPidsAfter = findAppServerPids(app.launcher.pid!);
    if (appPidsBefore.length === 0 || JSON.stringify(appPidsBefore) !== JSON.stringify(appPidsAfter)) {
      failures.push(`the app server was restarted (pids ${appPidsBefore.join(",")} → ${appPidsAfter.join(",")})`);
    }

    // Shutdown with requests in flight: no new ones, the ones under way must be answered.
    isStopping = true;
    await stopHealth();
    const stopAt = Date.now();
    const stopped = await stopApp(app);
    await Promise.all(writers);
    log(`SIGTERM: the launcher exited after ${(stopped.ms / 1000).toFixed(1)} s (code ${stopped.code})`);
    if (!stopped.hasExited || stopped.ms > 13_000) failures.push(`the launcher did not stop within 13 s of SIGTERM`);
    const leftPostmaster = readPostmasterPid(app);
    if (leftPostmaster !== undefined) failures.push(`PostgreSQL was not shut down cleanly (postmaster.pid left, pid ${leftPostmaster})`);

    const outage = judgeOutage(ledger.requests, health, { killAt, backAt, stopAt });
    failures.push(...outage.failures, ...ledger.violations.slice(0, 10));

    // Read back through a PostgreSQL of our own on the same data folder.
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: pgPort,
      databaseName: DEFAULT_PG_DATABASE,
    });
    const verified = await verifyLedger(server.connectionString, comparisonId, runTag, ledger).finally(() => server.stop());
    failures.push(...verified.lost.slice(0, 10), ...verified.integrity.slice(0, 10));
    if (verified.acknowledged === 0) failures.push("no write was acknowledged at all");

    const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
    const rows: Array<[string, string | number]> = [
      ["requests sent", outage.requests],
      [
        "before the kill: requests, p95 latency, 503s",
        `${outage.before.requests}, ${outage.before.p95Ms} ms, ${percent(outage.before.rate503)}`,
      ],
      ["writes acknowledged (2xx)", verified.acknowledged],
      ["acknowledged writes found intact", verified.found],
      ["lost (must be 0)", verified.lost.length],
      ["writes committed although unanswered", verified.committedWithoutAnswer],
      ["integrity problems (must be 0)", verified.integrity.length],
      ["answered 503 problem+json", outage.answered503],
      ["requests during the outage", outage.duringOutage],
      [
        "max wait of a request during the outage",
        `${outage.maxOutageWaitMs} ms (limit ${outage.outageWaitLimitMs} ms${outage.isSaturated ? ", not judged: saturated" : ""})`,
      ],
      ["/api/health 503 during the outage", outage.health503s],
      ["max /api/health latency during the outage", `${outage.maxHealthLatencyMs} ms`],
      ["outage (kill → PostgreSQL answers)", `${(outage.outageMs / 1000).toFixed(1)} s`],
      ["recovery (PostgreSQL back → first 2xx write)", outage.recoveryMs === null ? "never" : `${outage.recoveryMs} ms`],
      ["5 s after recovery: requests, 503s", `${outage.after.requests}, ${percent(outage.after.rate503)}`],
      ["requests in flight at SIGTERM", outage.inFlightAtStop],
      ["launcher stop time", `${(stopped.ms / 1000).toFixed(1)} s`],
    ];
    const launcherLines = app.output.filter((entry) => /\[parallax\] (PostgreSQL|Terminated|Stopp)/.test(entry.line));
    console.log(
      `\nThe launcher said:\n${launcherLines.map((entry) => `  +${((entry.at - killAt) / 1000).toFixed(1)} s ${entry.line}`).join("\n")}`,
    );
    console.log(`\n${rows.map(([name, value]) => `  ${name.padEnd(46)} ${value}`).join("\n")}\n`);
  } catch (error) {
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stopApp(app);
  }
  if (failures.length > 0) {
    console.log(
      `FAILED (${failures.length}):\n${failures.map((failure) => `  - ${failure}`).join("\n")}\n\nLast lines of the app:\n${tail(app)}`,
    );
    return 1;
  }
  console.log("fault test passed");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
