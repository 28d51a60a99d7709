import { toFormError } from "@bazaar/client";

/** A call that never reached the server (no signal, server down): no answer, no data. */
export function isOffline(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { name?: string; data?: unknown; status?: unknown };
  if (e.name === "TRPCClientError") return !e.data;
  if (e.name === "HttpApiError") return e.status === null;
  return e.name === "TypeError" && /network|fetch/i.test(String((error as Error).message));
}

/** One sentence for any failed call. */
export const errorMessage = (error: unknown): string =>
  isOffline(error) ? "No connection. Check your internet and try again." : toFormError(error).message;
