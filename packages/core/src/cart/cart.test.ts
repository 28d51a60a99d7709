import { randomUUID } from "node:crypto";
import { orders, products, productVariants, sellers, users } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listProducts } from "../catalog/browse/list-products";
import { productBySlug } from "../catalog/browse/product-by-slug";
import { setCheckoutSettings } from "../checkout/set-checkout-settings";
import type { DomainError } from "../errors";
import type { SellerActor } from "../platform/deps";
import { createRateLimiter } from "../platform/rate-limit";
import { applySaleBoundary } from "../promotions/apply-sale-boundary";
import { cancelSaleEvent } from "../promotions/cancel-sale-event";
import { createCoupon } from "../promotions/create-coupon";
import { createSaleEvent } from "../promotions/create-sale-event";
import { redeemCoupon, releaseCoupon } from "../promotions/redeem-coupon";
import { createTestContext, rejects, type TestContext } from "../testing";
import { catalogFixture } from "../testing/catalog-fixture";
import { addCartItem } from "./add-cart-item";
import { applyCoupon } from "./apply-coupon";
import type { CartOwner } from "./cart-owner";
import { clearCart } from "./clear-cart";
import { getCart } from "./get-cart";
import { mergeGuestCart } from "./merge-guest-cart";
import { removeCartItem } from "./remove-cart-item";
import { removeCoupon } from "./remove-coupon";
import { updateCartItem } from "./update-cart-item";

let t: TestContext;
let f: ReturnType<typeof catalogFixture>;
let shopA: typeof sellers.$inferSelect;
let shopB: typeof sellers.$inferSelect;
let cat: { id: string };
let sub: { id: string };
const admin = { userId: "", role: "admin" as const, sessionId: randomUUID() };
const sellerActor = (s: typeof sellers.$inferSelect): SellerActor => ({
  userId: s.userId,
  role: "seller",
  sessionId: randomUUID(),
  sellerId: s.id,
});

/** A product with one variant (or several) in stock; returns the variant ids too. */
async function item(
  seller: typeof sellers.$inferSelect,
  price: number,
  stock = 5,
  opts: { category?: { id: string }; variants?: number; gst?: number } = {},
) {
  const p = await f.product({
    seller,
    category: opts.category ?? cat,
    title: `Item ${price}`,
    variants: Array.from({ length: opts.variants ?? 1 }, () => ({ price, stock })),
  });
  if (opts.gst !== undefined)
    await t.deps.db.update(products).set({ gstRateBps: opts.gst }).where(eq(products.id, p.id));
  const vs = await t.deps.db
    .select()
    .from(productVariants)
    .where(eq(productVariants.productId, p.id))
    .orderBy(productVariants.position);
  return { product: p, variant: vs[0]!, variants: vs };
}

async function customer() {
  const [u] = await t.deps.db
    .insert(users)
    .values({ email: `c-${randomUUID()}@example.com`, name: "Asha", passwordHash: "x" })
    .returning();
  return { userId: u!.id } satisfies CartOwner;
}

async function guestWith(variantId: string, qty: number) {
  const r = await addCartItem(t.deps, { guestToken: null }, { variantId, qty });
  return { guestToken: r.issuedGuestToken! } satisfies CartOwner;
}

const setStock = (variantId: string, stock: number) =>
  t.deps.db.update(productVariants).set({ stock }).where(eq(productVariants.id, variantId));
const setPrice = (variantId: string, price: number) =>
  t.deps.db.update(productVariants).set({ price }).where(eq(productVariants.id, variantId));
const lines = (c: Awaited<ReturnType<typeof getCart>>) => c.groups.flatMap((g) => g.lines);

beforeAll(async () => {
  t = await createTestContext();
  f = catalogFixture(t.deps);
  shopA = await f.seller({ name: "Ravi Textiles" });
  shopB = await f.seller({ name: "Meera Crafts" });
  cat = await f.category("Home");
  sub = await f.category("Lamps", cat);
  const [u] = await t.deps.db
    .insert(users)
    .values({ email: `admin-${randomUUID()}@example.com`, name: "Admin", passwordHash: "x", role: "admin" })
    .returning();
  admin.userId = u!.id;
});
afterAll(() => t.close());

describe("guest carts", () => {
  it("issues a token with the first item and keeps the cart under it, grouped by seller", async () => {
    const a = await item(shopA, 30_000);
    const b = await item(shopB, 20_000);
    const first = await addCartItem(t.deps, { guestToken: null }, { variantId: a.variant.id, qty: 2 });
    expect(first.issuedGuestToken).toMatch(/^[\w-]{32}$/);
    const owner = { guestToken: first.issuedGuestToken! };
    const second = await addCartItem(t.deps, owner, { variantId: b.variant.id, qty: 1 });
    expect(second.issuedGuestToken).toBeNull();
    const cart = await getCart(t.deps, owner);
    expect(cart.groups.map((g) => [g.seller.shopName, g.lines.map((l) => l.qty)])).toEqual([
      ["Ravi Textiles", [2]],
      ["Meera Crafts", [1]],
    ]);
    // ₹600 ships free (≥ ₹499); ₹200 pays the ₹49 flat fee.
    expect(cart.groups.map((g) => g.shipping)).toEqual([0, 4_900]);
    expect(cart.totals).toMatchObject({ subtotal: 80_000, shipping: 4_900, total: 84_900, itemCount: 3 });
    // Without the token, or with a made-up one, there is nothing.
    expect((await getCart(t.deps, { guestToken: null })).groups).toEqual([]);
    expect((await getCart(t.deps, { guestToken: "x".repeat(32) })).groups).toEqual([]);
  });

  it("forgets a guest cart 30 days after it was last used", async () => {
    const a = await item(shopA, 10_000);
    const owner = await guestWith(a.variant.id, 1);
    t.advance(29 * 24 * 3600 * 1000);
    expect(lines(await getCart(t.deps, owner))).toHaveLength(1);
    t.advance(2 * 24 * 3600 * 1000);
    expect(lines(await getCart(t.deps, owner))).toHaveLength(0);
  });

  it("adds quantities of the same variant and trusts nothing but the server's price", async () => {
    const a = await item(shopA, 12_345);
    const owner = await guestWith(a.variant.id, 1);
    // A client-side price is not even part of the input; extra fields are dropped by the schema.
    const r = await addCartItem(t.deps, owner, { variantId: a.variant.id, qty: 2, price: 1 } as never);
    expect(lines(r.cart)).toMatchObject([{ qty: 3, unitPrice: 12_345, lineTotal: 37_035 }]);
  });
});

describe("re-validation on every read", () => {
  it("points out a price change once, then prices at the new price", async () => {
    const a = await item(shopA, 50_000);
    const owner = await guestWith(a.variant.id, 1);
    await setPrice(a.variant.id, 45_000);
    const cart = await getCart(t.deps, owner);
    expect(lines(cart)[0]).toMatchObject({
      notices: [{ kind: "price_changed", from: 50_000, to: 45_000 }],
      lineTotal: 45_000,
    });
    expect(cart.hasNotices).toBe(true);
    expect(lines(await getCart(t.deps, owner))[0]!.notices).toEqual([]);
  });

  it("cuts a quantity to what is left, and marks a sold-out line without charging for it", async () => {
    const a = await item(shopA, 10_000, 5);
    const b = await item(shopA, 20_000, 5);
    const owner = await guestWith(a.variant.id, 4);
    await addCartItem(t.deps, owner, { variantId: b.variant.id, qty: 1 });
    await setStock(a.variant.id, 2);
    await setStock(b.variant.id, 0);
    const cart = await getCart(t.deps, owner);
    expect(lines(cart).map((l) => [l.qty, l.available, l.notices])).toEqual([
      [2, true, [{ kind: "qty_reduced", from: 4, to: 2 }]],
      [1, false, [{ kind: "out_of_stock" }]],
    ]);
    expect(cart.totals).toMatchObject({ subtotal: 20_000, itemCount: 2 });
    // The cut is remembered; the sold-out line keeps saying so until stock returns.
    const again = await getCart(t.deps, owner);
    expect(lines(again).map((l) => l.notices)).toEqual([[], [{ kind: "out_of_stock" }]]);
    await setStock(b.variant.id, 3);
    expect(lines(await getCart(t.deps, owner)).map((l) => l.available)).toEqual([true, true]);
  });

  it("marks lines whose product was withdrawn or whose shop was suspended", async () => {
    const withdrawn = await item(shopA, 10_000);
    const shopC = await f.seller({ name: "Kiran Organics" });
    const fromC = await item(shopC, 10_000);
    const owner = await guestWith(withdrawn.variant.id, 1);
    await addCartItem(t.deps, owner, { variantId: fromC.variant.id, qty: 1 });
    await t.deps.db.update(products).set({ status: "archived" }).where(eq(products.id, withdrawn.product.id));
    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, shopC.id));
    const cart = await getCart(t.deps, owner);
    expect(lines(cart).map((l) => l.notices)).toEqual([
      [{ kind: "unavailable", reason: "not_on_sale" }],
      [{ kind: "unavailable", reason: "seller_unavailable" }],
    ]);
    expect(cart.totals.total).toBe(0);
    // And neither can be added again.
    const e = await rejects(addCartItem(t.deps, owner, { variantId: withdrawn.variant.id, qty: 1 }));
    expect(e.reason).toBe("cart.variant_unavailable");
  });
});

describe("quantity limits", () => {
  it("refuses more than the stock, the per-line limit or the per-order limit, naming the field", async () => {
    const a = await item(shopA, 1_000, 3);
    const owner = await guestWith(a.variant.id, 2);
    const stock = await rejects(addCartItem(t.deps, owner, { variantId: a.variant.id, qty: 2 }));
    expect([stock.reason, stock.details]).toEqual([
      "cart.insufficient_stock",
      { available: 3, fieldErrors: { qty: ["Only 3 left in stock"] } },
    ]);
    const big = await item(shopA, 1_000, 500);
    const line = await rejects(addCartItem(t.deps, owner, { variantId: big.variant.id, qty: 11 }));
    expect(line.reason).toBe("cart.line_limit");
    await setCheckoutSettings(t.deps, admin, { maxUnitsPerOrder: 10 });
    try {
      await addCartItem(t.deps, owner, { variantId: big.variant.id, qty: 8 });
      const order = await rejects(addCartItem(t.deps, owner, { variantId: big.variant.id, qty: 1 }));
      expect([order.reason, order.details?.max]).toEqual(["cart.order_limit", 10]);
    } finally {
      await setCheckoutSettings(t.deps, admin, { maxUnitsPerOrder: 50 });
    }
  });

  it("updates and removes lines, and clears the cart", async () => {
    const a = await item(shopA, 1_000, 9);
    const b = await item(shopB, 2_000, 9);
    const owner = await guestWith(a.variant.id, 1);
    const added = await addCartItem(t.deps, owner, { variantId: b.variant.id, qty: 1 });
    const [la, lb] = lines(added.cart);
    expect(lines((await updateCartItem(t.deps, owner, { itemId: la!.id, qty: 7 })).cart)[0]!.qty).toBe(7);
    expect((await rejects(updateCartItem(t.deps, owner, { itemId: la!.id, qty: 10 }))).reason).toBe(
      "cart.insufficient_stock",
    );
    expect(lines((await removeCartItem(t.deps, owner, { itemId: lb!.id })).cart).map((l) => l.id)).toEqual([
      la!.id,
    ]);
    expect((await clearCart(t.deps, owner)).cart.groups).toEqual([]);
  });
});

describe("ownership", () => {
  it("never lets one customer read or change another's cart lines", async () => {
    const a = await item(shopA, 1_000);
    const asha = await customer();
    const bala = await customer();
    const mine = await addCartItem(t.deps, asha, { variantId: a.variant.id, qty: 1 });
    const lineId = lines(mine.cart)[0]!.id;
    for (const attempt of [
      () => updateCartItem(t.deps, bala, { itemId: lineId, qty: 5 }),
      () => removeCartItem(t.deps, bala, { itemId: lineId }),
      () => updateCartItem(t.deps, { guestToken: null }, { itemId: lineId, qty: 5 }),
    ])
      expect((await rejects(attempt())).reason).toBe("cart.item_not_found");
    expect(lines(await getCart(t.deps, asha)).map((l) => l.qty)).toEqual([1]);
    expect(lines(await getCart(t.deps, bala))).toEqual([]);
  });
});

describe("merging a guest cart on sign-in", () => {
  it("adds quantities, caps them at stock, reports the caps, and merges only once", async () => {
    const a = await item(shopA, 1_000, 4);
    const b = await item(shopB, 2_000, 9);
    const asha = await customer();
    await addCartItem(t.deps, asha, { variantId: a.variant.id, qty: 3 });
    const guest = await guestWith(a.variant.id, 3);
    await addCartItem(t.deps, guest, { variantId: b.variant.id, qty: 2 });
    const report = await mergeGuestCart(t.deps, asha.userId, guest.guestToken);
    expect(report).toEqual({
      linesAdded: 1,
      linesCombined: 1,
      capped: [{ variantId: a.variant.id, title: a.product.title, requested: 6, kept: 4 }],
    });
    expect(lines(await getCart(t.deps, asha)).map((l) => [l.variantId, l.qty])).toEqual([
      [a.variant.id, 4],
      [b.variant.id, 2],
    ]);
    expect(await mergeGuestCart(t.deps, asha.userId, guest.guestToken)).toBeNull();
    expect(lines(await getCart(t.deps, guest))).toEqual([]);
  });
});

describe("coupons", () => {
  const coupon = (over: Parameters<typeof createCoupon>[3]) =>
    createCoupon(t.deps, admin, { sellerId: null }, over);
  const code = () => `C${randomUUID().slice(0, 8).toUpperCase()}`;

  it("applies a percentage coupon with its cap and spreads it over the lines", async () => {
    const a = await item(shopA, 60_000);
    const b = await item(shopB, 40_000);
    const owner = await guestWith(a.variant.id, 1);
    await addCartItem(t.deps, owner, { variantId: b.variant.id, qty: 1 });
    const c = await coupon({
      code: code().toLowerCase(),
      kind: "percent",
      percentBps: 2_000,
      maxDiscount: 15_000,
    });
    const { cart } = await applyCoupon(t.deps, owner, { code: c.code.toLowerCase() });
    expect(cart.coupon).toMatchObject({ code: c.code, applied: true, discount: 15_000 });
    expect(lines(cart).map((l) => l.couponDiscount)).toEqual([9_000, 6_000]);
    // Meera's ₹340 after the coupon pays shipping; Ravi's ₹510 ships free.
    expect(cart.totals).toMatchObject({ shipping: 4_900, total: 100_000 - 15_000 + 4_900 });
    const removed = await removeCoupon(t.deps, owner);
    expect([removed.cart.coupon, removed.cart.totals.total]).toEqual([null, 104_900]);
  });

  it("answers each kind of invalid coupon with its own reason", async () => {
    const a = await item(shopA, 30_000);
    const lamp = await item(shopA, 30_000, 5, { category: sub });
    const owner = await customer();
    await addCartItem(t.deps, owner, { variantId: a.variant.id, qty: 1 });
    const now = t.deps.now().getTime();
    const cases: [string, Partial<Parameters<typeof createCoupon>[3]> | null, string][] = [
      ["no such code", null, "coupon.not_found"],
      ["not yet", { startsAt: new Date(now + 3_600_000) }, "coupon.not_started"],
      ["over", { startsAt: new Date(now - 7_200_000), endsAt: new Date(now - 3_600_000) }, "coupon.expired"],
      ["minimum", { minSubtotal: 50_000 }, "coupon.min_subtotal"],
      ["other shop", null, "coupon.not_applicable"],
      ["other category", { categoryIds: [sub.id] }, "coupon.not_applicable"],
      ["other product", { productIds: [lamp.product.id] }, "coupon.not_applicable"],
    ];
    for (const [label, over, reason] of cases) {
      let theCode = code();
      if (label === "other shop")
        theCode = (
          await createCoupon(
            t.deps,
            admin,
            { sellerId: shopB.id },
            { code: theCode, kind: "fixed", amountOff: 500 },
          )
        ).code;
      else if (over) await coupon({ kind: "fixed", amountOff: 500, ...over, code: theCode });
      const e = await rejects(applyCoupon(t.deps, owner, { code: theCode }));
      expect([label, e.reason]).toEqual([label, reason]);
      expect(e.details?.fieldErrors).toHaveProperty("code");
    }
    const min = await coupon({ code: code(), kind: "fixed", amountOff: 500, minSubtotal: 50_000 });
    const e = await rejects(applyCoupon(t.deps, owner, { code: min.code }));
    expect(e.details).toMatchObject({ minSubtotal: 50_000, shortBy: 20_000 });
    // A category coupon covers subcategories: the lamp (in Home › Lamps) qualifies for a Home coupon.
    await addCartItem(t.deps, owner, { variantId: lamp.variant.id, qty: 1 });
    const home = await coupon({
      code: code(),
      kind: "fixed",
      amountOff: 1_000,
      categoryIds: [cat.id],
      productIds: [],
    });
    const { cart } = await applyCoupon(t.deps, owner, { code: home.code });
    expect(lines(cart).map((l) => l.couponDiscount)).toEqual([500, 500]);
  });

  it("refuses a disabled, used-up, already-used or first-order coupon", async () => {
    const a = await item(shopA, 30_000);
    const owner = await customer();
    await addCartItem(t.deps, owner, { variantId: a.variant.id, qty: 1 });
    const disabled = await coupon({ code: code(), kind: "fixed", amountOff: 500 });
    const { setCouponActive } = await import("../promotions/set-coupon-active");
    await setCouponActive(t.deps, admin, "any", { id: disabled.id, active: false });
    expect((await rejects(applyCoupon(t.deps, owner, { code: disabled.code }))).reason).toBe(
      "coupon.inactive",
    );

    const once = await coupon({ code: code(), kind: "fixed", amountOff: 500, usageLimit: 1 });
    await t.deps.db.transaction((tx) =>
      redeemCoupon(tx, {
        couponId: once.id,
        userId: owner.userId,
        orderId: randomUUID(),
        discount: 500,
        now: t.deps.now(),
      }),
    );
    expect((await rejects(applyCoupon(t.deps, owner, { code: once.code }))).reason).toBe(
      "coupon.usage_exhausted",
    );

    const perCustomer = await coupon({ code: code(), kind: "fixed", amountOff: 500, perCustomerLimit: 1 });
    const orderId = randomUUID();
    await t.deps.db.transaction((tx) =>
      redeemCoupon(tx, {
        couponId: perCustomer.id,
        userId: owner.userId,
        orderId,
        discount: 500,
        now: t.deps.now(),
      }),
    );
    expect((await rejects(applyCoupon(t.deps, owner, { code: perCustomer.code }))).reason).toBe(
      "coupon.per_customer_limit",
    );
    // A cancelled order gives the use back.
    await t.deps.db.transaction((tx) => releaseCoupon(tx, { orderId, now: t.deps.now() }));
    expect((await applyCoupon(t.deps, owner, { code: perCustomer.code })).cart.coupon?.applied).toBe(true);

    const first = await coupon({ code: code(), kind: "fixed", amountOff: 500, firstOrderOnly: true });
    expect((await applyCoupon(t.deps, owner, { code: first.code })).cart.coupon?.applied).toBe(true);
    await t.deps.db.insert(orders).values({
      number: `T-${randomUUID().slice(0, 8)}`,
      customerId: owner.userId,
      idempotencyKey: randomUUID(),
      paymentMethod: "cod",
      paymentStatus: "cod_pending",
      shippingAddress: {
        name: "A",
        phone: "9876543210",
        line1: "x",
        line2: null,
        landmark: null,
        city: "Pune",
        state: "Maharashtra",
        pincode: "411001",
      },
      subtotal: 0,
      itemDiscount: 0,
      couponDiscount: 0,
      shipping: 0,
      gstIncluded: 0,
      total: 0,
    });
    // Already on the cart: the next read says it no longer holds, and charges nothing off.
    const cart = await getCart(t.deps, owner);
    expect(cart.coupon).toMatchObject({ applied: false, reason: "first_order_only", discount: 0 });
    expect(cart.totals.couponDiscount).toBe(0);
    expect((await rejects(applyCoupon(t.deps, owner, { code: first.code }))).reason).toBe(
      "coupon.first_order_only",
    );
  });

  it("lets a seller's coupon discount only that seller's lines", async () => {
    const a = await item(shopA, 30_000);
    const b = await item(shopB, 30_000);
    const owner = await guestWith(a.variant.id, 1);
    await addCartItem(t.deps, owner, { variantId: b.variant.id, qty: 1 });
    const c = await createCoupon(
      t.deps,
      sellerActor(shopB),
      { sellerId: shopB.id },
      {
        code: code(),
        kind: "percent",
        percentBps: 1_000,
      },
    );
    const { cart } = await applyCoupon(t.deps, owner, { code: c.code });
    expect(cart.groups.map((g) => g.couponDiscount)).toEqual([0, 3_000]);
    // A seller cannot aim a coupon at another shop's product.
    const e = await rejects(
      createCoupon(
        t.deps,
        sellerActor(shopB),
        { sellerId: shopB.id },
        {
          code: code(),
          kind: "fixed",
          amountOff: 100,
          productIds: [a.product.id],
        },
      ),
    );
    expect(e.details?.fieldErrors).toEqual({ "productIds.0": ["No such product in your catalogue"] });
  });

  it("grants the last use of a coupon to exactly one of two racing orders", async () => {
    const c = await coupon({ code: code(), kind: "fixed", amountOff: 500, usageLimit: 3 });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => customer()));
    const results = await Promise.allSettled(
      buyers.map((b) =>
        t.deps.db.transaction((tx) =>
          redeemCoupon(tx, {
            couponId: c.id,
            userId: b.userId,
            orderId: randomUUID(),
            discount: 500,
            now: t.deps.now(),
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as DomainError).reason).toBe("coupon.usage_exhausted");
    const last = await coupon({ code: code(), kind: "fixed", amountOff: 500, usageLimit: 1 });
    const two = await Promise.allSettled(
      buyers.slice(0, 2).map((b) =>
        t.deps.db.transaction((tx) =>
          redeemCoupon(tx, {
            couponId: last.id,
            userId: b.userId,
            orderId: randomUUID(),
            discount: 500,
            now: t.deps.now(),
          }),
        ),
      ),
    );
    expect(two.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("slows down anyone guessing codes, per address and per cart", async () => {
    const limiter = createRateLimiter({
      limits: {
        "coupon.apply.cart": { points: 3, duration: 900 },
        "coupon.apply.ip": { points: 5, duration: 900 },
      },
      prefix: `t${randomUUID()}`,
    });
    const deps = { ...t.deps, limiter };
    const a = await item(shopA, 30_000);
    const owner = await guestWith(a.variant.id, 1);
    for (let i = 0; i < 3; i++)
      expect(
        (await rejects(applyCoupon(deps, owner, { code: `GUESS${i}` }, { ip: "10.0.0.1" }))).reason,
      ).toBe("coupon.not_found");
    const limited = await rejects(applyCoupon(deps, owner, { code: "GUESS9" }, { ip: "10.0.0.1" }));
    expect([limited.code, limited.details?.retryAfterSeconds]).toEqual(["RATE_LIMITED", expect.any(Number)]);
    // A fresh guest cart from the same address runs into the per-address limit instead.
    const other = await guestWith(a.variant.id, 1);
    await rejects(applyCoupon(deps, other, { code: "GUESSX" }, { ip: "10.0.0.1" }));
    expect((await rejects(applyCoupon(deps, other, { code: "GUESSY" }, { ip: "10.0.0.1" }))).code).toBe(
      "RATE_LIMITED",
    );
  });

  it("refuses a coupon that starts now but ended already, naming endsAt", async () => {
    const e = await rejects(
      coupon({ code: code(), kind: "fixed", amountOff: 100, endsAt: new Date(Date.now() - 60_000) }),
    );
    expect([e.code, e.reason, e.details?.fieldErrors]).toEqual([
      "VALIDATION",
      "coupon.bad_window",
      { endsAt: ["Must end after it starts"] },
    ]);
  });

  it("refuses a duplicate code, naming the field", async () => {
    const c = await coupon({ code: code(), kind: "fixed", amountOff: 100 });
    const e = await rejects(coupon({ code: c.code.toLowerCase(), kind: "fixed", amountOff: 100 }));
    expect([e.reason, e.details?.fieldErrors]).toEqual([
      "coupon.code_taken",
      { code: ["That code is already in use"] },
    ]);
  });
});

describe("sale events", () => {
  it("shows a running sale in the cart and the catalogue, and stops when it ends", async () => {
    const a = await item(shopA, 80_000, 5, { category: await f.category("Sale shelf") });
    const owner = await guestWith(a.variant.id, 2);
    const now = t.deps.now();
    const sale = await createSaleEvent(t.deps, sellerActor(shopA), {
      name: "Diwali",
      startsAt: now,
      endsAt: new Date(now.getTime() + 3_600_000),
      items: [{ variantId: a.variant.id, salePrice: 60_000 }],
    });
    expect(sale.state).toBe("running");
    const cart = await getCart(t.deps, owner);
    expect(lines(cart)[0]).toMatchObject({
      unitPrice: 80_000,
      effectiveUnitPrice: 60_000,
      itemDiscount: 40_000,
      lineTotal: 120_000,
      saleEndsAt: sale.endsAt,
    });
    const listed = await listProducts(t.deps, { seller: shopA.slug, limit: 60 });
    expect(listed.items.find((p) => p.id === a.product.id)?.minPrice).toBe(60_000);
    const page = await productBySlug(t.deps, { slug: a.product.slug });
    expect(page.variants[0]).toMatchObject({ price: 80_000, salePrice: 60_000, saleEndsAt: sale.endsAt });

    t.advance(3_600_001);
    await applySaleBoundary(t.deps, sale.id);
    expect(lines(await getCart(t.deps, owner))[0]).toMatchObject({
      effectiveUnitPrice: 80_000,
      notices: [{ kind: "price_changed", from: 60_000, to: 80_000 }],
    });
    const after = await listProducts(t.deps, { seller: shopA.slug, limit: 60 });
    expect(after.items.find((p) => p.id === a.product.id)?.minPrice).toBe(80_000);
    expect((await productBySlug(t.deps, { slug: a.product.slug })).variants[0]?.salePrice).toBeNull();
  });

  it("refuses overlapping sales, prices not below the regular one, and another shop's variants", async () => {
    const a = await item(shopA, 10_000);
    const b = await item(shopB, 10_000);
    const now = t.deps.now().getTime();
    const window = { startsAt: new Date(now + 1_000), endsAt: new Date(now + 86_400_000) };
    const first = await createSaleEvent(t.deps, sellerActor(shopA), {
      name: "Weekend",
      ...window,
      items: [{ variantId: a.variant.id, salePrice: 9_000 }],
    });
    expect(first.state).toBe("scheduled");
    const overlap = await rejects(
      createSaleEvent(t.deps, sellerActor(shopA), {
        name: "Clash",
        startsAt: new Date(now + 3_600_000),
        endsAt: new Date(now + 2 * 86_400_000),
        items: [{ variantId: a.variant.id, salePrice: 8_000 }],
      }),
    );
    expect([overlap.reason, Object.keys(overlap.details?.fieldErrors as object)]).toEqual([
      "sale.overlaps",
      ["items.0.variantId"],
    ]);
    const notLower = await rejects(
      createSaleEvent(t.deps, sellerActor(shopA), {
        name: "Up",
        ...window,
        items: [{ variantId: a.variant.id, salePrice: 10_000 }],
      }),
    );
    expect(notLower.reason).toBe("sale.price_not_lower");
    const foreign = await rejects(
      createSaleEvent(t.deps, sellerActor(shopA), {
        name: "Theirs",
        ...window,
        items: [{ variantId: b.variant.id, salePrice: 5_000 }],
      }),
    );
    expect(foreign.reason).toBe("sale.variant_not_found");
    // Once cancelled, the window is free again.
    await cancelSaleEvent(t.deps, sellerActor(shopA), { id: first.id });
    const again = await createSaleEvent(t.deps, sellerActor(shopA), {
      name: "Weekend again",
      ...window,
      items: [{ variantId: a.variant.id, salePrice: 9_000 }],
    });
    expect(again.items).toMatchObject([{ variantId: a.variant.id, salePrice: 9_000, price: 10_000 }]);
  });
});

describe("shipping settings", () => {
  it("charges the configured flat fee per seller below the configured threshold", async () => {
    const a = await item(shopA, 30_000);
    const owner = await guestWith(a.variant.id, 1);
    await setCheckoutSettings(t.deps, admin, { shippingFlatFee: 9_900, freeShippingAbove: 100_000 });
    try {
      expect((await getCart(t.deps, owner)).totals).toMatchObject({ shipping: 9_900, total: 39_900 });
      await setCheckoutSettings(t.deps, admin, { freeShippingAbove: null });
      await updateCartItem(t.deps, owner, { itemId: lines(await getCart(t.deps, owner))[0]!.id, qty: 5 });
      expect((await getCart(t.deps, owner)).totals.shipping).toBe(9_900);
    } finally {
      await setCheckoutSettings(t.deps, admin, { shippingFlatFee: 4_900, freeShippingAbove: 49_900 });
    }
  });
});
