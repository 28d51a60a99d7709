import type { UserDto } from "@bazaar/schemas";
import { describe, expect, it, vi } from "vitest";
import { createAuthStore } from "./auth-store";

const user: UserDto = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "asha@example.com",
  name: "Asha",
  phone: null,
  role: "customer",
  status: "active",
  emailVerified: true,
  statusReason: null,
  createdAt: new Date(0),
};

describe("auth store", () => {
  it("shares one refresh between concurrent callers", async () => {
    let release!: () => void;
    const refresher = vi.fn(
      () =>
        new Promise<{ user: UserDto; accessToken: string }>(
          (r) => (release = () => r({ user, accessToken: "t2" })),
        ),
    );
    const store = createAuthStore({ refresher });
    const calls = [store.refresh(), store.refresh(), store.init(), store.init()];
    release();
    expect(await Promise.all(calls)).toEqual([true, true, true, true]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(store.getAccessToken()).toBe("t2");
    expect(store.getState()).toEqual({ status: "signedIn", user });
  });

  it("does not refresh when a newer token arrived after the failed call", async () => {
    const refresher = vi.fn(async () => ({ user, accessToken: "t3" }));
    const store = createAuthStore({ refresher });
    store.setSession({ user, accessToken: "t2" });
    expect(await store.refresh("t1")).toBe(true);
    expect(refresher).not.toHaveBeenCalled();
    expect(await store.refresh("t2")).toBe(true);
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it("signs out when the refresh fails, and notifies subscribers", async () => {
    const store = createAuthStore({ refresher: async () => Promise.reject(new Error("expired")) });
    store.setSession({ user, accessToken: "t1" });
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getState().status));
    expect(await store.refresh("t1")).toBe(false);
    expect(store.getState()).toEqual({ status: "signedOut", user: null });
    expect(store.getAccessToken()).toBeNull();
    expect(seen).toEqual(["signedOut"]);
  });
});
