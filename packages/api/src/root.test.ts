import { createShopForSeed, createVerifiedUser } from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpExchange } from "./context";
import { createCaller } from "./root";
import { clientError, cookieJar, testHttp } from "./testing/http";
import { signInViaApi } from "./testing/sign-in";

let t: TestContext;
const jar = cookieJar();
const api = (over: Partial<HttpExchange> = {}) => createCaller({ deps: t.deps, http: testHttp(over, jar) });

beforeAll(async () => {
  t = await createTestContext();
  await createVerifiedUser(t.deps, {
    email: "admin@example.com",
    name: "Admin",
    password: "pass-word-1",
    role: "admin",
  });
});
afterAll(() => t.close());

describe("app router", () => {
  it("signs a web client up, in and out with the refresh token only in the cookie", async () => {
    await api().auth.register({ email: "web@example.com", password: "pass-word-1", name: "Web User" });
    const code = await t.otpFor("web@example.com");
    const res = await api().auth.verifyEmail({ email: "web@example.com", code });
    expect(res.refreshToken).toBeUndefined();
    expect(jar.refresh).toBeTruthy();
    const me = await api({ accessToken: res.accessToken }).auth.me();
    expect(me.email).toBe("web@example.com");

    const refreshed = await api().auth.refresh();
    expect(refreshed.user.id).toBe(me.id);
    await api().auth.logout();
    expect(jar.refresh).toBeNull();
    expect(await clientError(api({ accessToken: refreshed.accessToken }).auth.me())).toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("gives a mobile client the refresh token in the body and takes it back in the input", async () => {
    jar.refresh = null;
    const res = await signInViaApi(t.deps, api({ client: "mobile" }), {
      email: "admin@example.com",
      password: "pass-word-1",
    });
    expect(res.refreshToken).toMatch(/^[\w-]{40,}$/);
    expect(jar.refresh).toBeNull();
    const next = await api({ client: "mobile" }).auth.refresh({ refreshToken: res.refreshToken });
    expect(next.refreshToken).not.toBe(res.refreshToken);
  });

  it("maps domain errors to a code, a reason and field errors", async () => {
    expect(
      await clientError(signInViaApi(t.deps, api(), { email: "admin@example.com", password: "nope-nope-1" })),
    ).toEqual({
      code: "UNAUTHORIZED",
      httpStatus: 0,
      reason: "auth.invalid_credentials",
    });
    const wrongOtp = await clientError(
      api().auth.verifyEmail({ email: "nobody@example.com", code: "123456" }),
    );
    expect(wrongOtp).toMatchObject({
      code: "BAD_REQUEST",
      reason: "auth.otp_invalid",
      fieldErrors: { code: ["The code is not right"] },
    });
  });

  it("lists users for an admin with cursor pagination", async () => {
    const admin = await signInViaApi(t.deps, api(), { email: "admin@example.com", password: "pass-word-1" });
    for (let i = 0; i < 5; i++) {
      await createVerifiedUser(t.deps, {
        email: `page${i}@example.com`,
        name: `Page ${i}`,
        password: "pass-word-1",
        role: "customer",
      });
    }
    const a = api({ accessToken: admin.accessToken });
    const first = await a.admin.users.list({ limit: 2, q: "page" });
    expect(first.items).toHaveLength(2);
    const second = await a.admin.users.list({ limit: 2, q: "page", cursor: first.nextCursor! });
    const third = await a.admin.users.list({ limit: 2, q: "page", cursor: second.nextCursor! });
    const all = [...first.items, ...second.items, ...third.items].map((u) => u.email);
    expect(new Set(all).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    expect(await clientError(a.admin.users.list({ cursor: "garbage" }))).toMatchObject({
      fieldErrors: { cursor: expect.any(Array) },
    });
  });
});

/**
 * Bad input on every procedure: each gets a BAD_REQUEST naming a field, never a 500.
 * Authed procedures are called with a valid token so input validation is what answers.
 */
describe("bad input everywhere", () => {
  const bad: [string, unknown][] = [
    ["auth.register", { email: "not-an-email", password: "x", name: "" }],
    ["auth.verifyEmail", { email: "a@b.co", code: "12ab" }],
    ["auth.resendOtp", { email: 42 }],
    ["auth.login", { email: "a@b.co" }],
    ["auth.refresh", { refreshToken: "short" }],
    ["auth.logout", { refreshToken: 7 }],
    ["auth.updateProfile", { phone: "12345" }],
    ["auth.revokeSession", { sessionId: "not-a-uuid" }],
    ["auth.changePassword", { currentPassword: "", newPassword: "weak" }],
    ["auth.requestPasswordReset", { email: "" }],
    ["auth.resetPassword", { token: "t", newPassword: "weak" }],
    ["addresses.create", { name: "A", phone: "1", line1: "", city: "C", state: "Nowhere", pincode: "1" }],
    ["addresses.update", { id: "nope" }],
    ["addresses.remove", { id: 1 }],
    ["addresses.setDefault", {}],
    ["admin.users.list", { limit: 1000 }],
    ["admin.users.setStatus", { userId: "x", status: "banned", reason: "" }],
    ["admin.products.queue", { limit: 0 }],
    ["admin.products.approve", { productId: "x" }],
    ["admin.products.reject", { productId: "00000000-0000-4000-8000-000000000000", reason: "" }],
    ["admin.products.feature", { productId: "00000000-0000-4000-8000-000000000000" }],
    ["admin.categories.create", { name: "", slug: "Bad Slug" }],
    ["admin.categories.update", { id: "x", parentId: 3 }],
    ["admin.categories.delete", {}],
    ["catalog.products.list", { minPrice: 500, maxPrice: 100, sort: "cheapest" }],
    ["catalog.products.bySlug", { slug: "" }],
    ["catalog.search.suggest", { q: "" }],
    ["seller.products.create", { title: "x", categoryId: "y", variants: [{ sku: "bad sku!", price: 1.5 }] }],
    ["seller.products.update", { id: "x", gstRateBps: 7 }],
    [
      "seller.products.adjustStock",
      { variantId: "00000000-0000-4000-8000-000000000000", delta: 0, reason: "" },
    ],
    ["seller.products.list", { status: "sold" }],
    ["seller.products.inventoryLog", { productId: "x" }],
    ["seller.products.submit", { id: 1 }],
  ];
  let token = "";
  let sellerToken = "";
  beforeAll(async () => {
    token = (await signInViaApi(t.deps, api(), { email: "admin@example.com", password: "pass-word-1" }))
      .accessToken;
    const seller = await createVerifiedUser(t.deps, {
      email: "shop@example.com",
      name: "Shop",
      password: "pass-word-1",
      role: "seller",
    });
    await createShopForSeed(t.deps, {
      userId: seller.id,
      status: "approved",
      shopName: "Bad Input Emporium",
      contactEmail: "shop@example.com",
      contactPhone: "9876543210",
      pickupAddress: {
        name: "S",
        phone: "9876543210",
        line1: "1 Road",
        city: "Pune",
        state: "Maharashtra",
        pincode: "411001",
      },
      bankAccount: { holder: "Shop", number: "123456789012", ifsc: "HDFC0001234" },
    });
    sellerToken = (await signInViaApi(t.deps, api(), { email: "shop@example.com", password: "pass-word-1" }))
      .accessToken;
  });
  for (const [path, input] of bad) {
    it(`${path} answers a field error`, async () => {
      const [group, a, b] = path.split(".");
      // biome-ignore lint/suspicious/noExplicitAny: walking the router by path
      let fn: any = api({ accessToken: group === "seller" ? sellerToken : token });
      for (const key of [group, a, b].filter(Boolean)) fn = fn[key!];
      const data = await clientError(fn(input));
      expect(data.code).toBe("BAD_REQUEST");
      expect(Object.keys(data.fieldErrors ?? {}).length).toBeGreaterThan(0);
    });
  }
});
