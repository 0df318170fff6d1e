import { apiRoute, json, readBody } from "@/lib/http/api";
import { createToken, listTokens } from "@/lib/tokens/service";

/** Your tokens, newest first, without secrets (signed-in session only). */
export const GET = apiRoute(async ({ actor }) => json({ tokens: await listTokens(actor) }));

/** `{name, scopes, expiresAt}` → 201 `{token, secret}`: the secret is shown in this response only. */
export const POST = apiRoute(async ({ request, actor }) => {
  const created = await createToken(actor, await readBody(request, 16 * 1024));
  return json(created, { status: 201, headers: { Location: `/api/v1/tokens/${created.token.id}` } });
});
