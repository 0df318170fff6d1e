// Reading live streams in tests: every event a stream delivers, in order, and
// waiting for the ones a test expects. Also a bare LISTEN client, to see the
// NOTIFY payloads exactly as PostgreSQL delivers them.
import postgres from "postgres";

import { createSseParser } from "@/lib/live/sse-parser";

export type ReceivedEvent = { type: string; id: number | null; data: Record<string, unknown> };

export type StreamReader = {
  events: ReceivedEvent[];
  /** Resolves when the stream ends (closed or errored), with how. */
  ended: Promise<"closed" | "errored">;
  waitFor: (predicate: (event: ReceivedEvent) => boolean, timeoutMs?: number) => Promise<ReceivedEvent>;
  cancel: () => Promise<void>;
};

export function readStream(stream: ReadableStream<Uint8Array>): StreamReader {
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  const parse = createSseParser((message) => {
    events.push({
      type: message.type,
      id: message.id ? Number(message.id) : null,
      data: JSON.parse(message.data) as Record<string, unknown>,
    });
    for (const wake of waiters) wake();
  });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let isEnded = false;
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "closed" as const;
        parse(decoder.decode(value, { stream: true }));
      }
    } catch {
      return "errored" as const;
    } finally {
      isEnded = true;
      for (const wake of waiters) wake();
    }
  })();
  const waitFor = (predicate: (event: ReceivedEvent) => boolean, timeoutMs = 10_000) =>
    new Promise<ReceivedEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(predicate);
        if (found) return finish(() => resolve(found));
        if (isEnded) return finish(() => reject(new Error(`stream ended; events: ${JSON.stringify(events.map((e) => e.type))}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timed out; events: ${JSON.stringify(events.map((e) => [e.type, e.data]))}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  return { events, ended, waitFor, cancel: () => reader.cancel().catch(() => {}) };
}

/** Feed events (those with a seq) of one type. */
export function feedEvents(reader: StreamReader, type: string): ReceivedEvent[] {
  return reader.events.filter((event) => event.type === type && event.id !== null);
}

export type RawListener = { payloads: string[]; stop: () => Promise<void> };

export async function listenRaw(connectionString: string, channel: string): Promise<RawListener> {
  const sql = postgres(connectionString, { max: 1, onnotice: () => {} });
  const payloads: string[] = [];
  await sql.listen(channel, (payload) => payloads.push(payload));
  return { payloads, stop: () => sql.end({ timeout: 1 }) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
