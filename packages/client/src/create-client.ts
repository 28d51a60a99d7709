import type { AppRouter } from "@bazaar/api";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  isTRPCClientError,
  splitLink,
  type TRPCClient,
  type TRPCLink,
} from "@trpc/client";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import superjson from "superjson";
import { type AuthStore, createAuthStore } from "./auth-store";

export type BazaarClient = TRPCClient<AppRouter>;

export type BazaarClientOptions = {
  /** Where tRPC is served. Web apps proxy `/trpc` so the refresh cookie is first-party. */
  url?: string;
  /** The current access token, read for every request. */
  getAccessToken?: () => string | null;
  /**
   * Called once when a call fails with UNAUTHORIZED, with the token that call used.
   * Resolve true once a fresh token is available: the call is then retried once.
   */
  onUnauthorized?: (staleToken: string | null) => Promise<boolean>;
  /** Extra headers for every request (mobile sends `x-bazaar-client: mobile`; web must not). */
  headers?: () => Record<string, string>;
  /** `include` when the API is on another origin; the default keeps cookies first-party. */
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
};

/** Public calls whose UNAUTHORIZED answers mean "wrong credentials", not "token expired". */
const NO_RETRY = new Set([
  "auth.login",
  "auth.refresh",
  "auth.logout",
  "auth.register",
  "auth.verifyEmail",
  "auth.resendOtp",
  "auth.requestPasswordReset",
  "auth.resetPassword",
]);

/**
 * Cookie-bearing calls go unbatched, so their URL is exactly `/trpc/auth.refresh` and a
 * refresh cookie scoped to that path is always sent.
 */
const UNBATCHED = new Set(["auth.refresh", "auth.logout"]);

export const isUnauthorizedError = (error: unknown): boolean =>
  isTRPCClientError(error) && (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED";

function refreshOnUnauthorizedLink(
  getAccessToken: () => string | null,
  onUnauthorized: (staleToken: string | null) => Promise<boolean>,
): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let subscription: Unsubscribable | undefined;
        let closed = false;
        const attempt = (retried: boolean) => {
          const tokenUsed = getAccessToken();
          subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              if (
                retried ||
                op.type === "subscription" ||
                NO_RETRY.has(op.path) ||
                !isUnauthorizedError(error)
              ) {
                observer.error(error);
                return;
              }
              onUnauthorized(tokenUsed).then(
                (renewed) => {
                  if (closed) return;
                  if (renewed) attempt(true);
                  else observer.error(error);
                },
                () => observer.error(error),
              );
            },
          });
        };
        attempt(false);
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      });
}

/** A typed tRPC client: superjson, batched HTTP, bearer token, one refresh-and-retry on 401. */
export function createBazaarClient(options: BazaarClientOptions = {}): BazaarClient {
  const url = options.url ?? "/trpc";
  const getAccessToken = options.getAccessToken ?? (() => null);
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const credentials = options.credentials ?? "same-origin";
  const http = {
    url,
    transformer: superjson,
    headers() {
      const token = getAccessToken();
      return { ...options.headers?.(), ...(token && { authorization: `Bearer ${token}` }) };
    },
    fetch: (input: RequestInfo | URL, init?: RequestInit) => baseFetch(input, { ...init, credentials }),
  };
  const transport = splitLink<AppRouter>({
    condition: (op) => UNBATCHED.has(op.path),
    true: httpLink(http),
    false: httpBatchLink(http),
  });
  return createTRPCClient<AppRouter>({
    links: options.onUnauthorized
      ? [refreshOnUnauthorizedLink(getAccessToken, options.onUnauthorized), transport]
      : [transport],
  });
}

/** A client and its auth store wired together: the store refreshes through the client. */
export function createBazaarSession(
  options: Omit<BazaarClientOptions, "getAccessToken" | "onUnauthorized"> = {},
): {
  client: BazaarClient;
  auth: AuthStore;
} {
  const auth = createAuthStore();
  const client = createBazaarClient({
    ...options,
    getAccessToken: auth.getAccessToken,
    onUnauthorized: (stale) => auth.refresh(stale),
  });
  auth.setRefresher(() => client.auth.refresh.mutate());
  return { client, auth };
}
