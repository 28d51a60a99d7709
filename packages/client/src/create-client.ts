import type { AppRouter } from "@bazaar/api/client";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
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
  /** For live subscriptions (SSE); the browser's own by default. Tests and React Native pass one. */
  EventSource?: typeof EventSource;
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
  // A second-factor step's UNAUTHORIZED means the challenge expired, not the access token.
  "auth.verifySecondFactor",
  "auth.startChallengeEnrolment",
  "auth.confirmChallengeEnrolment",
]);

/**
 * Cookie-bearing calls go unbatched, so their URL is exactly `/trpc/auth.refresh` and a
 * refresh cookie scoped to that path is always sent.
 */
const UNBATCHED = new Set(["auth.refresh", "auth.logout"]);

export const isUnauthorizedError = (error: unknown): boolean =>
  isTRPCClientError(error) && (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED";

/**
 * On UNAUTHORIZED, refreshes the access token once and tries again. A subscription may
 * also be refused long after it started (the browser reconnects an event stream with the
 * token it first had), so each time one gets going it earns another refresh-and-retry.
 */
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
          let mayRetry = !retried;
          subscription = next(op).subscribe({
            next: (value) => {
              if (op.type === "subscription" && (value.result as { type?: string }).type === "started")
                mayRetry = true;
              observer.next(value);
            },
            complete: () => observer.complete(),
            error: (error) => {
              if (!mayRetry || NO_RETRY.has(op.path) || !isUnauthorizedError(error)) {
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

/**
 * A typed tRPC client: superjson, batched HTTP, bearer token, one refresh-and-retry on 401.
 * Subscriptions go over server-sent events; EventSource cannot send headers, so the token
 * travels as a connection param, read each time a stream is opened.
 */
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
    condition: (op) => op.type === "subscription",
    true: httpSubscriptionLink({
      url,
      transformer: superjson,
      connectionParams: async () => {
        const token = getAccessToken();
        return token ? { token } : {};
      },
      eventSourceOptions: { withCredentials: credentials === "include" },
      ...(options.EventSource && { EventSource: options.EventSource }),
    }),
    false: splitLink({
      condition: (op) => UNBATCHED.has(op.path),
      true: httpLink(http),
      false: httpBatchLink(http),
    }),
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
