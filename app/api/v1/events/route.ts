import { apiRoute } from "@/lib/http/api";
import { eventStreamResponse } from "@/lib/live/route";

// Server-Sent Events for the review queue, "Returned to me" and the nav counts.
export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, actor }) => eventStreamResponse(request, actor));
