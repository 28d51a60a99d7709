import { TRPCError } from "@trpc/server";
import type { HttpExchange } from "../context";
import { errorData } from "../errors";

/** The cookies a browser would keep between calls. */
export type CookieJar = { refresh: string | null; cart: string | null; device?: string | null };
export const cookieJar = (): CookieJar => ({ refresh: null, cart: null, device: null });

/** An HTTP exchange for API tests: a web client on loopback, with cookies kept in `jar`. */
export function testHttp(over: Partial<HttpExchange> = {}, jar: CookieJar = cookieJar()): HttpExchange {
  return {
    ip: "127.0.0.1",
    userAgent: "vitest",
    client: "web",
    accessToken: null,
    refreshCookie: jar.refresh,
    setRefreshCookie: (token) => {
      jar.refresh = token;
    },
    clearRefreshCookie: () => {
      jar.refresh = null;
    },
    cartToken: jar.cart,
    setCartCookie: (token) => {
      jar.cart = token;
    },
    clearCartCookie: () => {
      jar.cart = null;
    },
    trustedDeviceToken: jar.device ?? null,
    setTrustedDeviceCookie: (token) => {
      jar.device = token;
    },
    clearTrustedDeviceCookie: () => {
      jar.device = null;
    },
    ...over,
  };
}

/** The error exactly as a client would see it in `error.data`. */
export async function clientError(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return errorData(e, { code: e.code, httpStatus: 0 });
  }
  throw new Error("expected the call to fail");
}
