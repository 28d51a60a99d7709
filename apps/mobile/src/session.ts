import {
  type AuthStore,
  type BazaarClient,
  createAuthStore,
  createBazaarClient,
  toFormError,
} from "@bazaar/client";
import type { AuthResult, CartMergeReport } from "@bazaar/schemas";
import { GUEST_CART_KEY, type KeyValueStore, REFRESH_TOKEN_KEY, TRUSTED_DEVICE_KEY } from "./storage";

/** Answers that mean the session is over for good (not "try again later"). */
const ENDED_REASONS = new Set([
  "auth.session_ended",
  "auth.refresh_invalid",
  "auth.refresh_reused",
  "auth.token_invalid",
  "auth.account_suspended",
  "auth.account_deactivated",
  "auth.account_inactive",
]);

/** True when the server refused the session itself; false for a network or server hiccup. */
export function isSessionRefused(error: unknown): boolean {
  const e = toFormError(error);
  return e.code === "UNAUTHORIZED" || (e.reason !== null && ENDED_REASONS.has(e.reason));
}

/** Why the app went back to sign-in on its own: shown there. */
export type SessionEnd = { message: string; reason: string | null };

export type MobileSession = {
  client: BazaarClient;
  auth: AuthStore;
  /**
   * The first sign-in from the stored refresh token. "offline" when the server could not be
   * reached: the token is kept, and `start` may be called again.
   */
  start(): Promise<"signedIn" | "signedOut" | "offline">;
  /** Takes over a sign-in (login, verifyEmail): keeps the refresh token, drops the guest cart. */
  adopt(result: AuthResult): Promise<void>;
  signOut(): Promise<void>;
  /** A cart call answered with a new guest cart's token: remember it across restarts. */
  rememberGuestCart(token: string | undefined): Promise<void>;
  /** The session ended on the server (revoked, suspended): the app lands on sign-in. */
  end(error: unknown): Promise<void>;
  lastEnd(): SessionEnd | null;
  /** The merge report of the last sign-in, until `takeCartMerge` reads it. */
  takeCartMerge(): CartMergeReport | null;
  subscribe(listener: () => void): () => void;
};

/**
 * The app's tie to the API in its mobile mode (`x-bazaar-client: mobile`): the server hands
 * the refresh token and a guest cart's token over in the body instead of cookies. The
 * access token stays in memory (the auth store); the refresh token goes to the device
 * store, rotated on every refresh. Refreshes are single-flight through the auth store:
 * the server rotates the token and treats a replayed one as theft, so two screens
 * refreshing at once must share one call.
 */
export function createMobileSession(options: {
  url: string;
  storage: KeyValueStore;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}): MobileSession {
  const { storage } = options;
  const auth = createAuthStore();
  let guestCart: string | null | undefined;
  // Kept across sign-outs: it is this phone that passed the second factor, not a session.
  let trustedDevice: string | null | undefined;
  let ended: SessionEnd | null = null;
  let cartMerge: CartMergeReport | null = null;
  let offline = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };

  const client = createBazaarClient({
    url: options.url,
    credentials: "omit",
    getAccessToken: auth.getAccessToken,
    onUnauthorized: (stale) => auth.refresh(stale),
    // A guest's cart travels as a header until sign-in, when the server merges it.
    headers: () => ({
      "x-bazaar-client": "mobile",
      ...(guestCart && !auth.getAccessToken() && { "x-bazaar-cart": guestCart }),
      ...(trustedDevice && { "x-bazaar-device": trustedDevice }),
    }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.EventSource && { EventSource: options.EventSource }),
  });

  const keep = async (result: AuthResult) => {
    if (result.refreshToken) await storage.set(REFRESH_TOKEN_KEY, result.refreshToken);
    const device = (result as { trustedDeviceToken?: string }).trustedDeviceToken;
    if (device) {
      trustedDevice = device;
      await storage.set(TRUSTED_DEVICE_KEY, device);
    }
    if (result.cartMerge) cartMerge = result.cartMerge;
    // Signed in, the cart is the customer's: the guest token has done its job.
    if (guestCart) {
      guestCart = null;
      await storage.remove(GUEST_CART_KEY);
    }
  };

  const end = async (error: unknown) => {
    const e = toFormError(error);
    ended = {
      reason: e.reason,
      message:
        e.reason === "auth.account_suspended" || e.reason === "auth.account_deactivated"
          ? e.message
          : "Your session has ended. Please sign in again.",
    };
    await storage.remove(REFRESH_TOKEN_KEY);
    auth.clear();
    notify();
  };

  const load = async () => {
    if (guestCart === undefined) guestCart = await storage.get(GUEST_CART_KEY);
    if (trustedDevice === undefined) trustedDevice = await storage.get(TRUSTED_DEVICE_KEY);
  };

  auth.setRefresher(async () => {
    await load();
    const refreshToken = await storage.get(REFRESH_TOKEN_KEY);
    if (!refreshToken) throw new Error("No saved session");
    try {
      const result = await client.auth.refresh.mutate({ refreshToken });
      offline = false;
      await keep(result);
      return result;
    } catch (error) {
      if (isSessionRefused(error)) await end(error);
      else offline = true;
      throw error;
    }
  });

  return {
    client,
    auth,
    async start() {
      await load();
      offline = false;
      // The first call shares the provider's start-up refresh; a retry asks again.
      const ok = await (auth.getState().status === "loading" ? auth.init() : auth.refresh());
      return ok ? "signedIn" : offline ? "offline" : "signedOut";
    },
    async adopt(result) {
      ended = null;
      await keep(result);
      auth.setSession(result);
      notify();
    },
    async signOut() {
      const refreshToken = await storage.get(REFRESH_TOKEN_KEY);
      try {
        await client.auth.logout.mutate(refreshToken ? { refreshToken } : undefined);
      } catch {
        // Signing out on the phone still matters when the server is unreachable.
      }
      await storage.remove(REFRESH_TOKEN_KEY);
      ended = null;
      auth.clear();
      notify();
    },
    async rememberGuestCart(token) {
      if (!token || token === guestCart) return;
      guestCart = token;
      await storage.set(GUEST_CART_KEY, token);
    },
    end,
    lastEnd: () => ended,
    takeCartMerge() {
      const report = cartMerge;
      cartMerge = null;
      return report;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
