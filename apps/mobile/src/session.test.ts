import { createMobileSession } from "./session";
import { GUEST_CART_KEY, memoryStore, REFRESH_TOKEN_KEY } from "./storage";
import { fakeApi, signedIn } from "./testing/fake-api";

const OLD = "refresh-token-number-0-xxxxxxxxxxxx";

describe("the mobile session", () => {
  it("refreshes once for any number of callers at once, and keeps the rotated refresh token", async () => {
    let n = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const api = fakeApi({
      "auth.refresh": async () => {
        await gate;
        n += 1;
        return signedIn(n);
      },
    });
    const storage = memoryStore({ [REFRESH_TOKEN_KEY]: OLD });
    const session = createMobileSession({ url: "http://api.test/trpc", storage, fetch: api.fetch });

    const all = Promise.all([session.start(), session.auth.refresh(), session.auth.refresh(null)]);
    release();
    expect(await all).toEqual(["signedIn", true, true]);

    const refreshes = api.calls.filter((c) => c.path === "auth.refresh");
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.input).toEqual({ refreshToken: OLD });
    expect(refreshes[0]?.headers["x-bazaar-client"]).toBe("mobile");
    expect(session.auth.getAccessToken()).toBe("access-1");
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe("refresh-token-number-1-xxxxxxxxxxxx");
  });

  it("a revoked session forgets the refresh token and says the session ended", async () => {
    const api = fakeApi({
      "auth.refresh": () => ({
        error: { code: "UNAUTHORIZED", reason: "auth.refresh_invalid", status: 401 },
      }),
    });
    const storage = memoryStore({ [REFRESH_TOKEN_KEY]: OLD });
    const session = createMobileSession({ url: "http://api.test/trpc", storage, fetch: api.fetch });
    const ended = jest.fn();
    session.subscribe(ended);

    expect(await session.start()).toBe("signedOut");
    expect(storage.data.has(REFRESH_TOKEN_KEY)).toBe(false);
    expect(session.auth.getState().status).toBe("signedOut");
    expect(session.lastEnd()?.message).toMatch(/session has ended/);
    expect(ended).toHaveBeenCalled();
  });

  it("a suspended account is told why", async () => {
    const api = fakeApi({
      "auth.refresh": () => ({
        error: {
          code: "FORBIDDEN",
          reason: "auth.account_suspended",
          message: "This account is suspended",
          status: 403,
        },
      }),
    });
    const storage = memoryStore({ [REFRESH_TOKEN_KEY]: OLD });
    const session = createMobileSession({ url: "http://api.test/trpc", storage, fetch: api.fetch });
    expect(await session.start()).toBe("signedOut");
    expect(session.lastEnd()).toEqual({
      reason: "auth.account_suspended",
      message: "This account is suspended",
    });
    expect(storage.data.has(REFRESH_TOKEN_KEY)).toBe(false);
  });

  it("offline at launch keeps the refresh token, and a retry signs in", async () => {
    let online = false;
    const api = fakeApi({ "auth.refresh": () => (online ? signedIn(1) : { offline: true }) });
    const storage = memoryStore({ [REFRESH_TOKEN_KEY]: OLD });
    const session = createMobileSession({ url: "http://api.test/trpc", storage, fetch: api.fetch });

    expect(await session.start()).toBe("offline");
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe(OLD);
    expect(session.lastEnd()).toBeNull();
    online = true;
    expect(await session.start()).toBe("signedIn");
  });

  it("an expired access token is refreshed once and the call retried", async () => {
    let meCalls = 0;
    const api = fakeApi({
      "auth.refresh": () => signedIn(2),
      "auth.me": () => {
        meCalls += 1;
        return meCalls === 1
          ? { error: { code: "UNAUTHORIZED", reason: "auth.token_expired", status: 401 } }
          : { data: { ok: true } };
      },
    });
    const storage = memoryStore({ [REFRESH_TOKEN_KEY]: OLD });
    const session = createMobileSession({ url: "http://api.test/trpc", storage, fetch: api.fetch });
    await session.adopt(signedIn(1).data);
    await expect(session.client.auth.me.query()).resolves.toEqual({ ok: true });
    expect(api.calls.map((c) => c.path)).toEqual(["auth.me", "auth.refresh", "auth.me"]);
    expect(api.calls[2]?.headers.authorization).toBe("Bearer access-2");
  });

  it("sends the guest cart token until sign-in, then forgets it; sign-out revokes the session", async () => {
    const api = fakeApi({
      "cart.get": () => ({ data: null }),
      "auth.logout": () => ({ data: { ok: true } }),
    });
    const storage = memoryStore({ [GUEST_CART_KEY]: "guest-cart-token-123" });
    const session = createMobileSession({ url: "http://api.test/trpc", storage, fetch: api.fetch });
    await session.start();
    await session.client.cart.get.query();
    expect(api.calls.at(-1)?.headers["x-bazaar-cart"]).toBe("guest-cart-token-123");

    await session.adopt(signedIn(1, { cartMerge: { linesAdded: 2, linesCombined: 0, capped: [] } }).data);
    expect(storage.data.has(GUEST_CART_KEY)).toBe(false);
    expect(session.takeCartMerge()).toEqual({ linesAdded: 2, linesCombined: 0, capped: [] });
    await session.client.cart.get.query();
    expect(api.calls.at(-1)?.headers["x-bazaar-cart"]).toBeUndefined();
    expect(api.calls.at(-1)?.headers.authorization).toBe("Bearer access-1");

    await session.signOut();
    const logout = api.calls.find((c) => c.path === "auth.logout");
    expect(logout?.input).toEqual({ refreshToken: "refresh-token-number-1-xxxxxxxxxxxx" });
    expect(storage.data.has(REFRESH_TOKEN_KEY)).toBe(false);
    expect(session.auth.getState().status).toBe("signedOut");
  });
});
