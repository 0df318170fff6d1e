import { renewSessionCookie } from "@/lib/auth/session-cookie";
import { disableTwoFactor } from "@/lib/auth/two-factor";
import { apiRoute, readBody } from "@/lib/http/api";

/** Turn two-factor off (password and a code); other sessions end, this one continues. */
export const POST = apiRoute(async ({ request, actor }) => {
  const { sessionVersion } = await disableTwoFactor(actor, await readBody(request));
  await renewSessionCookie(sessionVersion);
  return new Response(null, { status: 204 });
});
