// Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html).
// Data is one line of JSON: JSON.stringify escapes newlines inside strings.

export type SseFrame = { type: string; data: unknown; id?: string; retryMs?: number };

export function formatSse(frame: SseFrame): string {
  let text = "";
  if (frame.retryMs !== undefined) text += `retry: ${frame.retryMs}\n`;
  if (frame.id !== undefined) text += `id: ${frame.id}\n`;
  return `${text}event: ${frame.type}\ndata: ${JSON.stringify(frame.data)}\n\n`;
}

/** Last-Event-ID as the feed seq it names, or null when absent or not a feed id. */
export function parseLastEventId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** Headers that keep every hop from buffering or compressing the stream. */
export const sseHeaders: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: Next's compression (and any proxy) leaves the stream alone, so each event is flushed as written.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  // nginx: do not buffer this response.
  "X-Accel-Buffering": "no",
};
