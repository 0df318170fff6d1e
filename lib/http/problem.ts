import { randomUUID } from "node:crypto";

import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError, errorTitle, type ErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";

// RFC 9457 problem documents. Unknown errors never leak their message or
// stack: they are logged with an id and the client gets only that id. A
// database that is down, restarting or overloaded is not a bug: it answers 503
// with Retry-After so that clients retry.

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Record<string, string>;
  errorId?: string;
  [key: string]: unknown;
};

export function problemType(code: ErrorCode): string {
  return `https://parallax.app/problems/${code.replace(/_/g, "-")}`;
}

export function problemFromError(error: unknown, context = "request"): Problem {
  if (error instanceof AppError) {
    return {
      ...error.extra,
      type: problemType(error.code),
      title: errorTitle[error.code],
      status: error.status,
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
    };
  }
  if (isDatabaseUnavailable(error)) {
    logUnavailable(context, error);
    return {
      type: problemType("unavailable"),
      title: errorTitle.unavailable,
      status: 503,
      detail: "The database is unavailable at the moment. Try again in a few seconds.",
    };
  }
  const errorId = randomUUID();
  log.error({ event: "http.unexpected_error", errorId, context, err: error }, "unexpected error");
  return {
    type: "about:blank",
    title: "Internal error",
    status: 500,
    detail: `Something went wrong on our side. Quote error id ${errorId} when reporting it.`,
    errorId,
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const retry: Record<string, string> = problem.status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...retry, ...headers },
  });
}

const RETRY_AFTER_SECONDS = 2;
let lastUnavailableLog = 0;
let unavailableSinceLog = 0;

/** One line a second at most: an outage under load would otherwise print thousands of stacks. */
function logUnavailable(context: string, error: unknown): void {
  unavailableSinceLog++;
  const now = Date.now();
  if (now - lastUnavailableLog < 1000) return;
  const reason = error instanceof Error ? error.message.split("\n").findLast((line) => line.trim()) : String(error);
  console.warn(`database unavailable during ${context} (${unavailableSinceLog} request(s) answered 503 since last report): ${reason}`);
  lastUnavailableLog = now;
  unavailableSinceLog = 0;
}
