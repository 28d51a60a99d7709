import { createShopForSeed, createVerifiedUser } from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { categories, products, productVariants } from "@bazaar/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpExchange } from "../context";
import { createCaller } from "../root";
import { type CookieJar, clientError, cookieJar, testHttp } from "../testing/http";
import { signInViaApi } from "../testing/sign-in";

let t: TestContext;
const api = (over: Partial<HttpExchange> = {}, jar: CookieJar = cookieJar()) =>
  createCaller({ deps: t.deps, http: testHttp(over, jar) });

let n = 0;
async function signedIn(role: "customer" | "seller" | "admin" = "customer") {
  const email = `${role}-${++n}@example.com`;
  const user = await createVerifiedUser(t.deps, {
    email,
    name: `${role} ${n}`,
    password: "pass-word-1",
    role,
  });
  const { accessToken } = await signInViaApi(t.deps, api(), { email, password: "pass-word-1" });
  return { user, email, token: accessToken };
}

let sellerToken: string;
let sellerId: string;
let variantId: string;
let otherVariantId: string;
let productId: string;
let otherProductId: string;

beforeAll(async () => {
  t = await createTestContext();
  const s = await signedIn("customer");
  const { seller } = await createShopForSeed(t.deps, {
    userId: s.user.id,
    status: "approved",
    shopName: "Jaipur Blue Pottery",
    contactEmail: "shop@example.com",
    contactPhone: "9829012345",
    pickupAddress: {
      name: "Asha",
      phone: "9829012345",
      line1: "1 Amer Rd",
      city: "Jaipur",
      state: "Rajasthan",
      pincode: "302002",
    },
    bankAccount: { holder: "Asha", number: "123456789012", ifsc: "SBIN0031234" },
  });
  sellerId = seller.id;
  sellerToken = (await signInViaApi(t.deps, api(), { email: s.email, password: "pass-word-1" })).accessToken;
  const [cat] = await t.deps.db.insert(categories).values({ name: "Pottery", slug: "pottery" }).returning();
  const make = async (title: string, price: number, stock: number) => {
    const [p] = await t.deps.db
      .insert(products)
      .values({
        sellerId,
        categoryId: cat!.id,
        slug: title.toLowerCase().replace(/ /g, "-"),
        title,
        status: "approved",
        minPrice: price,
        maxPrice: price,
        totalStock: stock,
      })
      .returning();
    const [v] = await t.deps.db
      .insert(productVariants)
      .values({ productId: p!.id, sellerId, sku: title.replace(/ /g, "-"), price, stock })
      .returning();
    return { productId: p!.id, variantId: v!.id };
  };
  ({ productId, variantId } = await make("Blue Vase", 120_000, 6));
  ({ productId: otherProductId, variantId: otherVariantId } = await make("Tile Coaster", 30_000, 40));
});
afterAll(() => t.close());

describe("cart over the API", () => {
  it("gives a web guest an httpOnly cookie, and a mobile guest a token in the body for the header", async () => {
    const jar = cookieJar();
    const web = await api({}, jar).cart.addItem({ variantId, qty: 1 });
    expect(web).not.toHaveProperty("guestToken");
    expect(jar.cart).toBeTruthy();
    expect((await api({}, jar).cart.get()).totals.itemCount).toBe(1);

    const mobile = await api({ client: "mobile" }).cart.addItem({ variantId, qty: 2 });
    expect(mobile.guestToken).toBeTruthy();
    const again = await api({ client: "mobile", cartToken: mobile.guestToken! }).cart.get();
    expect(again.totals.itemCount).toBe(2);
  });

  it("merges the guest cart into the customer's on login and reports it", async () => {
    const c = await signedIn();
    await api({ accessToken: c.token }).cart.addItem({ variantId, qty: 5 });
    const jar = cookieJar();
    await api({}, jar).cart.addItem({ variantId, qty: 4 });
    await api({}, jar).cart.addItem({ variantId: otherVariantId, qty: 1 });
    const login = await signInViaApi(t.deps, api({}, jar), { email: c.email, password: "pass-word-1" });
    expect(login.cartMerge).toEqual({
      linesAdded: 1,
      linesCombined: 1,
      capped: [{ variantId, title: "Blue Vase", requested: 9, kept: 6 }],
    });
    expect(jar.cart).toBeNull();
    const cart = await api({ accessToken: login.accessToken }).cart.get();
    expect(cart.groups[0]!.lines.map((l) => l.qty)).toEqual([6, 1]);
  });

  it("keeps sellers and admins out of carts", async () => {
    for (const token of [sellerToken, (await signedIn("admin")).token])
      expect(await clientError(api({ accessToken: token }).cart.get())).toMatchObject({
        code: "FORBIDDEN",
        reason: "cart.customers_only",
      });
  });

  it("answers bad input on every cart and wishlist procedure with field errors", async () => {
    const c = api({ accessToken: (await signedIn()).token });
    const cases: [() => Promise<unknown>, string[]][] = [
      [() => c.cart.addItem({ variantId: "nope", qty: 0 }), ["variantId", "qty"]],
      [() => c.cart.addItem({ variantId, qty: 2.5 }), ["qty"]],
      [() => c.cart.updateItem({ itemId: "x", qty: -1 }), ["itemId", "qty"]],
      [() => c.cart.removeItem({ itemId: "" }), ["itemId"]],
      [() => c.cart.applyCoupon({ code: "a b" }), ["code"]],
      [() => c.wishlist.add({ productId: "1" }), ["productId"]],
      [() => c.wishlist.moveToCart({ productId: productId, qty: 0 }), ["qty"]],
      [() => api().wishlist.shared({ token: "short" }), ["token"]],
    ];
    for (const [call, fields] of cases) {
      const e = await clientError(call());
      expect(e.code).toBe("BAD_REQUEST");
      expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    }
  });

  it("answers a stock problem with the field and what is available", async () => {
    const e = await clientError(api().cart.addItem({ variantId, qty: 7 }));
    expect(e).toMatchObject({
      code: "BAD_REQUEST",
      reason: "cart.insufficient_stock",
      details: { available: 6 },
      fieldErrors: { qty: ["Only 6 left in stock"] },
    });
  });
});

describe("wishlist over the API", () => {
  it("saves, lists with price and stock, shares, and moves to the cart", async () => {
    const c = api({ accessToken: (await signedIn()).token });
    await c.wishlist.add({ productId });
    await c.wishlist.add({ productId });
    const list = await c.wishlist.list();
    expect(list.items).toMatchObject([
      { productId, title: "Blue Vase", price: 120_000, inStock: true, available: true },
    ]);
    expect(await c.wishlist.status({ productIds: [productId, otherProductId] })).toEqual({
      saved: [productId],
      shareToken: null,
    });
    const { token } = await c.wishlist.share();
    expect((await c.wishlist.status()).shareToken).toBe(token);
    expect((await c.wishlist.share()).token).toBe(token);
    const shared = await api().wishlist.shared({ token });
    expect(shared.items.map((i) => i.title)).toEqual(["Blue Vase"]);
    const cart = await c.wishlist.moveToCart({ productId });
    expect(cart.groups[0]!.lines[0]).toMatchObject({ variantId, qty: 1 });
    expect((await c.wishlist.list()).items).toEqual([]);
    await c.wishlist.unshare();
    expect(await clientError(api().wishlist.shared({ token }))).toMatchObject({
      reason: "wishlist.not_found",
    });
    expect(await clientError(api().wishlist.list())).toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("coupons and sales over the API", () => {
  it("lets admins manage platform coupons and sellers their own, and no one else", async () => {
    const admin = api({ accessToken: (await signedIn("admin")).token });
    const seller = api({ accessToken: sellerToken });
    const customer = api({ accessToken: (await signedIn()).token });
    const platform = await admin.admin.coupons.create({
      code: "WELCOME10",
      kind: "percent",
      percentBps: 1000,
      maxDiscount: 20_000,
    });
    expect(platform).toMatchObject({ scope: "platform", state: "active", code: "WELCOME10" });
    const own = await seller.seller.coupons.create({
      code: "POTTERY50",
      kind: "fixed",
      amountOff: 5_000,
      productIds: [productId],
    });
    expect(own).toMatchObject({
      scope: "seller",
      sellerId,
      products: [{ id: productId, title: "Blue Vase" }],
    });
    // A seller cannot see or touch the platform's coupon.
    expect((await seller.seller.coupons.list({})).items.map((c) => c.code)).toEqual(["POTTERY50"]);
    expect(
      await clientError(seller.seller.coupons.setActive({ id: platform.id, active: false })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await clientError(customer.admin.coupons.create({ code: "MINE", kind: "fixed", amountOff: 1 })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await clientError(customer.seller.coupons.list({}))).toMatchObject({ code: "FORBIDDEN" });
    // Admins see both and can withdraw a seller's coupon.
    expect((await admin.admin.coupons.list({ scope: "seller" })).items.map((c) => c.code)).toEqual([
      "POTTERY50",
    ]);
    expect((await admin.admin.coupons.setActive({ id: own.id, active: false })).state).toBe("disabled");
  });

  it("answers bad coupon, sale and settings input with field errors", async () => {
    const admin = api({ accessToken: (await signedIn("admin")).token });
    const seller = api({ accessToken: sellerToken });
    const now = Date.now();
    const cases: [() => Promise<unknown>, string[]][] = [
      [
        () => admin.admin.coupons.create({ code: "FIX", kind: "fixed", percentBps: 500 }),
        ["amountOff", "percentBps"],
      ],
      [
        () => admin.admin.coupons.create({ code: "PCT", kind: "percent", maxDiscount: -1 }),
        ["maxDiscount", "percentBps"],
      ],
      [
        () =>
          admin.admin.coupons.create({
            code: "WIN",
            kind: "fixed",
            amountOff: 100,
            startsAt: new Date(now),
            endsAt: new Date(now - 1),
          }),
        ["endsAt"],
      ],
      [() => admin.admin.coupons.update({ id: "x" }), ["id"]],
      [
        () =>
          seller.seller.sales.create({
            name: "S",
            startsAt: new Date(now + 10),
            endsAt: new Date(now),
            items: [],
          }),
        ["name", "endsAt", "items"],
      ],
      [
        () =>
          seller.seller.sales.create({
            name: "Twice",
            startsAt: new Date(now),
            endsAt: new Date(now + 3_600_000),
            items: [
              { variantId, salePrice: 100 },
              { variantId, salePrice: 0 },
            ],
          }),
        ["items.1.variantId", "items.1.salePrice"],
      ],
      [
        () => admin.admin.settings.setCheckout({ shippingFlatFee: -5, maxQtyPerLine: 0 }),
        ["shippingFlatFee", "maxQtyPerLine"],
      ],
    ];
    for (const [call, fields] of cases) {
      const e = await clientError(call());
      expect(e.code).toBe("BAD_REQUEST");
      expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    }
  });

  it("runs a seller's sale end to end: create, list, price in the cart, cancel", async () => {
    const seller = api({ accessToken: sellerToken });
    const now = t.deps.now().getTime();
    const sale = await seller.seller.sales.create({
      name: "Monsoon",
      startsAt: new Date(now - 1_000),
      endsAt: new Date(now + 3_600_000),
      items: [{ variantId: otherVariantId, salePrice: 25_000 }],
    });
    expect((await seller.seller.sales.list({ state: "running" })).items.map((s) => s.id)).toContain(sale.id);
    const cart = await api().cart.addItem({ variantId: otherVariantId, qty: 2 });
    expect(cart.groups[0]!.lines[0]).toMatchObject({ effectiveUnitPrice: 25_000, itemDiscount: 10_000 });
    expect((await seller.seller.sales.cancel({ id: sale.id })).state).toBe("cancelled");
    expect(
      (await api().cart.addItem({ variantId: otherVariantId, qty: 1 })).groups[0]!.lines[0]!
        .effectiveUnitPrice,
    ).toBe(30_000);
  });
});
