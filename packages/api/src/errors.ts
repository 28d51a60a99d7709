import { classifyDbError, DomainError } from "@bazaar/core";
import type { ApiErrorData, ErrorCode } from "@bazaar/schemas";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";
import { ZodError } from "zod";

/**
 * The one place domain error kinds become transport statuses: the tRPC code and the HTTP
 * status it answers with, used by the tRPC edge and by the host's plain-HTTP routes alike.
 */
const statusOf: Record<ErrorCode, { trpc: TRPC_ERROR_CODE_KEY; http: number }> = {
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", http: 401 },
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  INVALID_STATE: { trpc: "PRECONDITION_FAILED", http: 412 },
  VALIDATION: { trpc: "BAD_REQUEST", http: 400 },
  UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
};

/** Raw HTTP routes can be more precise than the error kind (tRPC has no 413 or 415). */
const httpStatusOfReason: Record<string, number> = {
  "media.too_large": 413,
  "media.multipart_required": 415,
  "catalog_import.too_large": 413,
  "catalog_import.multipart_required": 415,
};

export const httpStatusOf = (e: DomainError): number => httpStatusOfReason[e.reason] ?? statusOf[e.code].http;

/**
 * What is not a bug, as a DomainError: a domain error itself, or a database error that is
 * the client's fault or means the database is unavailable (see `classifyDbError`).
 */
export const asDomainError = (error: unknown): DomainError | undefined =>
  error instanceof DomainError ? error : classifyDbError(error);

/**
 * Domain errors, validation errors and database errors that are not bugs become typed
 * tRPC errors; anything else is returned as is and ends as INTERNAL_SERVER_ERROR, logged.
 */
export function toTRPCError(error: unknown): unknown {
  const domain = asDomainError(error);
  if (domain)
    return new TRPCError({ code: statusOf[domain.code].trpc, message: domain.message, cause: domain });
  if (error instanceof ZodError)
    return new TRPCError({ code: "BAD_REQUEST", message: "Some fields are not valid", cause: error });
  return error;
}

/** `{ "address.pincode": ["PIN code is 6 digits…"] }`: dotted paths, so nested forms can find their field. */
export function fieldErrorsOf(error: {
  issues: readonly { path?: readonly PropertyKey[] | readonly unknown[]; message: string }[];
}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = (issue.path ?? []).map((p) =>
      typeof p === "object" && p && "key" in p ? String(p.key) : String(p),
    );
    const key = path.length ? path.join(".") : "_form";
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

export function errorData(error: TRPCError, base: { code: string; httpStatus: number }): ApiErrorData {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    const { fieldErrors, ...details } = (cause.details ?? {}) as { fieldErrors?: Record<string, string[]> };
    return {
      ...base,
      reason: cause.reason,
      ...(Object.keys(details).length > 0 && { details }),
      ...(fieldErrors && { fieldErrors }),
    };
  }
  if (cause instanceof ZodError)
    return { ...base, reason: "validation.failed", fieldErrors: fieldErrorsOf(cause) };
  return base;
}
