// The live-feed migration on a database with audit history: existing events
// are numbered in the order they happened (not the order they were stored),
// new events continue after them, keep everything else, and are published.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, expect, it } from "vitest";

import { CHANGES_CHANNEL } from "@/lib/live/notice";

import { listenRaw, type RawListener } from "./live-support";
import { createScratchDatabase, migrateAll, migrateUntil, withClient, type ScratchDatabase } from "./migration-support";

let scratch: ScratchDatabase;
const actor = randomUUID();
// Stored in this order; they happened in the order of their dates.
const stored = [
  { id: randomUUID(), action: "annotation.approve", createdAt: "2026-03-01T10:00:00Z" },
  { id: randomUUID(), action: "annotation.create", createdAt: "2026-01-01T10:00:00Z" },
  { id: randomUUID(), action: "annotation.submit", createdAt: "2026-02-01T10:00:00Z" },
];

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrateUntil(scratch.url, "_live_feed_presence");
  await withClient(scratch.url, async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, 'old@example.test', 'Old', 'analyst', 'x', now())`,
      [actor],
    );
    for (const event of stored) {
      await client.query(
        `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", after, "createdAt") VALUES ($1, $2, $3, 'annotation', $2, '{"version": 1}', $4)`,
        [event.id, actor, event.action, event.createdAt],
      );
    }
  });
  await migrateAll(scratch.url);
});

afterAll(() => scratch?.drop());

it("numbers existing audit events by when they happened and keeps their content", async () => {
  const rows = await withClient(
    scratch.url,
    async (client) => (await client.query(`SELECT id, action, seq, after, feed FROM "AuditEvent" ORDER BY seq`)).rows,
  );
  expect(rows.map((r) => [r.action, Number(r.seq)])).toEqual([
    ["annotation.create", 1],
    ["annotation.submit", 2],
    ["annotation.approve", 3],
  ]);
  expect(rows.every((r) => r.after.version === 1 && r.feed === null)).toBe(true);
});

it("gives new events the next numbers and publishes each on commit", async () => {
  let listener: RawListener | undefined;
  try {
    listener = await listenRaw(scratch.url, CHANGES_CHANNEL);
    const seqs = await withClient(scratch.url, async (client) => {
      const insert = `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId") VALUES ($1, $2, 'user.update', 'user', $2) RETURNING seq`;
      const first = await client.query(insert, [randomUUID(), actor]);
      const second = await client.query(insert, [randomUUID(), actor]);
      return [Number(first.rows[0].seq), Number(second.rows[0].seq)];
    });
    expect(seqs).toEqual([4, 5]);
    await expect.poll(() => listener!.payloads.map((p) => (JSON.parse(p) as { seq: number }).seq)).toEqual([4, 5]);
  } finally {
    await listener?.stop();
  }
});
