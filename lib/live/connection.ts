import type { AnnotationActor } from "@/lib/annotations/access";
import type { StreamScope } from "@/lib/live/audience";
import type { LiveEventMap, LiveEventType } from "@/lib/live/events";
import type { ChangeNotice } from "@/lib/live/notice";
import { formatSse } from "@/lib/live/sse";

// One browser's live stream on this instance. Writes go into the stream's
// queue; when the client does not read, Next stops pulling (it waits for the
// socket to drain) and the queue grows — up to `maxBufferBytes`, past which the
// connection is dropped with its queue, so a stalled client costs a bounded
// amount of memory. The browser reconnects and resumes with Last-Event-ID.

export type LiveRecipient = AnnotationActor & { name: string };

export type LiveConnectionOptions = {
  id: string;
  actor: LiveRecipient;
  scope: StreamScope;
  maxBufferBytes: number;
  onClose: (connection: LiveConnection, reason: string) => void;
};

const encoder = new TextEncoder();

export function encodeFrame<T extends LiveEventType>(type: T, data: LiveEventMap[T], id?: number, retryMs?: number): Uint8Array {
  return encoder.encode(formatSse({ type, data, id: id?.toString(), retryMs }));
}
/** What the queue may hold before it counts as "not reading" (Next pulls one chunk at a time). */
const HIGH_WATER_MARK = 16 * 1024;

export class LiveConnection {
  readonly id: string;
  readonly scope: StreamScope;
  readonly stream: ReadableStream<Uint8Array>;
  readonly maxBufferBytes: number;
  actor: LiveRecipient;
  /** The user's session version when the stream opened: a revocation (sign out everywhere, password change) ends the stream. */
  sessionVersion: number | null = null;
  /** Set while missed events are being replayed: live notices wait here, and sent seqs are remembered. */
  replay: { pending: ChangeNotice[]; sent: Set<number> } | null = null;
  closeReason: string | null = null;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private readonly onClose: LiveConnectionOptions["onClose"];
  private wakeWriter: (() => void) | null = null;

  constructor(options: LiveConnectionOptions) {
    this.id = options.id;
    this.actor = options.actor;
    this.scope = options.scope;
    this.maxBufferBytes = options.maxBufferBytes;
    this.onClose = options.onClose;
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        // The response took what was queued and wants more.
        pull: () => this.wake(),
        cancel: () => this.finish("client went away"),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_MARK }),
    );
  }

  get isClosed(): boolean {
    return this.closeReason !== null;
  }

  /** Bytes written but not yet taken by the response. */
  get bufferedBytes(): number {
    return this.isClosed ? 0 : HIGH_WATER_MARK - (this.controller.desiredSize ?? HIGH_WATER_MARK);
  }

  send<T extends LiveEventType>(type: T, data: LiveEventMap[T], options: { id?: number; retryMs?: number } = {}): boolean {
    if (this.isClosed) return false;
    return this.sendFrame(encodeFrame(type, data, options.id, options.retryMs));
  }

  /** An already encoded event (the hub encodes an event once for all who receive it). */
  sendFrame(chunk: Uint8Array): boolean {
    if (this.isClosed) return false;
    if (this.bufferedBytes + chunk.byteLength > this.maxBufferBytes) {
      // An AbortError: Next treats it as a client abort, destroys the socket and logs nothing.
      this.controller.error(new DOMException("The client stopped reading its event stream.", "AbortError"));
      this.finish("buffer full");
      return false;
    }
    this.controller.enqueue(chunk);
    return true;
  }

  /**
   * Resolves once the queue has room again (true), or false when the stream
   * closed or the client did not read for `timeoutMs` (then it is dropped).
   * Large sends (a replay) go through this, so they never overflow the buffer.
   */
  async waitForRoom(timeoutMs = 30_000): Promise<boolean> {
    if (this.isClosed) return false;
    if ((this.controller.desiredSize ?? 0) > 0) return true;
    const hasRoom = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.wakeWriter = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    if (!hasRoom) this.close("not reading", { drop: true });
    return hasRoom && !this.isClosed;
  }

  private wake(): void {
    const wake = this.wakeWriter;
    this.wakeWriter = null;
    wake?.();
  }

  /** Ends the stream after what is queued (or at once with `drop`). */
  close(reason: string, options: { drop?: boolean } = {}): void {
    if (this.isClosed) return;
    if (options.drop) this.controller.error(new DOMException(reason, "AbortError"));
    else this.controller.close();
    this.finish(reason);
  }

  private finish(reason: string): void {
    if (this.closeReason !== null) return;
    this.closeReason = reason;
    this.replay = null;
    this.wake();
    this.onClose(this, reason);
  }
}
