import { createVerifiedUser } from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { categories, media, products } from "@bazaar/db";
import type { SellerApplyInput } from "@bazaar/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../root";
import { clientError, testHttp } from "../testing/http";
import { signInViaApi } from "../testing/sign-in";

let t: TestContext;
const http = (accessToken: string | null) => testHttp({ accessToken });
const api = (token: string | null = null) => createCaller({ deps: t.deps, http: http(token) });

async function signedIn(email: string, role: "customer" | "admin" = "customer") {
  const user = await createVerifiedUser(t.deps, {
    email,
    name: email.split("@")[0]!,
    password: "pass-word-1",
    role,
  });
  const { accessToken } = await signInViaApi(t.deps, api(), { email, password: "pass-word-1" });
  return { user, token: accessToken };
}

const application = (shopName: string): SellerApplyInput => ({
  shopName,
  description: "Block-printed cotton from Bagru.",
  contactEmail: "orders@bagruprints.in",
  contactPhone: "9829012345",
  pickupAddress: {
    name: "Sunita Chhipa",
    phone: "9829012345",
    line1: "Chhipa Mohalla, Bagru",
    city: "Jaipur",
    state: "Rajasthan",
    pincode: "303007",
  },
  pan: "ABCPC1234D",
  bankAccount: { holder: "Sunita Chhipa", number: "123456789012", ifsc: "SBIN0031234" },
});

let admin: { token: string };
beforeAll(async () => {
  t = await createTestContext();
  admin = await signedIn("admin@example.com", "admin");
});
afterAll(() => t.close());

describe("seller onboarding through the API", () => {
  it("apply → approve → seller procedures work with the same sign-in; suspend locks them and hides the shop at once", async () => {
    const c = await signedIn("sunita@example.com");
    const me = api(c.token);
    expect(await me.sellers.mine()).toBeNull();
    expect(await clientError(me.sellers.updateProfile({ description: "too early" }))).toMatchObject({
      code: "FORBIDDEN",
      reason: "auth.role_required",
    });

    const applied = await me.sellers.submitApplication(application("Bagru Prints"));
    expect(applied).toMatchObject({ status: "pending", slug: "bagru-prints" });
    expect(applied.bankAccount.numberMasked).toBe("XXXXXX9012");
    expect(await clientError(me.sellers.submitApplication(application("Bagru Prints")))).toMatchObject({
      code: "CONFLICT",
      reason: "seller.already_applied",
    });
    expect(await clientError(api().shops.bySlug({ slug: "bagru-prints" }))).toMatchObject({
      code: "NOT_FOUND",
      reason: "shop.not_found",
    });

    const pending = await api(admin.token).admin.sellers.list({ status: "pending", q: "sunita@example" });
    expect(pending.items.map((s) => s.id)).toEqual([applied.id]);
    await api(admin.token).admin.sellers.approve({ sellerId: applied.id });
    expect((await t.lastEmailTo("sunita@example.com")).subject).toBe("Your shop Bagru Prints is approved");

    // The role comes from the database on every request: no new sign-in needed.
    const updated = await me.sellers.updateProfile({ description: "Hand block-printed since 1952." });
    expect(updated.description).toBe("Hand block-printed since 1952.");
    expect((await me.sellers.mine())?.status).toBe("approved");

    const [cat] = await t.deps.db.insert(categories).values({ name: "Prints", slug: "prints" }).returning();
    await t.deps.db.insert(products).values([
      {
        sellerId: applied.id,
        categoryId: cat!.id,
        slug: "bagru-dupatta",
        title: "Bagru Dupatta",
        status: "approved",
      },
      { sellerId: applied.id, categoryId: cat!.id, slug: "bagru-draft", title: "Draft", status: "draft" },
    ]);
    expect(await api().shops.bySlug({ slug: "bagru-prints" })).toMatchObject({
      shopName: "Bagru Prints",
      description: "Hand block-printed since 1952.",
      productCount: 1,
      ratingAvg: 0,
    });

    await api(admin.token).admin.sellers.suspend({ sellerId: applied.id, reason: "Customer complaints" });
    expect(await clientError(me.sellers.updateProfile({ description: "still here?" }))).toMatchObject({
      code: "FORBIDDEN",
      reason: "seller.suspended",
    });
    expect(await clientError(api().shops.bySlug({ slug: "bagru-prints" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await me.sellers.mine())?.status).toBe("suspended");

    await api(admin.token).admin.sellers.reinstate({ sellerId: applied.id });
    expect((await api().shops.bySlug({ slug: "bagru-prints" })).productCount).toBe(1);
    await me.sellers.updateProfile({ contactPhone: "9829000000" });

    expect(
      await clientError(api(admin.token).admin.sellers.reinstate({ sellerId: applied.id })),
    ).toMatchObject({ code: "PRECONDITION_FAILED", reason: "seller.invalid_transition" });
  });

  it("reject with a reason, then re-apply under the same shop", async () => {
    const c = await signedIn("rejected@example.com");
    const first = await api(c.token).sellers.submitApplication(application("Second Chance"));
    const r = await api(admin.token).admin.sellers.reject({ sellerId: first.id, reason: "PAN unreadable" });
    expect(r.statusReason).toBe("PAN unreadable");
    expect((await t.lastEmailTo("rejected@example.com")).text).toContain("PAN unreadable");
    const again = await api(c.token).sellers.submitApplication(application("Second Chance"));
    expect(again).toMatchObject({ id: first.id, status: "pending", statusReason: null });
  });

  it("a seller cannot use another user's upload as a logo", async () => {
    const c = await signedIn("logo@example.com");
    const shop = await api(c.token).sellers.submitApplication(application("Logo Shop"));
    await api(admin.token).admin.sellers.approve({ sellerId: shop.id });
    const other = await signedIn("other@example.com");
    const [m] = await t.deps.db
      .insert(media)
      .values({
        ownerId: other.user.id,
        storeKey: "k/other.png",
        url: "/media/k/other.png",
        contentType: "image/png",
        bytes: 9,
      })
      .returning();
    expect(await clientError(api(c.token).sellers.updateProfile({ logoMediaId: m!.id }))).toMatchObject({
      code: "NOT_FOUND",
      reason: "media.not_found",
      fieldErrors: { logoMediaId: ["Logo image not found"] },
    });
    expect((await api(c.token).sellers.mine())?.logoUrl).toBeNull();
  });

  it("commission and settings are admin-only", async () => {
    const c = await signedIn("commission@example.com");
    const shop = await api(c.token).sellers.submitApplication(application("Commission Shop"));
    const a = api(admin.token);
    expect(await a.admin.settings.get()).toEqual({ defaultCommissionBps: 1000 });
    await a.admin.settings.setDefaultCommission({ commissionBps: 800 });
    expect((await a.admin.sellers.byId({ sellerId: shop.id })).effectiveCommissionBps).toBe(800);
    expect(
      (await a.admin.sellers.setCommission({ sellerId: shop.id, commissionBps: 1500 }))
        .effectiveCommissionBps,
    ).toBe(1500);
  });
});

describe("who may call what", () => {
  it("a customer or seller calling admin.sellers.* or admin.settings.* is FORBIDDEN; anonymous is UNAUTHORIZED", async () => {
    const c = await signedIn("nosy@example.com");
    const id = crypto.randomUUID();
    // Thunks, not promises: a rejection must not sit unobserved while an earlier call is awaited.
    const calls = (token: string | null) => {
      const x = api(token);
      return [
        () => x.admin.sellers.list({}),
        () => x.admin.sellers.byId({ sellerId: id }),
        () => x.admin.sellers.approve({ sellerId: id }),
        () => x.admin.sellers.reject({ sellerId: id, reason: "nope nope" }),
        () => x.admin.sellers.suspend({ sellerId: id, reason: "nope nope" }),
        () => x.admin.sellers.reinstate({ sellerId: id }),
        () => x.admin.sellers.setCommission({ sellerId: id, commissionBps: 0 }),
        () => x.admin.settings.get(),
        () => x.admin.settings.setDefaultCommission({ commissionBps: 0 }),
      ];
    };
    for (const call of calls(c.token)) expect(await clientError(call())).toMatchObject({ code: "FORBIDDEN" });
    for (const call of calls(null)) expect(await clientError(call())).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await clientError(api().sellers.submitApplication(application("Anon")))).toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await clientError(api().sellers.mine())).toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("bad input answers field errors, never a 500", () => {
  const bad: [string, unknown][] = [
    [
      "sellers.submitApplication",
      { ...application("x"), shopName: "", contactPhone: "123", bankAccount: { number: "12" } },
    ],
    ["sellers.submitApplication", { ...application("Fine"), pickupAddress: { state: "Atlantis" } }],
    ["sellers.updateProfile", {}],
    ["sellers.updateProfile", { gstin: "nope", logoMediaId: "x" }],
    ["shops.bySlug", { slug: "NO SPACES" }],
    ["admin.sellers.list", { status: "banned", limit: 0 }],
    ["admin.sellers.byId", { sellerId: "x" }],
    ["admin.sellers.approve", { sellerId: 5 }],
    ["admin.sellers.reject", { sellerId: crypto.randomUUID() }],
    ["admin.sellers.suspend", { sellerId: crypto.randomUUID(), reason: "x" }],
    ["admin.sellers.reinstate", {}],
    ["admin.sellers.setCommission", { sellerId: crypto.randomUUID(), commissionBps: 10_001 }],
    ["admin.settings.setDefaultCommission", { commissionBps: 1.5 }],
  ];
  let sellerToken = "";
  beforeAll(async () => {
    const c = await signedIn("bad-input@example.com");
    const shop = await api(c.token).sellers.submitApplication(application("Bad Input Shop"));
    await api(admin.token).admin.sellers.approve({ sellerId: shop.id });
    sellerToken = c.token;
  });
  for (const [path, input] of bad) {
    it(`${path} ${JSON.stringify(input).slice(0, 60)}`, async () => {
      const token = path.startsWith("admin.") ? admin.token : sellerToken;
      // biome-ignore lint/suspicious/noExplicitAny: walking the router by path
      let fn: any = api(token);
      for (const key of path.split(".")) fn = fn[key];
      const data = await clientError(fn(input));
      expect(data.code).toBe("BAD_REQUEST");
      expect(Object.keys(data.fieldErrors ?? {}).length).toBeGreaterThan(0);
    });
  }
});
