// The change feed end to end on a real PostgreSQL: services commit, the
// AuditEvent trigger NOTIFYs, the hub's LISTEN connection routes each change to
// the streams allowed to hear of it.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { submitAnnotation, updateAnnotation, withdrawAnnotation } from "@/lib/annotations/service";
import { recordAudit } from "@/lib/audit/record";
import { revokeSessions } from "@/lib/auth/sessions";
import { addComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { LiveHub } from "@/lib/live/hub";
import { CHANGES_CHANNEL } from "@/lib/live/notice";
import { openLiveStream } from "@/lib/live/service";
import { updateUser } from "@/lib/users/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

import { feedEvents, listenRaw, readStream, sleep, type RawListener, type StreamReader } from "./live-support";

let hub: LiveHub;
let raw: RawListener;
let comparison: TestComparison;
let author: TestUser;
let otherAnalyst: TestUser;
let reviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  hub = new LiveHub({ connectionString: process.env.DATABASE_URL!, heartbeatMs: 60_000, maxBufferBytes: 64 * 1024, maxStreamsPerUser: 3 });
  await hub.start();
  raw = await listenRaw(process.env.DATABASE_URL!, CHANGES_CHANNEL);
  [author, otherAnalyst, reviewer, admin] = await Promise.all([
    createUser("analyst"),
    createUser("analyst"),
    createUser("reviewer"),
    createUser("admin"),
  ]);
  comparison = await createComparison();
});

afterAll(async () => {
  await raw?.stop();
  await hub?.stop();
});

async function open(user: TestUser, comparisonId: string | undefined = comparison.id, lastEventId?: string): Promise<StreamReader> {
  const reader = readStream(await openLiveStream(user, { comparisonId, lastEventId }, hub));
  await reader.waitFor((e) => e.type === "hello");
  return reader;
}

/** A public change everyone hears of: once it has arrived, anything committed before it would have too (commit order). */
async function fence(readers: StreamReader[]): Promise<void> {
  const marker = await createAnnotation(admin, comparison, { kind: "note", submit: true });
  await Promise.all(readers.map((r) => r.waitFor((e) => e.type === "annotation" && e.data.id === marker.id)));
}

describe("publishing on commit", () => {
  it("publishes each committed audit row once, carrying ids, action, status and version only", async () => {
    const before = raw.payloads.length;
    const created = await createAnnotation(author, comparison, { submit: true, rationale: "Secret rationale text" });
    await expect.poll(() => raw.payloads.length - before).toBe(2);
    const notices = raw.payloads.slice(before).map((p) => JSON.parse(p) as Record<string, unknown>);
    expect(notices.map((n) => n.action)).toEqual(["annotation.create", "annotation.submit"]);
    expect(notices[1]).toMatchObject({
      entityType: "annotation",
      entityId: created.id,
      comparisonId: comparison.id,
      actorId: author.id,
      feed: { annotationId: created.id, authorId: author.id, status: "in_review", previousStatus: "draft", version: 1 },
    });
    expect(Number(notices[1]!.seq)).toBeGreaterThan(Number(notices[0]!.seq));
    expect(raw.payloads.slice(before).join("")).not.toContain("Secret rationale text");
  });

  it("publishes nothing for a transaction that rolls back, even after its audit row was written", async () => {
    const reader = await open(reviewer);
    const draft = await createAnnotation(author, comparison, {});
    const ghostId = randomUUID();
    // An admin may edit someone's draft but not submit it: the edit (and its audit row) is rolled back.
    await expect(
      updateAnnotation(admin, draft.id, { version: draft.version, rationale: "Changed by admin", submit: true }),
    ).rejects.toThrow(/only the author/i);
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, {
          actorId: admin.id,
          action: "comparison.update",
          entityType: "comparison",
          entityId: ghostId,
          comparisonId: comparison.id,
        });
        throw new Error("abort after the audit row");
      }),
    ).rejects.toThrow("abort after the audit row");
    await fence([reader]);
    const about = (id: string) =>
      raw.payloads.map((p) => JSON.parse(p) as { action: string; entityId: string }).filter((n) => n.entityId === id);
    expect(about(draft.id).map((n) => n.action)).toEqual(["annotation.create"]);
    expect(about(ghostId)).toEqual([]);
    expect(reader.events.filter((e) => e.type === "comparison")).toEqual([]);
    await reader.cancel();
  });
});

describe("who hears of what", () => {
  it("tells of a draft only its author and admins, and of its withdrawal as a removal to the others", async () => {
    const [mine, other, rev, adm] = await Promise.all([open(author), open(otherAnalyst), open(reviewer), open(admin)]);
    const everyone = [mine, other, rev, adm];
    const draft = await createAnnotation(author, comparison, {});
    await fence(everyone);
    const about = (r: StreamReader) => r.events.filter((e) => e.data.id === draft.id).map((e) => e.type);
    expect(about(mine)).toEqual(["annotation"]);
    expect(about(adm)).toEqual(["annotation"]);
    expect(about(other)).toEqual([]);
    expect(about(rev)).toEqual([]);

    const submitted = await submitAnnotation(author, draft.id, { version: draft.version });
    await Promise.all(
      everyone.map((r) => r.waitFor((e) => e.type === "annotation" && e.data.id === draft.id && e.data.action === "annotation.submit")),
    );
    await addComment(reviewer, draft.id, { body: "Which source says June?" });
    await Promise.all(everyone.map((r) => r.waitFor((e) => e.type === "comment" && e.data.annotationId === draft.id)));

    await withdrawAnnotation(author, draft.id, { version: submitted.version });
    await fence(everyone);
    const last = (r: StreamReader) => r.events.filter((e) => e.data.id === draft.id).at(-1)!;
    expect(last(mine)).toMatchObject({ type: "annotation", data: { action: "annotation.withdraw" } });
    expect(last(adm)).toMatchObject({ type: "annotation", data: { action: "annotation.withdraw" } });
    expect(last(other)).toMatchObject({ type: "annotation-removed", data: { id: draft.id, comparisonId: comparison.id } });
    expect(last(rev)).toMatchObject({ type: "annotation-removed" });
    // Events are ids and versions; the text is fetched through the API, which applies the same rules.
    expect(JSON.stringify(other.events)).not.toContain(draft.rationale);
    await Promise.all(everyone.map((r) => r.cancel()));
  });

  it("tells an analyst of changes elsewhere only when they concern their own annotations", async () => {
    const elsewhere = await createComparison();
    const queueOnly = await open(otherAnalyst, undefined);
    const reviewerQueue = await open(reviewer, undefined);
    const theirs = await createAnnotation(author, elsewhere, { submit: true });
    const own = await createAnnotation(otherAnalyst, elsewhere, { submit: true });
    await reviewerQueue.waitFor((e) => e.type === "annotation" && e.data.id === own.id);
    await queueOnly.waitFor((e) => e.type === "annotation" && e.data.id === own.id);
    expect(reviewerQueue.events.some((e) => e.data.id === theirs.id)).toBe(true);
    expect(queueOnly.events.some((e) => e.data.id === theirs.id)).toBe(false);
    await Promise.all([queueOnly.cancel(), reviewerQueue.cancel()]);
  });

  it("stops a disabled account's stream at the next event", async () => {
    const victim = await createUser("analyst");
    const reader = await open(victim);
    await updateUser(admin, victim.id, { disabled: true });
    await reader.waitFor((e) => e.type === "signed-out");
    expect(await reader.ended).toBe("closed");
    const afterwards = await createAnnotation(author, comparison, { submit: true });
    await sleep(200);
    expect(reader.events.some((e) => e.data.id === afterwards.id)).toBe(false);
  });
});

describe("revoked sessions", () => {
  it("end the streams opened with them at the next event (sign out everywhere)", async () => {
    const user = await createUser("analyst");
    const reader = await open(user);
    await revokeSessions(user.id, { actorId: user.id, reason: "sign_out_everywhere" });
    await reader.waitFor((e) => e.type === "signed-out");
    expect(await reader.ended).toBe("closed");
  });
});

describe("resuming with Last-Event-ID", () => {
  it("replays what was missed, in order, then continues live without repeating an event", async () => {
    const first = await createAnnotation(author, comparison, { submit: true });
    const seqOf = async (id: string) =>
      Number((await db.auditEvent.findFirstOrThrow({ where: { entityId: id }, orderBy: { seq: "desc" }, select: { seq: true } })).seq);
    const lastSeen = await seqOf(first.id);
    const missed = [
      await createAnnotation(author, comparison, { submit: true }),
      await createAnnotation(otherAnalyst, comparison, { submit: true }),
    ];
    const privateDraft = await createAnnotation(otherAnalyst, comparison, {});
    const reader = await open(reviewer, comparison.id, String(lastSeen));
    for (const annotation of missed) await reader.waitFor((e) => e.type === "annotation" && e.data.id === annotation.id);
    const live = await createAnnotation(author, comparison, { submit: true });
    await reader.waitFor((e) => e.type === "annotation" && e.data.id === live.id);

    const ids = feedEvents(reader, "annotation").map((e) => e.id!);
    expect(new Set(ids).size).toBe(ids.length);
    const afterLastSeen = ids.filter((id) => id > lastSeen);
    expect(afterLastSeen).toEqual([...afterLastSeen].sort((a, b) => a - b));
    expect(reader.events.some((e) => e.data.id === privateDraft.id)).toBe(false);
    await reader.cancel();
  });

  it("asks for a reload when the missed events are older than the replay window or the id is unknown", async () => {
    const old = await db.auditEvent.create({
      data: {
        action: "comparison.update",
        entityType: "comparison",
        entityId: comparison.id,
        comparisonId: comparison.id,
        createdAt: new Date(Date.now() - 3 * 3600_000),
      },
      select: { seq: true },
    });
    await db.auditEvent.create({
      data: {
        action: "comparison.update",
        entityType: "comparison",
        entityId: comparison.id,
        comparisonId: comparison.id,
        createdAt: new Date(Date.now() - 2 * 3600_000),
      },
    });
    const stale = await open(reviewer, comparison.id, String(old.seq));
    await stale.waitFor((e) => e.type === "reload");
    const unknown = await open(reviewer, comparison.id, "999999999999");
    await unknown.waitFor((e) => e.type === "reload");
    await Promise.all([stale.cancel(), unknown.cancel()]);
  });
});
