// One error type for everything the service layer refuses on purpose. Route
// handlers and server actions map it to HTTP statuses and problem+json; any
// other error is a bug, logged with an id and shown to users only as that id.

export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorTitle: Record<ErrorCode, string> = {
  bad_request: "Malformed request",
  unauthenticated: "Not signed in",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  too_large: "Too large",
  unprocessable: "Invalid input",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
};

export type FieldErrors = Record<string, string>;

export type AppErrorOptions = {
  /** Field path → message, for validation errors. */
  errors?: FieldErrors;
  /** Extra members for the problem document (e.g. the current state on a 409). */
  extra?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldErrors;
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.errors = options.errors;
    this.extra = options.extra;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Turns zod issues into a flat field → message map. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    errors[key] ??= issue.message;
  }
  return errors;
}
