import "server-only";

import { requireUser, type Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { problemFromError, problemResponse } from "@/lib/http/problem";
import { untrustedInput, type UntrustedInput } from "@/lib/validation";

// The thin adapter every /api/v1 route handler goes through: authentication,
// transport checks (JSON only, same origin, size), and error mapping. The
// services behind it re-check permissions and ownership themselves.

type RouteContext<P> = { params: Promise<P> };

type HandlerArgs<P> = { request: Request; actor: Actor; params: P };

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const defaultMaxBytes = 4 * 1024 * 1024;

export function apiRoute<P = Record<string, never>>(handler: (args: HandlerArgs<P>) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      if (stateChanging.has(request.method)) assertSameOrigin(request);
      const actor = await requireUser();
      const params = context?.params ? await context.params : ({} as P);
      return await handler({ request, actor, params });
    } catch (error) {
      return problemResponse(problemFromError(error, `${request.method} ${new URL(request.url).pathname}`));
    }
  };
}

/**
 * Browsers always send Origin on cross-site writes; scripts (curl) send none
 * and stay usable with a session cookie or, later, a token.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "Cross-origin requests are not allowed.");
  }
  const allowed = new Set([host, process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null]);
  if (!allowed.has(originHost)) throw new AppError("forbidden", "Cross-origin requests are not allowed.");
}

/**
 * Transport checks only: JSON content type, size, well-formed JSON. What the
 * body means is the service's to validate.
 */
export async function readBody(request: Request, maxBytes = defaultMaxBytes): Promise<UntrustedInput> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("bad_request", "Send a JSON body with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("too_large", `The body exceeds ${maxBytes} bytes.`);
  const raw = await request.text();
  if (Buffer.byteLength(raw) > maxBytes) throw new AppError("too_large", `The body exceeds ${maxBytes} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  return untrustedInput(body);
}

/** The query string as plain fields, for the service to validate. */
export function readQuery(request: Request): UntrustedInput {
  return untrustedInput(Object.fromEntries(new URL(request.url).searchParams));
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, { ...init, headers: { "Cache-Control": "no-store", ...init.headers } });
}
