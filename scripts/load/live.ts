// npm run load:live [-- --duration 30 --clients 200 --writers 50 --build]
//
// Live collaboration under load, on this machine only, bounded in time: two
// `next start` instances on one fresh PostgreSQL, N browser-like SSE clients
// spread over both, W writers creating annotations (one in five a private
// draft) on both. Prints write throughput and latency, delivery latency from
// the commit (PostgreSQL commit timestamps) to each client, server memory,
// and, for clients that stayed connected, events lost, duplicated or leaked.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { openClient, passagesOf, runWriter, signIn, type StreamClient } from "./live-clients";
import {
  cpuSeconds,
  ensureBuild,
  freePort,
  newSecret,
  residentMiB,
  seedUsers,
  startDatabase,
  startInstance,
  type Instance,
} from "./live-cluster";
import { accountDeliveries, percentile, type Write } from "./live-stats";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: process.env.LOAD_LIVE_DURATION ?? "30" },
    clients: { type: "string", default: process.env.LOAD_LIVE_CLIENTS ?? "200" },
    writers: { type: "string", default: process.env.LOAD_LIVE_WRITERS ?? "50" },
    build: { type: "boolean", default: false },
  },
});
const durationSeconds = Number(args.duration);
const clientCount = Number(args.clients);
const writerCount = Number(args.writers);
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const log = (message: string) => console.log(`[load] ${message}`);
const ms = (value: number) => `${Math.round(value)} ms`;

type Memory = { start: number; peak: number; end: number };

async function readCommitTimes(connectionString: string, ids: string[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; at: number }>(
      `SELECT id::text, extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000 AS at FROM "Annotation" WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, Number(row.at)]));
  } finally {
    await client.end();
  }
}

function sampleMemory(instances: Instance[]): { stop: () => Memory[] } {
  const memory = instances.map((instance) => {
    const now = residentMiB(instance.process.pid!);
    return { start: now, peak: now, end: now };
  });
  const timer = setInterval(() => {
    instances.forEach((instance, i) => {
      const now = residentMiB(instance.process.pid!);
      memory[i]!.peak = Math.max(memory[i]!.peak, now);
      memory[i]!.end = now;
    });
  }, 250);
  return { stop: () => (clearInterval(timer), memory) };
}

async function waitForDelivery(clients: StreamClient[], writes: Write[], timeoutMs: number): Promise<void> {
  const expected = writes.filter((w) => !w.isDraft).map((w) => w.id);
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const complete = clients.every((client) => {
      if (!client.stayedConnected) return true;
      const seen = new Set(client.received.map((r) => r.annotationId));
      return expected.every((id) => seen.has(id));
    });
    if (complete) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  ensureBuild(distDir, args.build);
  const database = await startDatabase(path.resolve(".data/load-live/postgres"), Number(process.env.PARALLAX_LOAD_PG_PORT ?? 0));
  const instances: Instance[] = [];
  const clients: StreamClient[] = [];
  try {
    const users = await seedUsers(database.connectionString, { reviewer: 24, admin: 1, analyst: 10 });
    const ports = (process.env.LOAD_LIVE_PORTS ?? "").split(",").filter(Boolean).map(Number);
    const secret = newSecret();
    for (let i = 0; i < 2; i++)
      instances.push(await startInstance(ports[i] ?? (await freePort()), database.connectionString, secret, distDir));
    log(`2 instances: ${instances.map((i) => i.url).join(", ")}; PostgreSQL on port ${database.port}`);

    const cookies = new Map<string, string>();
    for (const user of users) cookies.set(user.id, await signIn(instances[0]!.url, user.email));
    const anyCookie = cookies.get(users[0]!.id)!;
    const { comparisons } = (await (await fetch(`${instances[0]!.url}/api/v1/comparisons`, { headers: { cookie: anyCookie } })).json()) as {
      comparisons: Array<{ id: string }>;
    };
    const comparisonId = comparisons[0]!.id;
    const detail = (await (
      await fetch(`${instances[0]!.url}/api/v1/comparisons/${comparisonId}`, { headers: { cookie: anyCookie } })
    ).json()) as {
      sources: Array<{ id: string; text: string }>;
    };
    const passages = passagesOf(detail.sources[0]!.text, detail.sources[0]!.id);

    const viewers = users.filter((u) => u.role !== "analyst");
    for (let i = 0; i < clientCount; i++) {
      const user = viewers[i % viewers.length]!;
      clients.push(openClient(`${instances[i % 2]!.url}/api/v1/comparisons/${comparisonId}/events`, cookies.get(user.id)!, user));
    }
    await Promise.all(clients.map((client) => client.ready));
    log(`${clients.length} SSE clients connected (${viewers.length} users, half on each instance)`);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the presence burst of the connects settle

    const memory = sampleMemory(instances);
    const cpuBefore = { load: process.cpuUsage(), instances: instances.map((i) => cpuSeconds(i.process.pid!)) };
    const analysts = users.filter((u) => u.role === "analyst");
    const until = Date.now() + durationSeconds * 1000;
    log(`${writerCount} writers for ${durationSeconds} s…`);
    const results = await Promise.all(
      Array.from({ length: writerCount }, (_, j) => {
        const author = analysts[j % analysts.length]!;
        return runWriter(instances[j % 2]!.url, cookies.get(author.id)!, author, comparisonId, passages, until, `w${j}`);
      }),
    );
    const writes = results.flatMap((r) => r.writes);
    await waitForDelivery(clients, writes, 15_000);
    const [memoryA, memoryB] = memory.stop();
    const loadCpu = process.cpuUsage(cpuBefore.load);
    const cpu = {
      instanceA: cpuSeconds(instances[0]!.process.pid!) - cpuBefore.instances[0]!,
      instanceB: cpuSeconds(instances[1]!.process.pid!) - cpuBefore.instances[1]!,
      loadGenerator: (loadCpu.user + loadCpu.system) / 1e6,
    };
    const errors = new Map<number, number>();
    for (const result of results) for (const [status, count] of result.errors) errors.set(status, (errors.get(status) ?? 0) + count);

    const commitAt = await readCommitTimes(
      database.connectionString,
      writes.map((w) => w.id),
    );
    const delivery = accountDeliveries(writes, clients, commitAt);
    const writeLatencies = results.flatMap((r) => r.latencies);
    const report = {
      when: new Date().toISOString(),
      setup: { instances: 2, clients: clientCount, users: viewers.length, writers: writerCount, durationSeconds },
      writes: {
        acknowledged: writes.length,
        drafts: writes.filter((w) => w.isDraft).length,
        perSecond: writes.length / durationSeconds,
        p50Ms: percentile(writeLatencies, 50),
        p99Ms: percentile(writeLatencies, 99),
        errors: Object.fromEntries(errors),
      },
      delivery: {
        clientsStayedConnected: delivery.clientsStayed,
        expected: delivery.expectedDeliveries,
        delivered: delivery.delivered,
        lost: delivery.lost,
        duplicated: delivery.duplicated,
        leakedDrafts: delivery.leakedDrafts,
        perSecond: delivery.delivered / durationSeconds,
        p50Ms: percentile(delivery.latencies, 50),
        p99Ms: percentile(delivery.latencies, 99),
        maxMs: percentile(delivery.latencies, 100),
      },
      memoryMiB: { instanceA: memoryA, instanceB: memoryB },
      cpuSeconds: cpu,
    };
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/load-live.json", `${JSON.stringify(report, null, 2)}\n`);
    const mem = (m: Memory | undefined) => (m ? `${Math.round(m.start)} → peak ${Math.round(m.peak)} → ${Math.round(m.end)} MiB` : "?");
    console.log(`
Live load: 2 instances, ${clientCount} SSE clients (${viewers.length} users), ${writerCount} writers, ${durationSeconds} s
  writes     ${writes.length} acknowledged (${report.writes.perSecond.toFixed(1)}/s, ${report.writes.drafts} drafts), latency p50 ${ms(report.writes.p50Ms)}, p99 ${ms(report.writes.p99Ms)}, errors ${errors.size ? JSON.stringify(report.writes.errors) : "none"}
  delivery   commit → client p50 ${ms(report.delivery.p50Ms)}, p99 ${ms(report.delivery.p99Ms)}, max ${ms(report.delivery.maxMs)}; ${delivery.delivered} events delivered (${report.delivery.perSecond.toFixed(0)}/s)
  clients    ${delivery.clientsStayed}/${clientCount} stayed connected: lost ${delivery.lost}, duplicated ${delivery.duplicated}, drafts leaked ${delivery.leakedDrafts}
  memory     instance A ${mem(memoryA)}; instance B ${mem(memoryB)} (RSS)
  cpu        instance A ${cpu.instanceA.toFixed(1)} s, instance B ${cpu.instanceB.toFixed(1)} s, this load generator ${cpu.loadGenerator.toFixed(1)} s (2 cores shared by all, and by PostgreSQL)
  (details in test-results/load-live.json)
`);
    if (delivery.lost || delivery.duplicated || delivery.leakedDrafts || delivery.clientsStayed < clientCount) process.exitCode = 1;
  } finally {
    clients.forEach((client) => client.close());
    for (const instance of instances) await instance.stop();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
