import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { openLiveStream } from "@/lib/live/service";
import { sseHeaders } from "@/lib/live/sse";

/**
 * The response of both event-stream routes. Browsers resume with the
 * Last-Event-ID header; a first connection may pass `?since=<cursor>` (the
 * feed position its page was rendered at) instead.
 */
export async function eventStreamResponse(request: Request, actor: Actor, comparisonId?: string): Promise<Response> {
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("since");
  const stream = await openLiveStream(actor, { comparisonId, lastEventId });
  return new Response(stream, { headers: sseHeaders });
}
