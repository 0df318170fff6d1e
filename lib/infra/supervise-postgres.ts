// Keeps the embedded PostgreSQL that `npm start` owns alive: when it dies (a
// crash, the OOM killer, a stray `kill -9`) it is started again on the same
// port, with growing pauses between failed attempts, while the app keeps
// running and answers 503 (lib/http/problem.ts) until the database is back.
import type { EmbeddedPostgresHandle } from "./embedded-postgres";
import type { PostgresExit } from "./postgres-process";

export type SuperviseOptions = {
  log: (message: string) => void;
  /** Pause before each restart attempt; the last one repeats. */
  delaysMs?: number[];
  /** A server that stayed up this long starts the next outage from the first delay again. */
  stableAfterMs?: number;
};

export type Supervisor = {
  /** Stops supervising, then stops PostgreSQL cleanly. */
  stop(): Promise<void>;
};

const DEFAULT_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000];

function describeExit({ code, signal }: PostgresExit): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split("\n").map((line) => line.trim());
  // PostgreSQL's own FATAL line says more than our wrapper's first line.
  return lines.find((line) => /FATAL|could not|already/i.test(line)) ?? lines[0] ?? text;
}

export function supervisePostgres(handle: EmbeddedPostgresHandle, options: SuperviseOptions): Supervisor {
  const owned = handle.owned;
  if (!owned) return { stop: () => handle.stop() }; // another process runs it and supervises it
  const delays = options.delaysMs ?? DEFAULT_DELAYS_MS;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  let isStopping = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = async () => {
    let failures = 0;
    let upSince = Date.now();
    while (!isStopping) {
      const exit = await owned.current().exited;
      if (isStopping) return;
      const downSince = Date.now();
      if (downSince - upSince >= stableAfterMs) failures = 0;
      options.log(`PostgreSQL stopped unexpectedly (${describeExit(exit)}); restarting it. Requests get 503 meanwhile.`);
      for (let attempt = 1; !isStopping; attempt++) {
        const delay = delays[Math.min(failures, delays.length - 1)]!;
        failures++;
        await sleep(delay);
        if (isStopping) return;
        try {
          const server = await owned.restart();
          upSince = Date.now();
          const seconds = ((upSince - downSince) / 1000).toFixed(1);
          options.log(`PostgreSQL is back (pid ${server.pid}) after ${attempt} attempt(s), ${seconds} s down.`);
          break;
        } catch (error) {
          const next = delays[Math.min(failures, delays.length - 1)]!;
          options.log(`PostgreSQL restart attempt ${attempt} failed: ${firstLine(error)} Next attempt in ${next / 1000} s.`);
        }
      }
    }
  };
  const watching = watch().catch((error: unknown) => options.log(`PostgreSQL supervision ended: ${firstLine(error)}`));

  return {
    stop: async () => {
      isStopping = true;
      wake?.();
      await handle.stop();
      await watching;
      // A restart that was under way when stop() came in has started a server: stop that one too.
      await handle.stop();
    },
  };
}
