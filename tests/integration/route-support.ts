// Drives real /api/v1 route handlers as a script would: a Request with an
// `Authorization: Bearer` token, the route's params, the real database.
import type { Actor } from "@/lib/auth/actor";
import type { TokenScope } from "@/lib/tokens/schemas";
import { createToken } from "@/lib/tokens/service";

export const BASE = "http://localhost:3000";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type CallOptions = { token?: string; body?: BodyInit; json?: unknown; headers?: Record<string, string> };

export async function call<P = Record<string, never>>(
  handler: Handler<P>,
  method: string,
  path: string,
  params: P,
  options: CallOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(BASE + path, { method, headers, body });
  return handler(request, { params: Promise.resolve(params) });
}

/** A token of `actor`, made through the real service (the actor here is a cookie-session user). */
export async function tokenFor(actor: Actor, scopes: TokenScope[], days = 30): Promise<{ id: string; secret: string }> {
  const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  const { token, secret } = await createToken(actor, { name: `test ${scopes.join("+")}`, scopes, expiresAt });
  return { id: token.id, secret };
}
