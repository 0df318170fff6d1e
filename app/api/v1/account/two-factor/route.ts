import { renewSessionCookie } from "@/lib/auth/session-cookie";
import { enableTwoFactor, twoFactorStatus } from "@/lib/auth/two-factor";
import { apiRoute, json, readBody } from "@/lib/http/api";

export const GET = apiRoute(async ({ actor }) => json(await twoFactorStatus(actor.id)));

/** Confirm enrolment with a code: two-factor is on, other sessions end; the recovery codes, this once. */
export const POST = apiRoute(async ({ request, actor }) => {
  const { recoveryCodes, sessionVersion } = await enableTwoFactor(actor, await readBody(request));
  await renewSessionCookie(sessionVersion);
  return json({ recoveryCodes });
});
