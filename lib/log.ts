/**
 * The one logger: pino, structured JSON lines on stdout. Every line carries
 * the request id and the signed-in user's id (null outside a request or
 * before sign-in), taken from the request context that the route wrappers
 * open (withRequestContext). Passwords, secrets, tokens, cookies and
 * authorization headers are redacted wherever they appear in a logged object.
 *
 * Level: PARALLAX_LOG_LEVEL (default "info"; "silent" under Vitest unless set).
 * PARALLAX_LOG_FILE also appends every line to that file (for a log shipper,
 * and for the end-to-end tests, which read the server's security events).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

import pino from "pino";

export type RequestContext = { requestId: string; userId?: string | null; ip?: string };

const contextKey = Symbol.for("parallax.requestContext");
const globals = globalThis as { [contextKey]?: AsyncLocalStorage<RequestContext> };
// Shared across bundles (route handlers, next-auth, instrumentation) in one process.
const storage = (globals[contextKey] ??= new AsyncLocalStorage<RequestContext>());

const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "secret",
  "token",
  "csrfToken",
  "totpCode",
  "recoveryCode",
  "cookie",
  "authorization",
  "set-cookie",
];

/** Top level, one and two levels down, and inside headers. */
const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const safe = /^[a-z]+$/i.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (safe.startsWith("[") ? `${prefix}${safe}` : `${prefix}.${safe}`);
  return [safe.startsWith("[") ? safe : key, join("*"), join("*.*"), join("headers"), join("*.headers")];
});

function defaultLevel(): string {
  return process.env.PARALLAX_LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info");
}

/** stdout (through process.stdout, so lines stay ordered with other output), and the log file if set. */
function destination(): pino.DestinationStream {
  const file = process.env.PARALLAX_LOG_FILE;
  if (!file) return process.stdout;
  return pino.multistream([
    { level: "trace", stream: process.stdout },
    { level: "trace", stream: pino.destination({ dest: file, sync: true, mkdir: true }) },
  ]);
}

export const log = pino(
  {
    level: defaultLevel(),
    base: { service: "parallax" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    mixin() {
      const context = storage.getStore();
      return { requestId: context?.requestId ?? null, userId: context?.userId ?? null };
    },
  },
  destination(),
);

/** Runs `work` with a request context: every log line inside carries its ids. */
export function withRequestContext<T>(context: Partial<RequestContext>, work: () => T): T {
  return storage.run({ requestId: context.requestId || randomUUID(), userId: context.userId ?? null, ip: context.ip }, work);
}

/** Records who is signed in, for the rest of this request's log lines. */
export function setRequestUser(userId: string | null): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
