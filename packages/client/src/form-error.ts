import type { ApiErrorData } from "@bazaar/schemas";
import { isTRPCClientError } from "@trpc/client";
import { useMemo } from "react";
import { HttpApiError, NETWORK_MESSAGE } from "./http-error";

/** What a form needs from a failed call. */
export type FormError = {
  /** A sentence for an Alert. */
  message: string;
  /** Stable reason to switch on, e.g. `auth.email_not_verified`, `rate_limit.login.ip`. */
  reason: string | null;
  /** The tRPC code, e.g. `BAD_REQUEST`, `TOO_MANY_REQUESTS`. */
  code: string | null;
  /** First message per dotted field path (`pincode`, `address.city`, `_form`). */
  fieldErrors: Record<string, string>;
  /** Seconds until a rate-limited call may be tried again. */
  retryAfterSeconds: number | null;
  details: Record<string, unknown>;
};

export function toFormError(error: unknown): FormError {
  if (error instanceof HttpApiError) {
    const fieldErrors: Record<string, string> = {};
    for (const [path, messages] of Object.entries(error.fieldErrors)) {
      if (messages[0]) fieldErrors[path] = messages[0];
    }
    return {
      message: error.message,
      reason: error.reason,
      code: error.code,
      fieldErrors,
      retryAfterSeconds: null,
      details: {},
    };
  }
  if (!isTRPCClientError(error)) {
    return {
      message: error instanceof Error && error.message ? error.message : "Something went wrong.",
      reason: null,
      code: null,
      fieldErrors: {},
      retryAfterSeconds: null,
      details: {},
    };
  }
  const data = error.data as Partial<ApiErrorData> | undefined;
  const fieldErrors: Record<string, string> = {};
  for (const [path, messages] of Object.entries(data?.fieldErrors ?? {})) {
    if (messages[0]) fieldErrors[path] = messages[0];
  }
  const details = data?.details ?? {};
  const retry = details.retryAfterSeconds;
  const retryAfterSeconds = typeof retry === "number" && retry > 0 ? Math.ceil(retry) : null;
  // A failed fetch or an unparseable proxy page has no data at all.
  const message = !data ? NETWORK_MESSAGE : error.message || "Something went wrong.";
  return {
    message,
    reason: data?.reason ?? null,
    code: data?.code ?? null,
    fieldErrors,
    retryAfterSeconds,
    details,
  };
}

/**
 * The message for the form's Alert, given the fields the form shows errors beside: null
 * when every problem is already shown next to a field, else the general message plus any
 * field messages that have no field to sit next to.
 */
export function formAlertMessage(error: FormError | null, shownFields: readonly string[]): string | null {
  if (!error) return null;
  const entries = Object.entries(error.fieldErrors);
  const orphans = entries.filter(([path]) => !shownFields.includes(path)).map(([, message]) => message);
  if (entries.length > 0 && orphans.length === 0) return null;
  if (orphans.length > 0) return orphans.join(" ");
  return error.message;
}

/** `toFormError` for a mutation's error, stable across renders (countdowns key on it). */
export function useFormError(error: unknown): FormError | null {
  return useMemo(() => (error ? toFormError(error) : null), [error]);
}
