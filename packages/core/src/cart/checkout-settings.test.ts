import { randomUUID } from "node:crypto";
import { auditLog, settings } from "@bazaar/db";
import type { CheckoutSettings } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { setCheckoutSettings } from "../checkout";
import { createVerifiedUser } from "../identity";
import type { Actor } from "../platform/deps";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import {
  addCartItem,
  CHECKOUT_SETTINGS_KEY,
  DEFAULT_CHECKOUT_SETTINGS,
  getCart,
  getCheckoutSettings,
} from "./index";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

async function newAdmin(ctx: TestContext = t): Promise<Actor> {
  const u = await createVerifiedUser(ctx.deps, {
    email: `admin-${randomUUID()}@example.com`,
    name: "Admin",
    password: "pass-word-1",
    role: "admin",
  });
  return { userId: u.id, role: "admin", sessionId: randomUUID() };
}

/**
 * The settings are one row for the whole platform: each test sets every field it relies on
 * before it looks, so none depends on what another left behind.
 */
async function settle(admin: Actor, over: Partial<CheckoutSettings> = {}) {
  return setCheckoutSettings(t.deps, admin, { ...DEFAULT_CHECKOUT_SETTINGS, ...over });
}

/** A buyer with `qty` of one seller's item priced `price` in their cart. */
async function cartOf(price: number, qty = 1) {
  const shop = await fx.shop("Meera Crafts");
  const item = await fx.variant(shop, price, 100);
  const buyer = await fx.customer();
  if (qty) await addCartItem(t.deps, { userId: buyer.user.id }, { variantId: item.id, qty });
  return { buyer, owner: { userId: buyer.user.id }, item };
}

describe("checkout settings", () => {
  it("start from the defaults, and fill fields an older release did not save", async () => {
    // A database of its own: the platform's one settings row must not have been written yet.
    const own = await createTestContext();
    onTestFinished(() => own.close());
    expect(await getCheckoutSettings(own.deps.db)).toEqual(DEFAULT_CHECKOUT_SETTINGS);
    expect(DEFAULT_CHECKOUT_SETTINGS).toEqual({
      shippingFlatFee: 4_900,
      freeShippingAbove: 49_900,
      maxQtyPerLine: 10,
      maxUnitsPerOrder: 50,
      codMaxOrderValue: 5_000_000,
    });
    await own.deps.db
      .insert(settings)
      .values({ key: CHECKOUT_SETTINGS_KEY, value: { shippingFlatFee: 2_900 } });
    expect(await getCheckoutSettings(own.deps.db)).toEqual({
      ...DEFAULT_CHECKOUT_SETTINGS,
      shippingFlatFee: 2_900,
    });
    // A value no release could have written is not trusted at all.
    await own.deps.db
      .update(settings)
      .set({ value: { shippingFlatFee: -5 } })
      .where(eq(settings.key, CHECKOUT_SETTINGS_KEY));
    expect(await getCheckoutSettings(own.deps.db)).toEqual(DEFAULT_CHECKOUT_SETTINGS);
    // And a change from there starts from the defaults, not from the bad value.
    const admin = await newAdmin(own);
    expect(await setCheckoutSettings(own.deps, admin, { maxQtyPerLine: 4 })).toEqual({
      ...DEFAULT_CHECKOUT_SETTINGS,
      maxQtyPerLine: 4,
    });
  });

  it("change field by field, each change audited with what it was and what it became", async () => {
    const admin = await newAdmin();
    const before = await settle(admin, { shippingFlatFee: 3_900 });
    const after = await setCheckoutSettings(t.deps, admin, { freeShippingAbove: null, maxUnitsPerOrder: 20 });
    expect(after).toEqual({ ...before, freeShippingAbove: null, maxUnitsPerOrder: 20 });
    expect(await getCheckoutSettings(t.deps.db)).toEqual(after);
    const [row] = await t.deps.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, "settings.checkout_set"), eq(auditLog.actorId, admin.userId)))
      .orderBy(auditLog.createdAt)
      .offset(1);
    expect(row?.data).toEqual({ before, after });
  });

  it("refuse a value out of range by field, changing nothing", async () => {
    const admin = await newAdmin();
    const before = await settle(admin);
    for (const [input, field] of [
      [{ shippingFlatFee: -1 }, "shippingFlatFee"],
      [{ maxQtyPerLine: 0 }, "maxQtyPerLine"],
      [{ maxUnitsPerOrder: 10_001 }, "maxUnitsPerOrder"],
      [{ codMaxOrderValue: 1.5 }, "codMaxOrderValue"],
    ] as const) {
      await expect(setCheckoutSettings(t.deps, admin, input), field).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: [field] })],
      });
    }
    expect(await getCheckoutSettings(t.deps.db)).toEqual(before);
  });

  it("set the shipping a cart pays: the flat fee below the threshold, nothing from it, always without one", async () => {
    const admin = await newAdmin();
    await settle(admin, { shippingFlatFee: 9_900, freeShippingAbove: 100_000 });
    const { owner, item } = await cartOf(60_000);
    expect((await getCart(t.deps, owner)).totals).toMatchObject({
      subtotal: 60_000,
      shipping: 9_900,
      total: 69_900,
    });
    await addCartItem(t.deps, owner, { variantId: item.id, qty: 1 });
    expect((await getCart(t.deps, owner)).totals).toMatchObject({ subtotal: 120_000, shipping: 0 });
    await settle(admin, { shippingFlatFee: 9_900, freeShippingAbove: null });
    expect((await getCart(t.deps, owner)).totals).toMatchObject({ subtotal: 120_000, shipping: 9_900 });
  });

  it("set how many of one item and how many units in all a cart may hold", async () => {
    const admin = await newAdmin();
    await settle(admin, { maxQtyPerLine: 3, maxUnitsPerOrder: 5 });
    const { owner, item } = await cartOf(1_000, 0);
    const line = await rejects(addCartItem(t.deps, owner, { variantId: item.id, qty: 4 }));
    expect(line.reason).toBe("cart.line_limit");
    await addCartItem(t.deps, owner, { variantId: item.id, qty: 3 });
    const other = await fx.variant(await fx.shop("Ravi Textiles"), 2_000, 100);
    await addCartItem(t.deps, owner, { variantId: other.id, qty: 2 });
    const order = await rejects(addCartItem(t.deps, owner, { variantId: other.id, qty: 1 }));
    expect([order.reason, order.details?.max]).toEqual(["cart.order_limit", 5]);
  });

  it("set the largest order cash on delivery may pay for", async () => {
    const admin = await newAdmin();
    await settle(admin, { codMaxOrderValue: 100_000 });
    const { owner } = await cartOf(150_000);
    expect((await getCart(t.deps, owner)).cod).toEqual({
      available: false,
      message: "This order is too large for cash on delivery; pay online",
    });
    await settle(admin, { codMaxOrderValue: null });
    expect((await getCart(t.deps, owner)).cod).toMatchObject({ available: true });
  });
});
