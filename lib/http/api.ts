import "server-only";

import { requireUser, type Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { isJsonMediaType } from "@/lib/http/media-type";
import { problemFromError, problemResponse } from "@/lib/http/problem";
import { readBodyText } from "@/lib/http/read-body";
import { log, withRequestContext } from "@/lib/log";
import { bearerSecret } from "@/lib/tokens/authenticate";
import { assertTokenAllows } from "@/lib/tokens/scopes";
import { untrustedInput, type UntrustedInput } from "@/lib/validation";

// The thin adapter every /api/v1 route handler goes through: authentication,
// transport checks (JSON only, same origin, size), error mapping, and the
// request context of the security log. The services behind it re-check
// permissions and ownership themselves.

type RouteContext<P> = { params: Promise<P> };

type HandlerArgs<P> = { request: Request; actor: Actor; params: P };

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const defaultMaxBytes = 4 * 1024 * 1024;

/** The request's id (set by proxy.ts, echoed as X-Request-Id) and client address, for log lines. */
export function requestContext(request: Request) {
  return { requestId: request.headers.get("x-request-id") ?? undefined, ip: clientAddress(request.headers) };
}

export function apiRoute<P = Record<string, never>>(handler: (args: HandlerArgs<P>) => Promise<Response>) {
  return (request: Request, context: RouteContext<P>): Promise<Response> =>
    withRequestContext(requestContext(request), async () => {
      const route = `${request.method} ${new URL(request.url).pathname}`;
      try {
        // A bearer token is sent by a script, never attached by a browser: no CSRF to guard against.
        const bearer = bearerSecret(request.headers) !== null;
        if (stateChanging.has(request.method) && !bearer) assertSameOrigin(request);
        const actor = await requireUser(request);
        assertTokenAllows(actor, request.method, new URL(request.url).pathname);
        const params = context?.params ? await context.params : ({} as P);
        return await handler({ request, actor, params });
      } catch (error) {
        logRefusal(error, route);
        return problemResponse(problemFromError(error, route));
      }
    });
}

/** A write from another site's page; logged where it is detected. */
class OriginRefusedError extends AppError {
  constructor() {
    super("forbidden", "Cross-origin requests are not allowed.");
  }
}

/** 401 and 403 are security events; other refusals are ordinary answers. */
function logRefusal(error: unknown, route: string): void {
  if (!(error instanceof AppError) || error instanceof OriginRefusedError) return;
  if (error.code !== "unauthenticated" && error.code !== "forbidden") return;
  const event = error.code === "unauthenticated" ? "http.unauthenticated" : "http.forbidden";
  log.warn({ event, route, status: error.status, detail: error.message }, "request refused");
}

/**
 * Browsers always send Origin on cross-site writes; scripts (curl) send none
 * and stay usable with a session cookie. Bearer-token requests skip this check.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  const allowed = new Set([host, process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null]);
  if (!originHost || !allowed.has(originHost)) {
    log.warn(
      { event: "http.origin_refused", origin, host, route: `${request.method} ${new URL(request.url).pathname}` },
      "cross-origin write refused",
    );
    throw new OriginRefusedError();
  }
}

/**
 * Transport checks only: JSON content type, size (counted while streaming),
 * well-formed JSON. What the body means is the service's to validate.
 */
export async function readBody(request: Request, maxBytes = defaultMaxBytes): Promise<UntrustedInput> {
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw new AppError("bad_request", "Send a JSON body with Content-Type: application/json.");
  }
  const raw = await readBodyText(request, maxBytes);
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
