import { changePassword } from "@/lib/account/service";
import type { ChangePasswordInput } from "@/lib/account/schemas";
import { renewSessionCookie } from "@/lib/auth/session-cookie";
import { apiRoute, readJson } from "@/lib/http/api";
import { z } from "@/lib/zod";

const anyObject = z.looseObject({});

/** Change your own password: every other session ends, this one continues. */
export const POST = apiRoute(async ({ request, actor }) => {
  const { sessionVersion } = await changePassword(actor, (await readJson(request, anyObject)) as ChangePasswordInput);
  await renewSessionCookie(sessionVersion);
  return new Response(null, { status: 204 });
});
