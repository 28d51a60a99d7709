import type { ErrorCode } from "@bazaar/schemas";

/**
 * The one error type domain code throws. `code` is from a closed set and decides the
 * HTTP/tRPC status at the edge; `reason` is stable and is what clients switch on.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (reason: string, message = "Not found") =>
  new DomainError("NOT_FOUND", reason, message);
export const forbidden = (reason: string, message: string) => new DomainError("FORBIDDEN", reason, message);
export const unauthorized = (reason: string, message: string) =>
  new DomainError("UNAUTHORIZED", reason, message);
export const conflict = (reason: string, message: string) => new DomainError("CONFLICT", reason, message);
export const invalidState = (reason: string, message: string, details?: Record<string, unknown>) =>
  new DomainError("INVALID_STATE", reason, message, details);
/** A rule about one input field: clients show it next to that field. */
export const invalidField = (
  field: string,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
) => new DomainError("VALIDATION", reason, message, { ...details, fieldErrors: { [field]: [message] } });
export const rateLimited = (reason: string, retryAfterSeconds: number) =>
  new DomainError("RATE_LIMITED", reason, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    retryAfterSeconds,
  });

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
