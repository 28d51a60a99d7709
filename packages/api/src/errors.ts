import { classifyDbError, DomainError } from "@bazaar/core";
import type { ApiErrorData, ErrorCode } from "@bazaar/schemas";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/unstable-core-do-not-import";
import { ZodError } from "zod";

/** The one place domain error kinds become transport status codes. */
const statusOf: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  INVALID_STATE: "PRECONDITION_FAILED",
  VALIDATION: "BAD_REQUEST",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

/**
 * Domain errors, validation errors and database errors that are not bugs (a value the
 * database refused, the database unavailable: see `classifyDbError`) become typed tRPC
 * errors; anything else is returned as is and ends as INTERNAL_SERVER_ERROR, logged.
 */
export function toTRPCError(error: unknown): unknown {
  const domain = error instanceof DomainError ? error : classifyDbError(error);
  if (domain) return new TRPCError({ code: statusOf[domain.code], message: domain.message, cause: domain });
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
