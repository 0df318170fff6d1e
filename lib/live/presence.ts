import "server-only";

import type { AnnotationActor } from "@/lib/annotations/access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PRESENCE_CHANNEL } from "@/lib/live/notice";
import type { PresenceActivity } from "@/lib/live/presence-activity";

// Soft presence in PostgreSQL: one row per open live stream, refreshed by its
// instance's heartbeat and gone when the stream closes or, should the instance
// die, when it expires. Times come from the database clock so instances on
// different machines agree. Every change is announced on PRESENCE_CHANNEL so
// each instance can tell its viewers of that comparison.

export type OpenPresence = {
  id: string;
  userId: string;
  comparisonId: string | null;
  instanceId: string;
  ttlSeconds: number;
  /** Live streams allowed per user, across all instances. */
  maxPerUser: number;
};

// Each change is one statement (its own transaction) that also NOTIFYs: opening
// a hundred streams at once must not take a hundred pooled connections for
// multi-statement transactions.

/**
 * Registers a stream, refusing past the per-user cap (a 429). The count and
 * the insert are one statement, so the cap is exact for opens one after
 * another; a user opening tabs at the very same moment may pass it by one or
 * two (it is a guard against runaway clients, not a quota).
 */
export async function openPresence(input: OpenPresence): Promise<void> {
  const inserted = await db.$queryRaw<Array<{ id: string }>>`
    WITH added AS (
      INSERT INTO "Presence" ("id", "userId", "comparisonId", "instanceId", "expiresAt")
      SELECT ${input.id}::uuid, ${input.userId}::uuid, ${input.comparisonId}::uuid, ${input.instanceId},
             now() + make_interval(secs => ${input.ttlSeconds})
      WHERE (SELECT count(*) FROM "Presence" WHERE "userId" = ${input.userId}::uuid AND "expiresAt" > now()) < ${input.maxPerUser}
      RETURNING "id", "comparisonId"
    )
    SELECT a."id"::text FROM added a
    LEFT JOIN LATERAL (SELECT pg_notify(${PRESENCE_CHANNEL}, a."comparisonId"::text) WHERE a."comparisonId" IS NOT NULL) AS notified ON true`;
  if (inserted.length === 0) {
    throw new AppError(
      "rate_limited",
      `You have ${input.maxPerUser} live connections open already (one per tab); close a tab to follow this one live.`,
    );
  }
}

export async function closePresence(id: string): Promise<void> {
  await db.$executeRaw`
    WITH gone AS (DELETE FROM "Presence" WHERE "id" = ${id}::uuid RETURNING "comparisonId")
    SELECT pg_notify(${PRESENCE_CHANNEL}, "comparisonId"::text) FROM gone WHERE "comparisonId" IS NOT NULL`;
}

/** The heartbeat: keeps this instance's streams present for another `ttlSeconds`. */
export async function touchPresence(ids: string[], ttlSeconds: number): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE "Presence" SET "expiresAt" = now() + make_interval(secs => ${ttlSeconds}) WHERE "id" = ANY(${ids}::uuid[])`;
}

/** Removes streams whose instance stopped refreshing them (crashed or cut off), and tells their viewers. */
export async function expirePresence(): Promise<void> {
  await db.$executeRaw`
    WITH gone AS (DELETE FROM "Presence" WHERE "expiresAt" <= now() RETURNING "comparisonId")
    SELECT pg_notify(${PRESENCE_CHANNEL}, c::text) FROM (SELECT DISTINCT "comparisonId" AS c FROM gone WHERE "comparisonId" IS NOT NULL) AS changed`;
}

/** Says what the actor has open on their stream `connectionId`: an annotation they may see, or nothing. */
export async function updatePresenceActivity(
  actor: AnnotationActor,
  connectionId: string,
  activity: { annotationId: string | null; activity: PresenceActivity },
): Promise<void> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH changed AS (
      UPDATE "Presence" SET "annotationId" = ${activity.annotationId}::uuid, "activity" = ${activity.activity}::"PresenceActivity"
      WHERE "id" = ${connectionId}::uuid AND "userId" = ${actor.id}::uuid AND "expiresAt" > now()
      RETURNING "id", "comparisonId"
    )
    SELECT c."id"::text FROM changed c
    LEFT JOIN LATERAL (SELECT pg_notify(${PRESENCE_CHANNEL}, c."comparisonId"::text) WHERE c."comparisonId" IS NOT NULL) AS notified ON true`;
  if (rows.length === 0) throw new AppError("not_found", "No open live connection with this id.");
}

/** An instance shutting down takes its streams' presence with it (else it lingers until it expires). */
export async function closeInstancePresence(instanceId: string): Promise<void> {
  await db.$executeRaw`
    WITH gone AS (DELETE FROM "Presence" WHERE "instanceId" = ${instanceId} RETURNING "comparisonId")
    SELECT pg_notify(${PRESENCE_CHANNEL}, c::text) FROM (SELECT DISTINCT "comparisonId" AS c FROM gone WHERE "comparisonId" IS NOT NULL) AS changed`;
}
