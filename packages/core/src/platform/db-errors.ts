import { DomainError } from "../errors";

/**
 * The one place that knows which database failures are not bugs.
 *
 * Input validation keeps bad values away from SQL, but the database is the final judge of
 * what it can store, and it can be away. So the edge (tRPC and the plain HTTP routes) asks
 * this before treating an error as a crash:
 * - the client's fault (a value PostgreSQL cannot read, store or compare): 400 VALIDATION;
 * - the database is unavailable (restarting, failing over, out of connections, too slow):
 *   503 UNAVAILABLE, so clients retry instead of reporting a bug.
 * Anything else stays unknown: a 500, logged once.
 *
 * Errors arrive wrapped: Drizzle's `DrizzleQueryError` carries the driver error (pg's or
 * PGlite's `DatabaseError`, with its SQLSTATE in `code`) as `cause`; a failed connect may be
 * an `AggregateError` of per-address errors. The whole chain is searched.
 */

/** SQLSTATEs and classes that mean "the value sent cannot be used", with what to tell the client. */
const CLIENT_FAULT: [test: (state: string) => boolean, message: string][] = [
  [(s) => s === "22001", "A value is too long."],
  [(s) => s === "22003", "A number is out of range."],
  // 22007 invalid_datetime_format, 22008 datetime_field_overflow, 22009 invalid_time_zone_displacement
  // (what PostgreSQL makes of `+275760-09-13T...`, JavaScript's form of a year past 9999).
  [(s) => s === "22007" || s === "22008" || s === "22009", "A date is out of range or not a valid date."],
  [(s) => s === "22021" || s === "22P05", "Some text contains characters that are not allowed."],
  [(s) => s === "22P02", "A value is not in the expected format."],
  // 54000 program_limit_exceeded (a value too big to index), 54001 statement_too_complex.
  [(s) => s === "54000" || s === "54001", "A value is too large."],
  // The rest of class 22, data exception: division by zero, bad regular expression, bad escape...
  [(s) => s.startsWith("22"), "A value cannot be used."],
];

const UNAVAILABLE_STATES = new Set([
  "57P01", // admin_shutdown: the server is stopping or was restarted
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "57014", // query_canceled: statement_timeout
  "53300", // too_many_connections
  "25P03", // idle_in_transaction_session_timeout
  "55P03", // lock_not_available: lock_timeout
  // Two transactions collided; running the request again succeeds.
  "40P01", // deadlock_detected
  "40001", // serialization_failure
]);
const UNAVAILABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/** node-postgres and PGlite say these in words only, with no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Cannot use a pool after calling end on the pool/,
  /PGlite is closed/,
];

export const UNAVAILABLE_MESSAGE = "The service is busy or restarting. Please try again shortly.";

/** The error and what it wraps: `cause` chains and AggregateError members, bounded. */
function* chain(error: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (depth > 8 || error === null || typeof error !== "object") return;
  yield error as { code?: unknown; message?: unknown };
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (cause !== undefined && cause !== error) yield* chain(cause, depth + 1);
  if (Array.isArray(errors)) for (const e of errors.slice(0, 8)) yield* chain(e, depth + 1);
}

const isSqlState = (code: unknown): code is string => typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);

/**
 * A `DomainError` for a database error that is the client's fault (VALIDATION,
 * `validation.invalid_value`) or means the database is unavailable (UNAVAILABLE,
 * `service.unavailable`); undefined for anything else, which is a bug.
 */
export function classifyDbError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return undefined;
  for (const e of chain(error)) {
    const code = e.code;
    if (isSqlState(code)) {
      const fault = CLIENT_FAULT.find(([test]) => test(code));
      if (fault)
        return new DomainError("VALIDATION", "validation.invalid_value", fault[1], { sqlState: code });
      if (UNAVAILABLE_STATES.has(code) || code.startsWith("08")) return unavailable();
    }
    if (typeof code === "string" && UNAVAILABLE_NODE_CODES.has(code)) return unavailable();
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((m) => m.test(e.message as string)))
      return unavailable();
  }
  return undefined;
}

// No details: which address refused or which state the server was in is the operator's
// business (the edge logs the original error), not the client's.
const unavailable = () => new DomainError("UNAVAILABLE", "service.unavailable", UNAVAILABLE_MESSAGE);
