// Live streams as resources: a bounded buffer per client, a per-user cap that
// holds across instances, presence shared through PostgreSQL by two hubs (two
// app instances), and source/comparison changes routed to their viewers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { submitAnnotation } from "@/lib/annotations/service";
import { updateComparison } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { LiveHub, type HubOptions } from "@/lib/live/hub";
import { openLiveStream, setPresence } from "@/lib/live/service";
import { updateSource } from "@/lib/sources/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

import { feedEvents, readStream, type StreamReader } from "./live-support";

const hubs: LiveHub[] = [];
let comparison: TestComparison;
let analyst: TestUser;
let reviewer: TestUser;
let admin: TestUser;

async function startHub(options: Partial<HubOptions> = {}): Promise<LiveHub> {
  const hub = new LiveHub({
    connectionString: process.env.DATABASE_URL!,
    heartbeatMs: 60_000,
    maxBufferBytes: 64 * 1024,
    maxStreamsPerUser: 10,
    presenceDebounceMs: 20,
    ...options,
  });
  await hub.start();
  hubs.push(hub);
  return hub;
}

beforeAll(async () => {
  [analyst, reviewer, admin] = await Promise.all([createUser("analyst"), createUser("reviewer"), createUser("admin")]);
  comparison = await createComparison();
});

afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.stop()));
});

async function open(
  hub: LiveHub,
  user: TestUser,
  comparisonId: string | undefined = comparison.id,
): Promise<StreamReader & { connectionId: string }> {
  const reader = readStream(await openLiveStream(user, { comparisonId }, hub));
  const hello = await reader.waitFor((e) => e.type === "hello");
  return Object.assign(reader, { connectionId: String(hello.data.connectionId) });
}

/** Many committed changes at once: one statement inserting `count` audit rows about `annotationId` (the trigger publishes each). */
async function burst(annotationId: string, count: number): Promise<void> {
  const feed = JSON.stringify({ annotationId, authorId: analyst.id, status: "in_review", previousStatus: "in_review", version: 1 });
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "comparisonId", "feed")
    SELECT gen_random_uuid(), ${analyst.id}::uuid, 'annotation.update', 'annotation', ${annotationId}::uuid, ${comparison.id}::uuid, ${feed}::jsonb
    FROM generate_series(1, ${count})`;
}

describe("a client that does not read", () => {
  it("is disconnected once its buffer is full, while a reading client gets every event", async () => {
    const hub = await startHub({ maxBufferBytes: 16 * 1024 });
    const annotation = await createAnnotation(analyst, comparison, { submit: true });
    const stalled = await hub.open({ id: reviewer.id, name: reviewer.name, role: reviewer.role }, { comparisonId: comparison.id }, null);
    const reading = await open(hub, admin);
    let largest = 0;
    const send = stalled.send.bind(stalled);
    stalled.send = (type, data, options) => {
      const sent = send(type, data, options);
      largest = Math.max(largest, stalled.bufferedBytes);
      return sent;
    };

    await burst(annotation.id, 300);
    await expect.poll(() => feedEvents(reading, "annotation").filter((e) => e.data.id === annotation.id).length).toBe(300);
    expect(stalled.closeReason).toBe("buffer full");
    expect(largest).toBeLessThanOrEqual(16 * 1024);
    expect(hub.size).toBe(1);
    await expect.poll(() => db.presence.count({ where: { id: stalled.id } })).toBe(0);
    // What it had queued is dropped, not kept for a reader that never comes.
    await expect(stalled.stream.getReader().read()).rejects.toThrow(/stopped reading/);
    await reading.cancel();
  });
});

describe("a long replay", () => {
  it("waits for the client to read instead of overflowing its buffer", async () => {
    const hub = await startHub({ maxBufferBytes: 16 * 1024 });
    const annotation = await createAnnotation(analyst, comparison, { submit: true });
    const before = await db.auditEvent.findFirstOrThrow({
      where: { entityId: annotation.id },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    await burst(annotation.id, 400); // about 90 KB of events, five times the buffer
    const reader = readStream(await openLiveStream(reviewer, { comparisonId: comparison.id, lastEventId: String(before.seq) }, hub));
    await expect
      .poll(() => feedEvents(reader, "annotation").filter((e) => e.id! > Number(before.seq)).length, { timeout: 15_000 })
      .toBe(400);
    expect(hub.size).toBe(1);
    await reader.cancel();
  });
});

describe("the per-user cap", () => {
  it("refuses a stream past the cap on any instance, and allows one again after a stream closes", async () => {
    const [first, second] = [await startHub({ maxStreamsPerUser: 2 }), await startHub({ maxStreamsPerUser: 2 })];
    const user = await createUser("analyst");
    const a = await open(first, user);
    await open(second, user, undefined);
    await expect(openLiveStream(user, { comparisonId: comparison.id }, second)).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
    });
    await a.cancel();
    await expect.poll(() => db.presence.count({ where: { userId: user.id } })).toBe(1);
    const again = await open(second, user);
    expect(again.connectionId).toBeTruthy();
  });
});

describe("presence across instances", () => {
  it("shows who is here and what they have open, never naming someone else's draft", async () => {
    const [one, two] = [await startHub(), await startHub()];
    const here = await createComparison();
    const mine = await open(one, analyst, here.id);
    const theirs = await open(two, reviewer, here.id);
    const adminView = await open(two, admin, here.id);
    const people = (reader: StreamReader) =>
      reader.events.filter((e) => e.type === "presence").at(-1)?.data.people as
        Array<{ user: { id: string }; annotations: Array<{ id: string; activity: string }> }> | undefined;
    await expect
      .poll(() =>
        people(theirs)
          ?.map((p) => p.user.id)
          .sort(),
      )
      .toEqual([analyst.id, reviewer.id, admin.id].sort());

    const draft = await createAnnotation(analyst, here, {});
    await setPresence(analyst, mine.connectionId, { activity: "editing", annotationId: draft.id });
    await expect
      .poll(() => people(adminView)?.find((p) => p.user.id === analyst.id)?.annotations)
      .toEqual([{ id: draft.id, activity: "editing" }]);
    expect(people(theirs)?.find((p) => p.user.id === analyst.id)?.annotations).toEqual([]);
    // Nobody else may claim to have that draft open: it is a 404 to them.
    await expect(setPresence(reviewer, theirs.connectionId, { activity: "reviewing", annotationId: draft.id })).rejects.toMatchObject({
      code: "not_found",
    });
    // Nor speak for another person's connection.
    await expect(setPresence(reviewer, mine.connectionId, { activity: "viewing" })).rejects.toMatchObject({ code: "not_found" });

    const submitted = await submitAnnotation(analyst, draft.id, { version: draft.version });
    await setPresence(reviewer, theirs.connectionId, { activity: "reviewing", annotationId: submitted.id });
    await expect
      .poll(() => people(mine)?.find((p) => p.user.id === reviewer.id)?.annotations)
      .toEqual([{ id: submitted.id, activity: "reviewing" }]);

    await theirs.cancel();
    await expect.poll(() => people(mine)?.some((p) => p.user.id === reviewer.id)).toBe(false);
    await Promise.all([mine.cancel(), adminView.cancel()]);
  });

  it("drops the viewers of an instance that stopped refreshing them once they expire", async () => {
    const survivor = await startHub({ heartbeatMs: 300 });
    const gone = await startHub();
    const here = await createComparison();
    const watcher = await open(survivor, analyst, here.id);
    const ghost = await open(gone, reviewer, here.id);
    const present = (id: string) =>
      (watcher.events.filter((e) => e.type === "presence").at(-1)?.data.people as Array<{ user: { id: string } }>).some(
        (p) => p.user.id === id,
      );
    await expect.poll(() => present(reviewer.id)).toBe(true);
    // As if `gone` had crashed: its heartbeat never comes again.
    await db.presence.update({ where: { id: ghost.connectionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect.poll(() => present(reviewer.id), { timeout: 5_000 }).toBe(false);
    await watcher.cancel();
  });
});

describe("comparison and source changes", () => {
  it("reach the viewers of the comparisons they belong to, and nobody else", async () => {
    const hub = await startHub();
    const other = await createComparison();
    const viewer = await open(hub, reviewer);
    const elsewhere = await open(hub, analyst, other.id);
    await updateSource(admin, comparison.right.id, { title: "Renamed source" });
    await updateComparison(admin, comparison.id, { title: "Renamed comparison" });
    await viewer.waitFor((e) => e.type === "comparison" && e.data.action === "source.update");
    await viewer.waitFor((e) => e.type === "comparison" && e.data.action === "comparison.update");
    await updateComparison(admin, other.id, { title: "Other renamed" });
    await elsewhere.waitFor((e) => e.type === "comparison" && e.data.action === "comparison.update");
    expect(elsewhere.events.filter((e) => e.type === "comparison")).toHaveLength(1);
    await Promise.all([viewer.cancel(), elsewhere.cancel()]);
  });
});
