import { apiRoute } from "@/lib/http/api";
import { revokeToken } from "@/lib/tokens/service";

/** Revoke one of your tokens: it is refused (401) from the next request on. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await revokeToken(actor, params.id);
  return new Response(null, { status: 204 });
});
