import "server-only";

import { db, type Tx } from "@/lib/db";
import { isTransactionConflict } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// The one way services run a transaction that a concurrent one can abort
// (serialization failure under Serializable/RepeatableRead, or a deadlock under
// any level): run the whole transaction again, a few times, after a short
// random pause so that the two contenders do not collide again in lockstep.

export type ConflictRetryOptions = {
  /** Total tries, the first included. */
  attempts?: number;
  /** The 409's message once every try lost. */
  conflictMessage?: string;
};

export type TransactionOptions = ConflictRetryOptions & {
  isolationLevel?: Prisma.TransactionIsolationLevel;
};

const DEFAULT_ATTEMPTS = 4;
const DEFAULT_MESSAGE = "Someone else changed the same records at the same moment. Try again.";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `run` again while it fails with a transaction conflict; past `attempts`, a 409. */
export async function retryOnConflict<T>(run: () => Promise<T>, options: ConflictRetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      if (attempt >= attempts) throw new AppError("conflict", options.conflictMessage ?? DEFAULT_MESSAGE);
      await pause(attempt * (5 + Math.random() * 20));
    }
  }
}

/** `db.$transaction(body)` with conflict retries: the body must be safe to run more than once (no side effects outside `tx`). */
export function runTransaction<T>(body: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const { isolationLevel, ...retry } = options;
  return retryOnConflict(() => db.$transaction(body, isolationLevel ? { isolationLevel } : undefined), retry);
}
