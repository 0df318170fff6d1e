import type { LiveEventMap, LiveEventType } from "@/lib/live/events";
import { liveEventTypes } from "@/lib/live/events";

// One EventSource per tab, kept alive: the browser reconnects by itself and
// resumes with Last-Event-ID; when it gives up (an HTTP error such as 429 or a
// proxy's 502), this reconnects with backoff from the last id it saw. A
// watchdog catches connections that died silently (no heartbeat). Feed events
// are de-duplicated by id, because a resume replays a little overlap.

export type LiveStatus = "connecting" | "live" | "paused" | "offline";

export type LiveMessage = { [T in LiveEventType]: { type: T; id: number | null; data: LiveEventMap[T] } }[LiveEventType];

export type LiveClientOptions = {
  onMessage: (message: LiveMessage) => void;
  onStatus: (status: LiveStatus, detail: string | null) => void;
};

const SEEN_LIMIT = 5_000;
/** Events from the change feed, identified by their seq (resync and reload carry a position, not an event). */
const feedEventTypes = new Set<LiveEventType>(["annotation", "annotation-removed", "comment", "comparison"]);
const MAX_BACKOFF_MS = 30_000;

export class LiveClient {
  private source: EventSource | null = null;
  private url = "";
  private lastEventId: string | null = null;
  private readonly seen = new Set<number>();
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private heartbeatMs = 15_000;
  private isFeedLive = true;
  private isOpen = false;
  private hasConnected = false;

  constructor(private readonly options: LiveClientOptions) {}

  /** Streams `url`; a first connection starts after `since` (the feed position of the page's data). */
  connect(url: string, since: number | null): void {
    this.disconnect();
    this.url = url;
    this.lastEventId = since === null ? null : String(since);
    this.seen.clear();
    this.hasConnected = false;
    this.attempts = 0;
    this.open();
  }

  disconnect(): void {
    this.source?.close();
    this.source = null;
    this.isOpen = false;
    if (this.watchdog) clearTimeout(this.watchdog);
    if (this.retry) clearTimeout(this.retry);
    this.watchdog = this.retry = null;
  }

  private open(): void {
    const target = this.lastEventId ? `${this.url}${this.url.includes("?") ? "&" : "?"}since=${this.lastEventId}` : this.url;
    const source = new EventSource(target);
    this.source = source;
    this.report();
    for (const type of liveEventTypes) source.addEventListener(type, (event) => this.receive(type, event as MessageEvent<string>));
    source.onerror = () => {
      if (this.source !== source) return;
      this.isOpen = false;
      if (source.readyState === EventSource.CLOSED) this.scheduleRetry();
      this.report();
    };
  }

  private receive(type: LiveEventType, event: MessageEvent<string>): void {
    this.kick();
    // MessageEvent.lastEventId is the stream's last id so far, also on events that carry none (presence,
    // status): only feed events are identified by it.
    const isFeedEvent = feedEventTypes.has(type) && /^\d+$/.test(event.lastEventId);
    const id = isFeedEvent ? Number(event.lastEventId) : null;
    if (event.lastEventId) this.lastEventId = event.lastEventId;
    const data = JSON.parse(event.data) as LiveEventMap[typeof type];
    if (type === "hello") {
      this.isOpen = true;
      this.hasConnected = true;
      this.attempts = 0;
      this.heartbeatMs = (data as LiveEventMap["hello"]).heartbeatSeconds * 1000;
      this.isFeedLive = true;
    }
    if (type === "status") this.isFeedLive = (data as LiveEventMap["status"]).live;
    if (type === "signed-out") {
      this.disconnect();
      this.options.onStatus("offline", "You were signed out.");
    }
    if (id !== null) {
      if (this.seen.has(id)) return;
      this.seen.add(id);
      if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value!);
    }
    if (type === "hello" || type === "status") this.report();
    this.options.onMessage({ type, id, data } as LiveMessage);
  }

  /** No event (not even a heartbeat) for a while: the connection is dead even if the socket says otherwise. */
  private kick(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.source?.close();
      this.isOpen = false;
      this.report();
      this.scheduleRetry();
    }, this.heartbeatMs * 2.5);
  }

  private scheduleRetry(): void {
    if (this.retry) return;
    this.source?.close();
    const delay = Math.min(1000 * 2 ** this.attempts, MAX_BACKOFF_MS) * (0.75 + Math.random() / 2);
    this.attempts += 1;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.open();
    }, delay);
  }

  private report(): void {
    if (this.isOpen && this.isFeedLive) this.options.onStatus("live", null);
    else if (this.isOpen) this.options.onStatus("paused", "The server lost its database connection; catching up when it is back.");
    else if (!this.hasConnected) this.options.onStatus("connecting", null);
    else this.options.onStatus("paused", "Reconnecting…");
  }
}
