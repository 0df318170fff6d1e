import { revokeSessions } from "@/lib/auth/sessions";
import { apiRoute } from "@/lib/http/api";

/** Sign out everywhere: every session of the signed-in user ends, this one included. */
export const DELETE = apiRoute(async ({ actor }) => {
  await revokeSessions(actor.id, { actorId: actor.id, reason: "sign_out_everywhere" });
  return new Response(null, { status: 204 });
});
