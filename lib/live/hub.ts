import "server-only";

import { randomUUID } from "node:crypto";

import type { RoutingContext, StreamScope } from "@/lib/live/audience";
import { LiveConnection, type LiveRecipient } from "@/lib/live/connection";
import { deliverAll, replay, type Routing } from "@/lib/live/delivery";
import { startFeedListener, type FeedListener } from "@/lib/live/listener";
import { parseNotice, type ChangeNotice } from "@/lib/live/notice";
import { createHubStore, type HubStore } from "@/lib/live/hub-store";
import { closeInstancePresence, closePresence, expirePresence, openPresence, touchPresence } from "@/lib/live/presence";
import { presenceFor } from "@/lib/live/presence-view";
import { readFeedCursor, readNotices } from "@/lib/live/replay";

// This instance's live streams. Nothing here is the only copy of shared state:
// changes come from PostgreSQL (NOTIFY, replay from the audit table), presence
// lives in PostgreSQL; the hub only holds the open sockets of this process.
// Notices are handled in batches: one re-read of the recipients per batch, so
// a disabled account or a changed role takes effect at the next event.

export type HubOptions = {
  connectionString: string;
  heartbeatMs: number;
  maxBufferBytes: number;
  maxStreamsPerUser: number;
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  presenceDebounceMs?: number;
};

type Raw = ChangeNotice | { seq: number };

const DISPATCH_SLICE = 32;

export class LiveHub {
  readonly instanceId = randomUUID();
  private readonly connections = new Map<string, LiveConnection>();
  private listener: FeedListener | null = null;
  private store: HubStore | null = null;
  private starting: Promise<void> | null = null;
  private queue: Raw[] = [];
  private isFlushing = false;
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();
  private ticker: NodeJS.Timeout | null = null;
  private isFeedLive = false;
  private isResyncing = false;
  /** Streams opened before the first LISTEN (or while it was down) may have missed changes. */
  private hasOpenedWhileDown = false;

  constructor(readonly options: HubOptions) {}

  get size(): number {
    return this.connections.size;
  }

  get presenceTtlSeconds(): number {
    return Math.ceil((this.options.heartbeatMs * 3) / 1000);
  }

  start(): Promise<void> {
    this.starting ??= (async () => {
      this.store = createHubStore(this.options.connectionString);
      this.listener = startFeedListener(
        {
          connectionString: this.options.connectionString,
          pingIntervalMs: this.options.pingIntervalMs,
          pingTimeoutMs: this.options.pingTimeoutMs,
        },
        {
          onChange: (payload) => this.receive(payload),
          onPresence: (comparisonId) => this.schedulePresence(comparisonId),
          onUp: (isReconnect) => this.feedUp(isReconnect),
          onDown: () => this.feedDown(),
        },
      );
      this.ticker = setInterval(() => void this.tick(), this.options.heartbeatMs);
      this.ticker.unref();
      // Give the first LISTEN a moment; with the database away, streams open as paused and resync once it is back.
      await Promise.race([this.listener.ready, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    })();
    return this.starting;
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    for (const timer of this.presenceTimers.values()) clearTimeout(timer);
    for (const connection of [...this.connections.values()]) connection.close("server stopping");
    await closeInstancePresence(this.instanceId).catch(() => {});
    await this.listener?.stop();
    await this.store?.close();
    this.starting = null;
  }

  /** Opens a stream for `actor`; with `lastSeq`, replays what they missed first. Throws 429 past the per-user cap. */
  async open(actor: LiveRecipient, scope: StreamScope, lastSeq: number | null): Promise<LiveConnection> {
    await this.start();
    // The session was just checked; remember its version so that revoking it ends this stream too.
    const [account] = await this.store!.readRecipients([actor.id]);
    const id = randomUUID();
    await openPresence({
      id,
      userId: actor.id,
      comparisonId: scope.comparisonId,
      instanceId: this.instanceId,
      ttlSeconds: this.presenceTtlSeconds,
      maxPerUser: this.options.maxStreamsPerUser,
    });
    const connection = new LiveConnection({
      id,
      actor,
      scope,
      maxBufferBytes: this.options.maxBufferBytes,
      onClose: (closed) => this.forget(closed),
    });
    connection.sessionVersion = account?.sessionVersion ?? null;
    this.connections.set(id, connection);
    connection.send(
      "hello",
      { connectionId: id, heartbeatSeconds: this.options.heartbeatMs / 1000, instanceId: this.instanceId },
      { retryMs: 2000 },
    );
    if (!this.isFeedLive) {
      connection.send("status", { live: false });
      this.hasOpenedWhileDown = true;
    }
    if (scope.comparisonId) this.schedulePresence(scope.comparisonId);
    if (lastSeq !== null) {
      connection.replay = { pending: [], sent: new Set() };
      void replay(connection, lastSeq, (notices) => this.routingContext(notices));
    }
    return connection;
  }

  /** A NOTIFY payload from the change feed. */
  receive(payload: string): void {
    const notice = parseNotice(payload);
    if (!notice) return;
    this.queue.push(notice);
    void this.flush();
  }

  private async flush(): Promise<void> {
    if (this.isFlushing) return;
    this.isFlushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        await this.dispatch(batch).catch((error: unknown) => {
          // The database is away: these events cannot be routed safely. Clients resync when the feed is back.
          console.error("[live] could not dispatch change events:", error instanceof Error ? error.message : error);
        });
      }
    } finally {
      this.isFlushing = false;
    }
  }

  private async dispatch(batch: Raw[]): Promise<void> {
    if (this.connections.size === 0) return;
    const complete = batch.filter((n): n is ChangeNotice => "action" in n);
    const partial = batch.filter((n) => !("action" in n)).map((n) => n.seq);
    const notices = partial.length ? [...complete, ...(await readNotices(partial))].sort((a, b) => a.seq - b.seq) : complete;
    await this.refreshRecipients();
    const context: Routing = { ...(await this.routingContext(notices)), frames: new Map() };
    // Streams still replaying take the whole batch after their replay (which skips what it already sent).
    const replaying = new Set<LiveConnection>();
    for (const connection of this.connections.values()) {
      if (connection.replay) {
        connection.replay.pending.push(...notices);
        replaying.add(connection);
      }
    }
    // In slices, letting the sockets drain in between: a burst must not fill the buffer of a client that is reading.
    for (let start = 0; start < notices.length; start += DISPATCH_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      const slice = notices.slice(start, start + DISPATCH_SLICE);
      for (const connection of this.connections.values()) {
        // Opened meanwhile with a replay: that replay reads these (committed) changes itself.
        if (replaying.has(connection) || connection.replay) continue;
        deliverAll(connection, slice, context);
      }
    }
  }

  /** Re-reads every connected user: disabled accounts are cut off, role changes apply. */
  private async refreshRecipients(): Promise<void> {
    const ids = [...new Set([...this.connections.values()].map((c) => c.actor.id))];
    const users = await this.store!.readRecipients(ids);
    const byId = new Map(users.map((user) => [user.id, user]));
    for (const connection of [...this.connections.values()]) {
      const user = byId.get(connection.actor.id);
      const isRevoked = connection.sessionVersion !== null && user?.sessionVersion !== connection.sessionVersion;
      if (!user || user.disabledAt || isRevoked) {
        connection.send("signed-out", {});
        connection.close("signed out");
      } else connection.actor = { id: user.id, name: user.name, role: user.role };
    }
  }

  /** Which comparisons the changed sources belong to, when a stream follows a comparison. */
  private async routingContext(notices: ChangeNotice[]): Promise<RoutingContext> {
    const sourceIds = [...new Set(notices.filter((n) => n.entityType === "source").map((n) => n.entityId))];
    if (sourceIds.length === 0) return {};
    const rows = await this.store!.readSourceComparisons(sourceIds);
    const sourceComparisons = new Map<string, Set<string>>();
    for (const row of rows) sourceComparisons.set(row.sourceId, (sourceComparisons.get(row.sourceId) ?? new Set()).add(row.comparisonId));
    return { sourceComparisons };
  }

  private viewersOf(comparisonId: string): LiveConnection[] {
    return [...this.connections.values()].filter((c) => c.scope.comparisonId === comparisonId);
  }

  /** Presence changes come in bursts (a page load opens a stream and sets an activity): send one list per burst. */
  private schedulePresence(comparisonId: string): void {
    if (this.presenceTimers.has(comparisonId) || this.viewersOf(comparisonId).length === 0) return;
    const timer = setTimeout(() => {
      this.presenceTimers.delete(comparisonId);
      void this.sendPresence(comparisonId).catch(() => {});
    }, this.options.presenceDebounceMs ?? 150);
    this.presenceTimers.set(comparisonId, timer);
  }

  private async sendPresence(comparisonId: string): Promise<void> {
    const rows = await this.store!.readPresence(comparisonId);
    for (const connection of this.viewersOf(comparisonId)) {
      connection.send("presence", { comparisonId, people: presenceFor(rows, connection.actor) });
    }
  }

  private broadcast(send: (connection: LiveConnection) => void): void {
    for (const connection of [...this.connections.values()]) send(connection);
  }

  private feedUp(isReconnect: boolean): void {
    if (!this.isFeedLive) this.broadcast((c) => c.send("status", { live: true }));
    this.isFeedLive = true;
    // Whatever was committed while the feed was down never reached this instance: clients refetch,
    // and resume from the current position afterwards. Reconnects in quick succession make one resync.
    const mayHaveMissed = isReconnect || this.hasOpenedWhileDown;
    this.hasOpenedWhileDown = false;
    if (!mayHaveMissed || this.isResyncing) return;
    this.isResyncing = true;
    void readFeedCursor()
      .catch(() => undefined)
      .then((cursor) => {
        this.isResyncing = false;
        this.broadcast((c) => c.send("resync", {}, { id: cursor }));
      });
  }

  private feedDown(): void {
    if (this.isFeedLive) this.broadcast((c) => c.send("status", { live: false }));
    this.isFeedLive = false;
  }

  private async tick(): Promise<void> {
    this.broadcast((c) => c.send("ping", {}));
    try {
      await touchPresence([...this.connections.keys()], this.presenceTtlSeconds);
      await expirePresence();
    } catch {
      // Database away: presence simply expires; the feed listener reports the outage.
    }
  }

  private forget(connection: LiveConnection): void {
    this.connections.delete(connection.id);
    void closePresence(connection.id).catch(() => {});
  }
}
