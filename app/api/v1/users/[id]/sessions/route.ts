import { apiRoute } from "@/lib/http/api";
import { signOutUserEverywhere } from "@/lib/users/detail";

/** Admins end every session of a person. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await signOutUserEverywhere(actor, params.id);
  return new Response(null, { status: 204 });
});
