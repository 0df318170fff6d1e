import { resetTwoFactor } from "@/lib/auth/two-factor";
import { apiRoute } from "@/lib/http/api";

/** Admins reset a person's two-factor (a lost device): audited, their sessions end. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await resetTwoFactor(actor, params.id);
  return new Response(null, { status: 204 });
});
