import { expect } from "vitest";

import { AppError, type ErrorCode } from "@/lib/errors";

/** Awaits a service call that must be refused with `code`, and returns the error for further checks. */
export async function refused(call: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected the call to be refused with ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code, (error as AppError).message).toBe(code);
  return error as AppError;
}
