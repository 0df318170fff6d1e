import { regenerateRecoveryCodes } from "@/lib/auth/two-factor-recovery";
import { apiRoute, json, readBody } from "@/lib/http/api";

/** New recovery codes (password and a current code); the old ones stop working. The codes, this once. */
export const POST = apiRoute(async ({ request, actor }) =>
  json({ recoveryCodes: await regenerateRecoveryCodes(actor, await readBody(request)) }),
);
