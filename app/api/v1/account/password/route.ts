import { changePassword } from "@/lib/account/service";
import { renewSessionCookie } from "@/lib/auth/session-cookie";
import { apiRoute, readBody } from "@/lib/http/api";

/** Change your own password: every other session ends, this one continues. */
export const POST = apiRoute(async ({ request, actor }) => {
  const { sessionVersion } = await changePassword(actor, await readBody(request));
  await renewSessionCookie(sessionVersion);
  return new Response(null, { status: 204 });
});
