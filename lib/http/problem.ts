import { randomUUID } from "node:crypto";

import { AppError, errorTitle, type ErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";

// RFC 9457 problem documents. Unknown errors never leak their message or
// stack: they are logged with an id and the client gets only that id.

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
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}
