// What kind of database failure an error is, whatever layer raised it: node
// sockets, pg, the pg pool, Prisma's driver adapter (`cause.kind`,
// `cause.originalCode`) or Prisma's own codes. Two questions matter to callers:
// is the database unavailable (answer 503 and let the client retry later), and
// did a transaction lose a race that re-running it would win (retry it).

/** Prisma codes for "could not reach / lost / timed out on the database". */
const unavailablePrismaCodes = new Set([
  "P1001", // can't reach database server
  "P1002", // server reached but timed out
  "P1008", // operations timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2037", // too many database connections
]);

/** Driver adapter error kinds (adapter-pg's convertDriverError) meaning the same. */
const unavailableAdapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const unavailableSocketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * SQLSTATEs: 08 connection exceptions, 53300 too many connections, 57P01–57P03
 * the server shutting down, crashing or starting up, 57014 a statement that ran
 * past statement_timeout, 25P03 a transaction idle past its timeout.
 */
const unavailableSqlStates = /^(08\w{3}|53300|57P0[1-3]|57014|25P03)$/;

/** Messages pg and Prisma's transaction manager use without any code. */
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|Can't reach database server|Transaction already closed|Unable to start a transaction in the given time|Query read timeout/i;

const conflictSqlStates = new Set(["40001", "40P01"]); // serialization failure, deadlock

type ErrorFacts = { codes: Set<string>; messages: string[] };

/** Codes and messages of an error and everything it wraps (cause, meta.driverAdapterError …). */
function collectErrorFacts(error: unknown): ErrorFacts {
  const facts: ErrorFacts = { codes: new Set(), messages: [] };
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (value === null || typeof value !== "object" || seen.has(value) || depth > 6) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of ["code", "errorCode", "originalCode", "kind"]) {
      if (typeof record[key] === "string") facts.codes.add(record[key]);
    }
    for (const key of ["message", "originalMessage"]) {
      if (typeof record[key] === "string") facts.messages.push(record[key]);
    }
    for (const key of ["cause", "meta", "driverAdapterError", "error"]) visit(record[key], depth + 1);
    if (Array.isArray(record.errors)) for (const inner of record.errors) visit(inner, depth + 1); // AggregateError
  };
  visit(error, 0);
  return facts;
}

/** True when the database cannot serve the request now: down, restarting, unreachable, overloaded or too slow. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { codes, messages } = collectErrorFacts(error);
  for (const code of codes) {
    if (unavailablePrismaCodes.has(code) || unavailableAdapterKinds.has(code) || unavailableSocketCodes.has(code)) return true;
    if (unavailableSqlStates.test(code)) return true;
  }
  if (error instanceof Error && error.name === "PrismaClientInitializationError") return true;
  return messages.some((message) => unavailableMessages.test(message));
}

/**
 * True when a transaction was aborted by a concurrent one (serialization failure
 * or deadlock) and running it again may succeed. Prisma reports 40001 as P2034
 * when a statement fails but as the adapter's "TransactionWriteConflict" at commit.
 */
export function isTransactionConflict(error: unknown): boolean {
  const { codes, messages } = collectErrorFacts(error);
  for (const code of codes) {
    if (code === "P2034" || code === "TransactionWriteConflict" || conflictSqlStates.has(code)) return true;
  }
  return messages.some((message) => /could not serialize access|deadlock detected/i.test(message));
}
