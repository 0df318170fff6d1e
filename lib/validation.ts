import { z } from "@/lib/zod";

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

/**
 * Chooses the schema by whether `key` is present, so a malformed entry gets
 * the field errors of the shape it was meant to have (a plain union reports
 * only "invalid input").
 */
export function eitherByKey<A extends z.ZodType, B extends z.ZodType>(key: string, whenPresent: A, whenAbsent: B) {
  return z.unknown().transform((value, context): z.output<A> | z.output<B> => {
    const schema = value !== null && typeof value === "object" && key in value ? whenPresent : whenAbsent;
    const result = schema.safeParse(value);
    if (result.success) return result.data as z.output<A> | z.output<B>;
    for (const issue of result.error.issues) {
      context.addIssue({ code: "custom", message: issue.message, path: issue.path as Array<string | number> });
    }
    return z.NEVER;
  });
}

declare const untrusted: unique symbol;

/**
 * A request body or query that nobody has validated yet. Route handlers pass
 * it on untouched; services accept it next to their typed input and validate
 * it themselves (parseInput), so validation has one home.
 */
export type UntrustedInput = { readonly [untrusted]: true };

export function untrustedInput(value: unknown): UntrustedInput {
  return value as UntrustedInput;
}
