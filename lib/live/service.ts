import "server-only";

import { loadAnnotation } from "@/lib/annotations/records";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { LiveHub } from "@/lib/live/hub";
import { updatePresenceActivity } from "@/lib/live/presence";
import { readFeedCursor } from "@/lib/live/replay";
import { presenceInputSchema, type PresenceInput } from "@/lib/live/schemas";
import { parseLastEventId } from "@/lib/live/sse";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

// Live streams for the routes: who may open one, on what, from where.

const globalForLive = globalThis as unknown as { parallaxLiveHub?: LiveHub };

/** The process's hub (one LISTEN connection), created on first use. */
export function getLiveHub(): LiveHub {
  if (globalForLive.parallaxLiveHub) return globalForLive.parallaxLiveHub;
  const hub = new LiveHub({
    connectionString: process.env.DATABASE_URL ?? "",
    heartbeatMs: env.PARALLAX_LIVE_HEARTBEAT_SECONDS * 1000,
    maxBufferBytes: env.PARALLAX_LIVE_BUFFER_KB * 1024,
    maxStreamsPerUser: env.PARALLAX_LIVE_MAX_STREAMS_PER_USER,
  });
  // Streams never finish on their own: end them when the server is asked to stop, so it can drain
  // and exit; browsers reconnect (to another instance behind a load balancer) and resume.
  const stop = () => void hub.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  globalForLive.parallaxLiveHub = hub;
  return hub;
}

export type OpenStreamInput = {
  /** Follow this comparison too (annotations, comments, sources, presence); else only the queue and counts. */
  comparisonId?: string;
  /** The Last-Event-ID header, or the page's feed cursor. */
  lastEventId?: string | null;
};

export async function openLiveStream(actor: Actor, input: OpenStreamInput, hub = getLiveHub()): Promise<ReadableStream<Uint8Array>> {
  assertPermission(actor, "comparison.read");
  let comparisonId: string | null = null;
  if (input.comparisonId !== undefined) {
    comparisonId = assertId(input.comparisonId, "comparison");
    const exists = await db.comparison.findUnique({ where: { id: comparisonId }, select: { id: true } });
    if (!exists) throw new AppError("not_found", "No comparison with this id.");
  }
  const connection = await hub.open(
    { id: actor.id, name: actor.name, role: actor.role },
    { comparisonId },
    parseLastEventId(input.lastEventId),
  );
  return connection.stream;
}

/** Says which annotation the actor has open on their stream (shown to others as "… is editing"). */
export async function setPresence(actor: Actor, connectionId: string, input: PresenceInput | UntrustedInput): Promise<void> {
  assertPermission(actor, "comparison.read");
  const id = assertId(connectionId, "live connection");
  const data = parseInput(presenceInputSchema, input);
  const annotationId = data.activity === "viewing" ? null : (await loadAnnotation(db, actor, data.annotationId!)).id;
  await updatePresenceActivity(actor, id, { annotationId, activity: data.activity });
}

/** The feed position a page's data is as new as (read before the data). */
export async function getFeedCursor(actor: Actor): Promise<number> {
  assertPermission(actor, "comparison.read");
  return readFeedCursor();
}
