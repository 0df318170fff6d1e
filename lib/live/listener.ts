import "server-only";

import { randomUUID } from "node:crypto";

import postgres from "postgres";

import { CHANGES_CHANNEL, PRESENCE_CHANNEL } from "@/lib/live/notice";

// The instance's one LISTEN connection (postgres.js, which reconnects by itself
// and runs LISTEN again each time). Whether notifications really flow is
// checked end to end: every few seconds the instance NOTIFYs itself a ping and
// expects it back; a missing ping means the feed is down (database away, or a
// connection silently cut), and the next successful LISTEN brings it back.
// Notifications sent while it was down are lost to this instance, so coming
// back is reported as a reconnect and clients resynchronize.

const PING_CHANNEL = "parallax_ping";

export type FeedHandlers = {
  onChange: (payload: string) => void;
  onPresence: (comparisonId: string) => void;
  /** The feed is live; `isReconnect` when it had been down (or dropped) before. */
  onUp: (isReconnect: boolean) => void;
  onDown: () => void;
};

export type FeedListenerOptions = { connectionString: string; pingIntervalMs?: number; pingTimeoutMs?: number };

export type FeedListener = { isLive(): boolean; stop(): Promise<void> };

export async function startFeedListener(options: FeedListenerOptions, handlers: FeedHandlers): Promise<FeedListener> {
  const pingIntervalMs = options.pingIntervalMs ?? 5_000;
  const pingTimeoutMs = options.pingTimeoutMs ?? 3_000;
  const sql = postgres(options.connectionString, {
    max: 1,
    idle_timeout: 60,
    connect_timeout: 5,
    // Retry quickly after an outage: 0.25 s, 0.5 s, 1 s … at most 2 s apart.
    backoff: (attempt) => Math.min(0.25 * 2 ** attempt, 2),
    onnotice: () => {},
  });
  let isLive = false;
  let hasListened = false;
  let isStopped = false;
  let expected: { token: string; timer: NodeJS.Timeout } | null = null;
  let isSending = false;

  const down = () => {
    if (!isLive) return;
    isLive = false;
    handlers.onDown();
  };
  // Called by postgres.js after every LISTEN, the first and each one after a reconnect.
  const up = () => {
    // A ping sent over the old connection proves nothing about the new one.
    if (expected) clearTimeout(expected.timer);
    expected = null;
    const isReconnect = hasListened;
    hasListened = true;
    isLive = true;
    handlers.onUp(isReconnect);
  };

  const onPing = (token: string) => {
    if (!expected || token !== expected.token) return;
    clearTimeout(expected.timer);
    expected = null;
    // The ping came back after we had declared the feed down without a new LISTEN: the
    // connection was only slow, but notifications may have been missed all the same.
    if (!isLive && hasListened && !isStopped) up();
  };

  await sql.listen(CHANGES_CHANNEL, (payload) => handlers.onChange(payload), up);
  await sql.listen(PRESENCE_CHANNEL, (payload) => handlers.onPresence(payload));
  await sql.listen(PING_CHANNEL, onPing);

  const pinger = setInterval(() => {
    if (isStopped || isSending || expected) return;
    const token = randomUUID();
    expected = { token, timer: setTimeout(() => ((expected = null), down()), pingTimeoutMs) };
    isSending = true;
    sql
      .notify(PING_CHANNEL, token)
      .catch(() => down())
      .finally(() => (isSending = false));
  }, pingIntervalMs);
  pinger.unref();

  return {
    isLive: () => isLive,
    async stop() {
      isStopped = true;
      clearInterval(pinger);
      if (expected) clearTimeout(expected.timer);
      await sql.end({ timeout: 1 });
    },
  };
}
