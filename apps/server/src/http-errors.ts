import type { DomainError } from "@bazaar/core";
import type { ErrorCode } from "@bazaar/schemas";
import type { FastifyReply } from "fastify";

/** The one place domain error kinds become HTTP statuses for the plain-HTTP routes. */
const statusOf: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  CONFLICT: 409,
  INVALID_STATE: 412,
  VALIDATION: 400,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
};

/** Statuses more precise than the error kind says. */
const statusOfReason: Record<string, number> = {
  "media.too_large": 413,
  "media.multipart_required": 415,
};

/** `{ code, message, reason, fieldErrors?, details? }`, the same shape tRPC errors carry in `data`. */
export function sendError(reply: FastifyReply, e: DomainError) {
  const { fieldErrors, ...details } = (e.details ?? {}) as {
    fieldErrors?: Record<string, string[]>;
    retryAfterSeconds?: number;
  };
  const status = statusOfReason[e.reason] ?? statusOf[e.code];
  const retry = e.code === "RATE_LIMITED" ? details.retryAfterSeconds : undefined;
  if (retry) reply.header("retry-after", String(retry));
  return reply.code(status).send({
    code: e.code,
    message: e.message,
    reason: e.reason,
    ...(fieldErrors && { fieldErrors }),
    ...(Object.keys(details).length > 0 && { details }),
  });
}
