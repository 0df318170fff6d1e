// The launcher's supervision of the embedded PostgreSQL (lib/infra/
// supervise-postgres.ts) on a real server of its own: killed with SIGKILL, it
// comes back on the same port with its data, retrying while it cannot start;
// stopping it is a clean shutdown.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres } from "@/lib/infra/embedded-postgres";
import { supervisePostgres } from "@/lib/infra/supervise-postgres";
import { holdPort } from "@/tests/faults/outage";

let tempDir: string | undefined;

afterAll(async () => {
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

async function query(connectionString: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 1000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check();) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("supervisePostgres", () => {
  it("restarts a killed server on the same port with its data, with backoff, and stops it cleanly", { timeout: 60_000 }, async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "parallax-supervise-"));
    const dataDir = path.join(tempDir, "pg");
    const handle = await startEmbeddedPostgres({ dataDir, port: 0, databaseName: "supervised" });
    const lines: string[] = [];
    const supervisor = supervisePostgres(handle, { log: (line) => lines.push(line), delaysMs: [100, 300, 600] });
    try {
      await query(handle.connectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before the crash')");
      const firstPid = handle.owned!.current().pid;

      process.kill(firstPid, "SIGKILL");
      // Hold the port for a while, as if the server could not come back at once.
      const releasePort = await holdPort(handle.port);
      await new Promise((resolve) => setTimeout(resolve, 700));
      await releasePort();

      await waitFor(() => lines.some((line) => line.includes("is back")), 30_000);
      expect(lines[0]).toMatch(/stopped unexpectedly \(killed by SIGKILL\)/);
      expect(lines.some((line) => /restart attempt 1 failed: .*(could not bind|Address already in use|could not create)/i.test(line))).toBe(
        true,
      );
      expect(handle.owned!.current().pid).not.toBe(firstPid);
      expect(await query(handle.connectionString, "SELECT note FROM kept")).toEqual([{ note: "before the crash" }]);
    } finally {
      await supervisor.stop();
    }
    const lastPid = handle.owned!.current().pid;
    expect(() => process.kill(lastPid, 0)).toThrow(); // gone
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false); // a clean shutdown removes it
    expect(readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim()).toMatch(/^\d+$/);
    expect(lines.filter((line) => line.includes("stopped unexpectedly"))).toHaveLength(1); // stopping on purpose is not a crash
  });
});
