// The launcher's shutdown order: on Ctrl-C or SIGTERM the app stops first —
// Next stops accepting connections and finishes the requests in flight, for up
// to APP_DRAIN_MS — and only then PostgreSQL, cleanly. While the app runs, the
// embedded PostgreSQL is supervised and restarted when it dies.
import type { ChildProcess } from "node:child_process";

import { takeOverShutdownSignals } from "../lib/infra/postgres-lifetime";
import { supervisePostgres } from "../lib/infra/supervise-postgres";
import type { Database } from "./lib-launch";

const APP_DRAIN_MS = 10_000;

/** SIGTERM, then SIGKILL if the app has not finished within the drain time. */
function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), APP_DRAIN_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export function runUntilStopped(child: ChildProcess, database: Database, log: (message: string) => void): void {
  takeOverShutdownSignals();
  const postgres = database.embedded ? supervisePostgres(database.embedded, { log }) : database;
  let isStopping = false;

  const stop = async (code: number, reason: string) => {
    if (isStopping) {
      if (reason !== "app exited") child.kill("SIGKILL"); // a second Ctrl-C: do not wait any longer
      return;
    }
    isStopping = true;
    log(`${reason}: stopping the app (finishing requests in flight, up to ${APP_DRAIN_MS / 1000} s)…`);
    await stopApp(child);
    if (database.isEmbedded) log("Stopping PostgreSQL…");
    await postgres.stop().catch((error: unknown) => log(`PostgreSQL did not stop cleanly: ${String(error)}`));
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0, "Interrupted"));
  process.on("SIGTERM", () => void stop(0, "Terminated"));
  child.on("exit", (code) => void stop(code ?? 0, "app exited"));
}
