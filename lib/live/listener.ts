import "server-only";

import { randomUUID } from "node:crypto";

import postgres from "postgres";

import { CHANGES_CHANNEL, PRESENCE_CHANNEL } from "@/lib/live/notice";

// The instance's one LISTEN connection (postgres.js, which reconnects by itself
// and runs LISTEN again each time). Notifications sent while the connection
// was gone are lost to this instance, so every LISTEN after the first is
// reported as a reconnect and clients resynchronize.
//
// Whether notifications really flow is checked end to end: every few seconds
// the instance NOTIFYs itself a ping and expects it back. A late ping only
// pauses the feed (a busy server or database; the session, and its queued
// notifications, are intact); several missed in a row mean the connection is
// dead without knowing it (a cut network), and it is replaced.

const PING_CHANNEL = "parallax_ping";
const MISSES_BEFORE_RECONNECT = 3;

export type FeedHandlers = {
  onChange: (payload: string) => void;
  onPresence: (comparisonId: string) => void;
  /** The feed is live; `isReconnect` when a new LISTEN may have missed notifications. */
  onUp: (isReconnect: boolean) => void;
  onDown: () => void;
};

export type FeedListenerOptions = { connectionString: string; pingIntervalMs?: number; pingTimeoutMs?: number };

export type FeedListener = {
  isLive(): boolean;
  /** Resolves at the first LISTEN (which waits for the database if it is away). */
  ready: Promise<void>;
  stop(): Promise<void>;
};

function connect(connectionString: string) {
  return postgres(connectionString, {
    max: 1,
    idle_timeout: 60,
    connect_timeout: 5,
    keep_alive: 30,
    // Retry quickly after an outage: 0.25 s, 0.5 s, 1 s … at most 2 s apart.
    backoff: (attempt) => Math.min(0.25 * 2 ** attempt, 2),
    onnotice: () => {},
  });
}

export function startFeedListener(options: FeedListenerOptions, handlers: FeedHandlers): FeedListener {
  const pingIntervalMs = options.pingIntervalMs ?? 5_000;
  const pingTimeoutMs = options.pingTimeoutMs ?? 5_000;
  let sql = connect(options.connectionString);
  let isLive = false;
  let hasListened = false;
  let isStopped = false;
  let misses = 0;
  let expected: { token: string; timer: NodeJS.Timeout } | null = null;
  let isSending = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const forgetPing = () => {
    if (expected) clearTimeout(expected.timer);
    expected = null;
  };

  // Called by postgres.js after every LISTEN: the first, and each one after a reconnect.
  const onListen = () => {
    forgetPing(); // a ping sent over the old connection proves nothing about the new one
    misses = 0;
    const isReconnect = hasListened;
    hasListened = true;
    isLive = true;
    markReady();
    handlers.onUp(isReconnect);
  };

  const listen = async () => {
    await sql.listen(CHANGES_CHANNEL, (payload) => handlers.onChange(payload), onListen);
    await sql.listen(PRESENCE_CHANNEL, (payload) => handlers.onPresence(payload));
    await sql.listen(PING_CHANNEL, onPing);
  };

  function onPing(token: string): void {
    if (!expected || token !== expected.token) return;
    forgetPing();
    misses = 0;
    if (!isLive && hasListened && !isStopped) {
      isLive = true;
      handlers.onUp(false);
    }
  }

  const missed = () => {
    expected = null;
    misses += 1;
    if (isLive) {
      isLive = false;
      handlers.onDown();
    }
    if (misses < MISSES_BEFORE_RECONNECT || isStopped) return;
    // Silent for too long: start over on a new connection (its LISTEN counts as a reconnect).
    misses = 0;
    const old = sql;
    sql = connect(options.connectionString);
    void old.end({ timeout: 1 }).catch(() => {});
    void listen().catch(() => {});
  };

  // Not awaited: with the database away, LISTEN waits for it, and the instance must serve meanwhile.
  void listen().catch(() => {});

  const pinger = setInterval(() => {
    if (isStopped || expected) return;
    // The previous ping is still not even sent (its connection hangs): that is a miss too.
    if (isSending) return missed();
    const token = randomUUID();
    expected = { token, timer: setTimeout(missed, pingTimeoutMs) };
    isSending = true;
    sql
      .notify(PING_CHANNEL, token)
      .catch(() => {})
      .finally(() => (isSending = false));
  }, pingIntervalMs);
  pinger.unref();

  return {
    isLive: () => isLive,
    ready,
    async stop() {
      isStopped = true;
      clearInterval(pinger);
      forgetPing();
      await sql.end({ timeout: 1 });
    },
  };
}
