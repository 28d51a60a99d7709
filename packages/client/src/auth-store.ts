import type { AuthResult, UserDto } from "@bazaar/schemas";

export type AuthStatus = "loading" | "signedIn" | "signedOut";
export type AuthState = { status: AuthStatus; user: UserDto | null };

/**
 * Where a web app keeps its access token: in memory only, never in storage. The refresh
 * token is an httpOnly cookie the page cannot read; `refresh()` trades it for a new access
 * token. Refreshes are single-flight: any number of concurrent callers share one request,
 * because the server rotates the cookie and treats a replayed one as theft.
 */
export type AuthStore = {
  getState(): AuthState;
  getAccessToken(): string | null;
  subscribe(listener: () => void): () => void;
  setSession(result: Pick<AuthResult, "user" | "accessToken">): void;
  /** Updates the signed-in user (e.g. after a profile edit) without touching the token. */
  setUser(user: UserDto): void;
  /** Forgets the session locally (the caller tells the server). */
  clear(): void;
  /**
   * Gets a new access token from the refresh cookie. `staleToken` is the token a failed
   * call used: when a newer one has arrived since, no refresh is needed. Resolves false
   * (and signs out) when the session cannot be renewed.
   */
  refresh(staleToken?: string | null): Promise<boolean>;
  /** The first refresh on page load; later calls return the same promise. */
  init(): Promise<boolean>;
};

export type Refresher = () => Promise<Pick<AuthResult, "user" | "accessToken">>;

type LockManagerLike = { request<T>(name: string, callback: () => Promise<T>): Promise<T> };

/** Serialises refreshes across tabs too (they share the cookie), where the browser supports it. */
function withCrossTabLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks ? locks.request("bazaar.auth.refresh", fn) : fn();
}

export function createAuthStore(options: { refresher?: Refresher } = {}): AuthStore & {
  setRefresher(refresher: Refresher): void;
} {
  let refresher = options.refresher;
  let state: AuthState = { status: "loading", user: null };
  let accessToken: string | null = null;
  let inflight: Promise<boolean> | null = null;
  let initial: Promise<boolean> | null = null;
  const listeners = new Set<() => void>();

  const set = (next: AuthState, token: string | null) => {
    accessToken = token;
    state = next;
    for (const listener of listeners) listener();
  };

  const store = {
    getState: () => state,
    getAccessToken: () => accessToken,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setSession(result: Pick<AuthResult, "user" | "accessToken">) {
      set({ status: "signedIn", user: result.user }, result.accessToken);
    },
    setUser(user: UserDto) {
      if (state.status === "signedIn") set({ status: "signedIn", user }, accessToken);
    },
    clear() {
      set({ status: "signedOut", user: null }, null);
    },
    refresh(staleToken?: string | null): Promise<boolean> {
      if (staleToken && accessToken && staleToken !== accessToken) return Promise.resolve(true);
      if (inflight) return inflight;
      const run = refresher;
      if (!run) throw new Error("createAuthStore: no refresher configured");
      inflight = withCrossTabLock(run)
        .then(
          (result) => {
            store.setSession(result);
            return true;
          },
          () => {
            store.clear();
            return false;
          },
        )
        .finally(() => {
          inflight = null;
        });
      return inflight;
    },
    init() {
      initial ??= store.refresh();
      return initial;
    },
    setRefresher(next: Refresher) {
      refresher = next;
    },
  };
  return store;
}
