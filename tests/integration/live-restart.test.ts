// PostgreSQL restarts under a live instance: the LISTEN connection comes back
// by itself, streams are told the feed paused and then to resync, and nothing
// is delivered twice. Runs against a PostgreSQL of its own, which it stops.
import { rmSync } from "node:fs";

import { afterAll, beforeAll, expect, it } from "vitest";

import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/infra/embedded-postgres";
import { applyMigrations } from "@/lib/infra/migrations";
import type { LiveHub } from "@/lib/live/hub";
import type * as LiveService from "@/lib/live/service";
import type * as Factories from "@/tests/support/factories";

import { feedEvents, readStream, type StreamReader } from "./live-support";

const DATA_DIR = ".data/test-live-restart";
let server: EmbeddedPostgresHandle;
let hub: LiveHub;
let factories: typeof Factories;
let service: typeof LiveService;

beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true }); // a fresh cluster every run
  server = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: 0, databaseName: "live_restart", isDurable: false });
  await applyMigrations({ connectionString: server.connectionString });
  // Everything that talks to the database is loaded only now, pointed at this server.
  process.env.DATABASE_URL = server.connectionString;
  delete (globalThis as { parallaxDb?: unknown }).parallaxDb;
  factories = await import("@/tests/support/factories");
  service = await import("@/lib/live/service");
  const { LiveHub: Hub } = await import("@/lib/live/hub");
  hub = new Hub({
    connectionString: server.connectionString,
    heartbeatMs: 60_000,
    maxBufferBytes: 64 * 1024,
    maxStreamsPerUser: 5,
    pingIntervalMs: 300,
    pingTimeoutMs: 2_000,
  });
  await hub.start();
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await server?.stop();
});

async function restart(): Promise<void> {
  const port = server.port;
  await server.stop();
  // Away longer than the hub's ping timeout (2 s), so the feed must notice the outage however fast the machine.
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  server = await startEmbeddedPostgres({ dataDir: DATA_DIR, port, databaseName: "live_restart", isDurable: false });
  expect(server.port).toBe(port);
}

it("reconnects after a PostgreSQL restart, tells streams to resync, and delivers nothing twice", async () => {
  const [author, reviewer] = [await factories.createUser("analyst"), await factories.createUser("reviewer")];
  const comparison = await factories.createComparison();
  const reader: StreamReader = readStream(await service.openLiveStream(reviewer, { comparisonId: comparison.id }, hub));
  const before = await factories.createAnnotation(author, comparison, { submit: true });
  await reader.waitFor((e) => e.type === "annotation" && e.data.id === before.id);

  const stopped = restart();
  await reader.waitFor((e) => e.type === "status" && e.data.live === false, 10_000);
  await stopped;
  // Paused while the database was away, then live again and told to resync once it was back.
  const feedState = () =>
    reader.events
      .filter((e) => e.type === "status" || e.type === "resync")
      .map((e) => (e.type === "status" ? `live:${e.data.live}` : "resync"));
  await expect
    .poll(
      () => {
        const states = feedState();
        const lastDown = states.lastIndexOf("live:false");
        return states.filter((state) => state.startsWith("live")).at(-1) === "live:true" && states.lastIndexOf("resync") > lastDown;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  expect(feedState()[0]).toBe("live:false");

  // Writes work again, and reach the stream once.
  const after = await factories.createAnnotation(author, comparison, { submit: true });
  await reader.waitFor((e) => e.type === "annotation" && e.data.id === after.id, 10_000);
  const seqs = feedEvents(reader, "annotation").map((e) => e.id);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(hub.size).toBe(1);
  await reader.cancel();
}, 60_000);
