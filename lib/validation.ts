import type { z } from "@/lib/zod";

import { AppError, fieldErrorsFromIssues } from "@/lib/errors";

/**
 * Parses input with a zod schema; failures become a 400 (malformed) or, when
 * `code` says so, a 422 AppError carrying one message per field.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  code: "bad_request" | "unprocessable" = "bad_request",
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsFromIssues(result.error.issues);
    const first = Object.entries(errors)[0];
    const detail = first ? `${first[0] === "_" ? "" : `${first[0]}: `}${first[1]}` : "Invalid input";
    throw new AppError(code, detail, { errors });
  }
  return result.data;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record, so it is a plain 404. */
export function assertId(id: string, what = "record"): string {
  if (!uuidPattern.test(id)) throw new AppError("not_found", `No ${what} with this id.`);
  return id.toLowerCase();
}
