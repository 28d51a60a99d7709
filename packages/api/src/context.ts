import type { Actor, Deps } from "@bazaar/core";

/** What the host tells the API about the HTTP exchange; the API never sees Fastify. */
export type HttpExchange = {
  /** The host's id for this request (Fastify's `request.id`), written into audit entries. */
  requestId?: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Mobile clients get the refresh token in the body; web clients get an httpOnly cookie. */
  client: "web" | "mobile";
  accessToken: string | null;
  /** A seller API key sent as `x-api-key` (issue #16); a `Bearer bz_live_…` arrives as accessToken. */
  apiKey?: string | null;
  refreshCookie: string | null;
  setRefreshCookie(token: string, expiresAt: Date): void;
  clearRefreshCookie(): void;
  /** A guest's cart token: a cookie on the web, the `x-bazaar-cart` header on mobile. */
  cartToken: string | null;
  setCartCookie(token: string, expiresAt: Date): void;
  clearCartCookie(): void;
  /** A remember-this-device token: an httpOnly cookie on the web, `x-bazaar-device` on mobile. */
  trustedDeviceToken?: string | null;
  setTrustedDeviceCookie?(token: string, expiresAt: Date): void;
  clearTrustedDeviceCookie?(): void;
};

export type Context = { deps: Deps; http: HttpExchange };
export type AuthedContext = Context & { actor: Actor };

export function createContext(deps: Deps, http: HttpExchange): Context {
  return { deps, http };
}
