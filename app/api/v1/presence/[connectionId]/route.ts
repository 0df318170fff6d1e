import { apiRoute, readBody } from "@/lib/http/api";
import { setPresence } from "@/lib/live/service";

/** `{activity: "viewing" | "editing" | "reviewing", annotationId?}` for the caller's own live connection. */
export const PUT = apiRoute<{ connectionId: string }>(async ({ request, actor, params }) => {
  await setPresence(actor, params.connectionId, await readBody(request, 4096));
  return new Response(null, { status: 204 });
});
