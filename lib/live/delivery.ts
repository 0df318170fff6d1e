import "server-only";

import { feedEventFor, type RoutingContext } from "@/lib/live/audience";
import { encodeFrame, type LiveConnection } from "@/lib/live/connection";
import type { ChangeNotice } from "@/lib/live/notice";
import { readFeedCursor, readReplay } from "@/lib/live/replay";

// Getting change notices onto one stream: live, and as a replay of what a
// reconnecting client missed.

/** Routing facts for a batch, plus the frames already encoded for it. */
export type Routing = RoutingContext & { frames?: Map<string, Uint8Array> };

/** The encoded event `connection` gets for `notice`, or null when it may not hear of it. */
export function frameFor(connection: LiveConnection, notice: ChangeNotice, routing: Routing): Uint8Array | null {
  const event = feedEventFor(notice, connection.actor, connection.scope, routing);
  if (!event) return null;
  // Everyone told of a notice gets the same bytes for the same kind of event: encode once.
  const key = `${notice.seq}:${event.type}:${event.type === "comparison" ? event.data.id : ""}`;
  let frame = routing.frames?.get(key);
  if (!frame) {
    frame = encodeFrame(event.type, event.data, notice.seq);
    routing.frames?.set(key, frame);
  }
  return frame;
}

export function deliver(connection: LiveConnection, notice: ChangeNotice, routing: Routing): void {
  const frame = frameFor(connection, notice, routing);
  if (frame) connection.sendFrame(frame);
}

/** Several notices to one stream as one write: under load, one socket write per batch instead of per event. */
export function deliverAll(connection: LiveConnection, notices: ChangeNotice[], routing: Routing): void {
  const frames = notices.map((notice) => frameFor(connection, notice, routing)).filter((frame) => frame !== null);
  if (frames.length === 0) return;
  if (frames.length === 1) return void connection.sendFrame(frames[0]!);
  const joined = new Uint8Array(frames.reduce((sum, frame) => sum + frame.byteLength, 0));
  let offset = 0;
  for (const frame of frames) {
    joined.set(frame, offset);
    offset += frame.byteLength;
  }
  connection.sendFrame(joined);
}

/**
 * Sends what the client missed since `lastSeq`, then the live notices that
 * arrived meanwhile (held in `connection.replay.pending`) minus those the
 * replay already sent, and then lets live delivery take over.
 */
export async function replay(
  connection: LiveConnection,
  lastSeq: number,
  routingFor: (notices: ChangeNotice[]) => Promise<RoutingContext>,
): Promise<void> {
  const state = connection.replay!;
  const missed = await readReplay(lastSeq).catch(() => "reload" as const);
  if (connection.isClosed) return;
  // The reload carries the current position, so the client's next resume starts from what it refetches.
  if (missed === "reload") connection.send("reload", {}, { id: await readFeedCursor().catch(() => undefined) });
  else {
    const routing: Routing = { ...(await routingFor(missed)), frames: new Map() };
    for (const notice of missed) {
      // Up to thousands of events: wait for the client to take them rather than overflow its buffer.
      if (!(await connection.waitForRoom())) return;
      state.sent.add(notice.seq);
      deliver(connection, notice, routing);
    }
  }
  while (state.pending.length > 0 && !connection.isClosed) {
    const pending = state.pending.splice(0).filter((notice) => !state.sent.has(notice.seq));
    const routing = await routingFor(pending);
    for (const notice of pending) deliver(connection, notice, routing);
  }
  connection.replay = null;
}
