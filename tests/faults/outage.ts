// The fault itself and what the test watches around it: SIGKILL of the
// postmaster, a stand-in that holds PostgreSQL's port for a while (so the
// outage lasts a few seconds and the launcher's first restarts fail, as when a
// server cannot come back at once), a probe for when PostgreSQL answers again,
// and a poller of /api/health.
import net from "node:net";

import pg from "pg";

export type HealthSample = { startedAt: number; ms: number; status: number; db?: string };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Listens on the port and drops every connection at once; returns a function that frees the port. */
export async function holdPort(port: number, withinMs = 3000): Promise<() => Promise<void>> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const server = net.createServer((socket) => socket.destroy());
    const error = await new Promise<Error | undefined>((resolve) => {
      server.once("error", resolve);
      server.listen(port, "127.0.0.1", () => resolve(undefined));
    });
    if (!error) return () => new Promise<void>((resolve) => server.close(() => resolve()));
    if (Date.now() > deadline) throw new Error(`Could not take port ${port} after the kill: ${error.message}`);
    await pause(20);
  }
}

/** Resolves with the time PostgreSQL first answers `SELECT 1` again. */
export async function waitForPostgres(connectionString: string, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 500 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return Date.now();
    } catch {
      await pause(100);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`PostgreSQL did not come back within ${timeoutMs / 1000} s`);
}

export function pollHealth(baseUrl: string, samples: HealthSample[], everyMs = 200): () => Promise<void> {
  let isStopped = false;
  const loop = (async () => {
    while (!isStopped) {
      const startedAt = Date.now();
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
        const body = (await response.json().catch(() => ({}))) as { db?: string };
        samples.push({ startedAt, ms: Date.now() - startedAt, status: response.status, db: body.db });
      } catch {
        samples.push({ startedAt, ms: Date.now() - startedAt, status: 0 });
      }
      await pause(everyMs);
    }
  })();
  return async () => {
    isStopped = true;
    await loop;
  };
}
