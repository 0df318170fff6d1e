// Our PostgreSQL servers run in their own process group (postgres-process.ts),
// so a signal to this process does not reach them: they are stopped when this
// process exits and, unless the caller orders shutdown itself (the launcher
// stops the app first, scripts/lib-shutdown.ts), on SIGINT/SIGTERM/SIGHUP.
import type { PostgresProcess } from "./postgres-process";

const liveServers = new Set<PostgresProcess>();
const shutdownSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let isShutdownTakenOver = false;

/** Stops `server` with this process, until it exits on its own. */
export function trackServer(server: PostgresProcess): void {
  liveServers.add(server);
  void server.exited.then(() => liveServers.delete(server));
}

export function installExitHandlers(): void {
  if (!process.listeners("exit").includes(stopLiveServers)) process.on("exit", stopLiveServers);
  for (const signal of shutdownSignals) {
    if (!isShutdownTakenOver && !process.listeners(signal).includes(stopOnSignal)) process.on(signal, stopOnSignal);
  }
}

/** For a caller that orders shutdown itself and stops its servers (scripts/run.ts). */
export function takeOverShutdownSignals(): void {
  isShutdownTakenOver = true;
  for (const signal of shutdownSignals) process.off(signal, stopOnSignal);
}

function stopLiveServers(): void {
  // stop() sends SIGINT synchronously; postgres then shuts down on its own.
  for (const server of liveServers) void server.stop().catch(() => {});
}

function stopOnSignal(signal: NodeJS.Signals): void {
  void Promise.all([...liveServers].map((server) => server.stop().catch(() => {}))).then(() =>
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1)),
  );
}
