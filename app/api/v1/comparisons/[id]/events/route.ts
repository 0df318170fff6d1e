import { apiRoute } from "@/lib/http/api";
import { eventStreamResponse } from "@/lib/live/route";

// Server-Sent Events: this comparison's changes and presence, plus the review queue's.
export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => eventStreamResponse(request, actor, params.id));
