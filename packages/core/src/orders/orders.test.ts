import { randomUUID } from "node:crypto";
import { coupons, inventoryMovements, orders, productVariants, sellers, users } from "@bazaar/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCoupon } from "../cart/apply-coupon";
import { getCart } from "../cart/get-cart";
import { placeOrder } from "../checkout/place-order";
import { setCheckoutSettings } from "../checkout/set-checkout-settings";
import type { DomainError } from "../errors";
import { invoicePdf } from "../invoices/invoice-pdf";
import { createCoupon } from "../promotions/create-coupon";
import { createTestContext, rejects, type TestContext } from "../testing";
import { orderFixture } from "../testing/order-fixture";
import { getTracking } from "../tracking/get-tracking";
import { adminCancelOrder } from "./admin-cancel-order";
import { adminListOrders } from "./admin-list-orders";
import { advanceSubOrder } from "./advance-sub-order";
import { cancelMyOrder } from "./cancel-my-order";
import { customerChannel } from "./effects";
import { getMyOrder } from "./get-my-order";
import { listMyOrders } from "./list-my-orders";
import { listSellerOrders } from "./list-seller-orders";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
let ravi: Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
let meera: Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
const admin = { userId: "", role: "admin" as const, sessionId: randomUUID() };

const key = () => `test-${randomUUID()}`;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
  ravi = await fx.shop("Ravi Textiles", "Gujarat");
  meera = await fx.shop("Meera Crafts", "Karnataka");
  const a = await fx.customer();
  admin.userId = a.user.id;
});
afterAll(() => t.close());

describe("placing an order (cash on delivery)", () => {
  it("splits by seller, snapshots prices, takes the stock, empties the cart and confirms at once", async () => {
    const saree = await fx.variant(ravi, 250_000, 5, "Banarasi saree");
    const kurta = await fx.variant(ravi, 80_000, 5, "Cotton kurta");
    const lamp = await fx.variant(meera, 30_000, 5, "Brass lamp");
    const buyer = await fx.customer();
    await fx.fill(buyer, [
      [saree.id, 1],
      [kurta.id, 2],
      [lamp.id, 1],
    ]);
    const order = await placeOrder(t.deps, buyer.actor, {
      addressId: buyer.addressId,
      paymentMethod: "cod",
      idempotencyKey: key(),
    });
    expect(order).toMatchObject({
      paymentMethod: "cod",
      paymentStatus: "cod_pending",
      subtotal: 440_000,
      shipping: 4_900,
      total: 444_900,
      payment: null,
    });
    expect(order.number).toMatch(/^BZ-\d{6}-[2-9A-HJ-NP-Z]{6}$/);
    expect(order.subOrders.map((s) => [s.seller.shopName, s.status, s.items.length, s.total])).toEqual([
      ["Ravi Textiles", "confirmed", 2, 410_000],
      ["Meera Crafts", "confirmed", 1, 34_900],
    ]);
    expect(order.subOrders[0]!.timeline.map((e) => [e.from, e.to, e.actorRole])).toEqual([
      [null, "placed", "customer"],
      ["placed", "confirmed", "system"],
    ]);
    expect(order.shippingAddress).toMatchObject({ city: "Bengaluru", state: "Karnataka" });
    expect([await fx.stockOf(saree.id), await fx.stockOf(kurta.id), await fx.stockOf(lamp.id)]).toEqual([
      4, 3, 4,
    ]);
    expect((await getCart(t.deps, { userId: buyer.user.id })).groups).toEqual([]);
    const placed = await t.lastEmailTo(buyer.user.email);
    expect(placed.subject).toBe(`Order ${order.number} placed`);
    // Each seller hears about their own part, ready to pack.
    const [raviUser] = await t.deps.db.select().from(users).where(eq(users.id, ravi.userId));
    expect((await t.lastEmailTo(raviUser!.email)).subject).toBe(`New order ${order.subOrders[0]!.number}`);
    // Later price edits never change what was bought.
    await t.deps.db.update(productVariants).set({ price: 1 }).where(eq(productVariants.id, saree.id));
    expect(
      (await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).subOrders[0]!.items[0]!.unitPrice,
    ).toBe(250_000);
  });

  it("answers the same idempotency key with the same order, even sent twice at once", async () => {
    const v = await fx.variant(ravi, 10_000, 10);
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, 2]]);
    const k = key();
    const input = { addressId: buyer.addressId, paymentMethod: "cod" as const, idempotencyKey: k };
    const [a, b] = await Promise.all([
      placeOrder(t.deps, buyer.actor, input),
      placeOrder(t.deps, buyer.actor, input),
    ]);
    const c = await placeOrder(t.deps, buyer.actor, input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    const [n] = await t.deps.db
      .select({ n: count() })
      .from(orders)
      .where(eq(orders.customerId, buyer.user.id));
    expect(n!.n).toBe(1);
    expect(await fx.stockOf(v.id)).toBe(8);
  });

  it("refuses what cannot be bought, leaving nothing written", async () => {
    const v = await fx.variant(ravi, 10_000, 3);
    const buyer = await fx.customer();
    const other = await fx.customer();
    expect(
      (
        await rejects(
          placeOrder(t.deps, buyer.actor, {
            addressId: buyer.addressId,
            paymentMethod: "cod",
            idempotencyKey: key(),
          }),
        )
      ).reason,
    ).toBe("checkout.cart_empty");
    await fx.fill(buyer, [[v.id, 2]]);
    const theirs = await rejects(
      placeOrder(t.deps, buyer.actor, {
        addressId: other.addressId,
        paymentMethod: "cod",
        idempotencyKey: key(),
      }),
    );
    expect([theirs.reason, theirs.details?.fieldErrors]).toEqual([
      "address.not_found",
      { addressId: ["Choose one of your addresses"] },
    ]);
    // A price change since the customer last looked: review first.
    await t.deps.db.update(productVariants).set({ price: 12_000 }).where(eq(productVariants.id, v.id));
    const changed = await rejects(
      placeOrder(t.deps, buyer.actor, {
        addressId: buyer.addressId,
        paymentMethod: "cod",
        idempotencyKey: key(),
      }),
    );
    expect(changed.reason).toBe("checkout.cart_changed");
    expect((await getCart(t.deps, { userId: buyer.user.id })).groups[0]!.lines[0]!.notices).toEqual([
      { kind: "price_changed", from: 10_000, to: 12_000 },
    ]);
    expect(await fx.stockOf(v.id)).toBe(3);
    const [n] = await t.deps.db
      .select({ n: count() })
      .from(orders)
      .where(eq(orders.customerId, buyer.user.id));
    expect(n!.n).toBe(0);
  });

  it("holds cash on delivery to the platform cap and to shops that take it", async () => {
    const v = await fx.variant(meera, 60_000, 10);
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, 2]]);
    await setCheckoutSettings(t.deps, admin, { codMaxOrderValue: 100_000 });
    // The cart says so before the customer tries.
    expect((await getCart(t.deps, { userId: buyer.user.id })).cod).toEqual({
      available: false,
      message: "This order is too large for cash on delivery; pay online",
    });
    try {
      const cap = await rejects(
        placeOrder(t.deps, buyer.actor, {
          addressId: buyer.addressId,
          paymentMethod: "cod",
          idempotencyKey: key(),
        }),
      );
      expect([cap.reason, Object.keys(cap.details?.fieldErrors as object)]).toEqual([
        "checkout.cod_limit",
        ["paymentMethod"],
      ]);
    } finally {
      await setCheckoutSettings(t.deps, admin, { codMaxOrderValue: 5_000_000 });
    }
    await t.deps.db.update(sellers).set({ codEnabled: false }).where(eq(sellers.id, meera.id));
    expect((await getCart(t.deps, { userId: buyer.user.id })).cod).toEqual({
      available: false,
      message: "Meera Crafts only take online payment",
    });
    try {
      const off = await rejects(
        placeOrder(t.deps, buyer.actor, {
          addressId: buyer.addressId,
          paymentMethod: "cod",
          idempotencyKey: key(),
        }),
      );
      expect([off.reason, off.message]).toEqual([
        "checkout.cod_unavailable",
        "Meera Crafts only take online payment",
      ]);
    } finally {
      await t.deps.db.update(sellers).set({ codEnabled: true }).where(eq(sellers.id, meera.id));
    }
  });

  it("redeems the cart's coupon and gives it back when the whole order is cancelled", async () => {
    const v = await fx.variant(ravi, 100_000, 10);
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, 1]]);
    const c = await createCoupon(
      t.deps,
      admin,
      { sellerId: null },
      { code: `O${randomUUID().slice(0, 8)}`, kind: "fixed", amountOff: 10_000, usageLimit: 5 },
    );
    await applyCoupon(t.deps, { userId: buyer.user.id }, { code: c.code });
    const order = await placeOrder(t.deps, buyer.actor, {
      addressId: buyer.addressId,
      paymentMethod: "cod",
      idempotencyKey: key(),
    });
    expect([order.couponCode, order.couponDiscount, order.total]).toEqual([c.code, 10_000, 90_000]);
    const used = async () =>
      (await t.deps.db.select({ n: coupons.usedCount }).from(coupons).where(eq(coupons.id, c.id)))[0]!.n;
    expect(await used()).toBe(1);
    const cancelled = await cancelMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect(cancelled.subOrders.map((s) => s.status)).toEqual(["cancelled"]);
    expect(await used()).toBe(0);
    expect(await fx.stockOf(v.id)).toBe(10);
    const moves = await t.deps.db
      .select()
      .from(inventoryMovements)
      .where(eq(inventoryMovements.variantId, v.id));
    expect(moves.map((m) => m.delta).sort()).toEqual([-1, 1]);
  });
});

describe("the last units", () => {
  it("sells 10 units to exactly 10 of 200 racing buyers and tells the rest they are out of stock", async () => {
    const v = await fx.variant(meera, 5_000, 10, "Limited print");
    const buyers = await Promise.all(Array.from({ length: 200 }, () => fx.customer()));
    for (const b of buyers) await fx.fill(b, [[v.id, 1]]);
    const results = await Promise.allSettled(
      buyers.map((b) =>
        placeOrder(t.deps, b.actor, { addressId: b.addressId, paymentMethod: "cod", idempotencyKey: key() }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(10);
    expect(new Set(lost.map((r) => (r.reason as DomainError).reason))).toEqual(
      new Set(["checkout.out_of_stock"]),
    );
    expect(await fx.stockOf(v.id)).toBe(0);
  });
});

describe("fulfilment", () => {
  it("lets a seller move their part along the state machine, and nobody else's", async () => {
    const a = await fx.variant(ravi, 20_000, 5);
    const b = await fx.variant(meera, 20_000, 5);
    const buyer = await fx.customer();
    await fx.fill(buyer, [
      [a.id, 1],
      [b.id, 1],
    ]);
    const events: unknown[] = [];
    const ac = new AbortController();
    const listening = (async () => {
      for await (const e of t.deps.live.subscribe(customerChannel(buyer.user.id), ac.signal)) events.push(e);
    })();
    const order = await placeOrder(t.deps, buyer.actor, {
      addressId: buyer.addressId,
      paymentMethod: "cod",
      idempotencyKey: key(),
    });
    const [mine, theirs] = order.subOrders;
    const foreign = await rejects(
      advanceSubOrder(t.deps, ravi.actor, { subOrderId: theirs!.id, to: "packed" }),
    );
    expect(foreign.reason).toBe("order.not_found");
    const skip = await rejects(
      advanceSubOrder(t.deps, ravi.actor, { subOrderId: mine!.id, to: "delivered" }),
    );
    expect([skip.reason, skip.details?.allowed]).toEqual([
      "order.invalid_transition",
      ["packed", "cancelled"],
    ]);
    await advanceSubOrder(t.deps, ravi.actor, { subOrderId: mine!.id, to: "packed" });
    const shipped = await advanceSubOrder(t.deps, ravi.actor, {
      subOrderId: mine!.id,
      to: "shipped",
      carrier: "Delhivery",
      trackingNumber: "DLV123456",
    });
    expect(shipped).toMatchObject({
      status: "shipped",
      carrier: "Delhivery",
      trackingNumber: "DLV123456",
      nextStatuses: ["out_for_delivery"],
    });
    expect((await t.lastEmailTo(buyer.user.email)).text).toContain(
      "Carrier: Delhivery, tracking number DLV123456.",
    );
    await advanceSubOrder(t.deps, ravi.actor, { subOrderId: mine!.id, to: "out_for_delivery" });
    await advanceSubOrder(t.deps, ravi.actor, { subOrderId: mine!.id, to: "delivered" });
    // A customer may no longer cancel a delivered part; an admin may not either.
    expect(
      (await rejects(cancelMyOrder(t.deps, buyer.actor, { orderId: order.id, subOrderId: mine!.id }))).reason,
    ).toBe("order.invalid_transition");
    expect(
      (
        await rejects(
          adminCancelOrder(t.deps, admin, { orderId: order.id, subOrderId: mine!.id, reason: "test" }),
        )
      ).reason,
    ).toBe("order.invalid_transition");
    await advanceSubOrder(t.deps, meera.actor, { subOrderId: theirs!.id, to: "packed" });
    await advanceSubOrder(t.deps, meera.actor, {
      subOrderId: theirs!.id,
      to: "shipped",
      carrier: "India Post",
      trackingNumber: "EE123456789IN",
    });
    await advanceSubOrder(t.deps, meera.actor, { subOrderId: theirs!.id, to: "out_for_delivery" });
    await advanceSubOrder(t.deps, meera.actor, { subOrderId: theirs!.id, to: "delivered" });
    expect((await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).paymentStatus).toBe(
      "cod_collected",
    );
    ac.abort();
    await listening;
    const moves = (events as { subOrderId: string; to: string }[])
      .filter((e) => e.subOrderId === mine!.id)
      .map((e) => e.to);
    expect(moves).toEqual(["placed", "confirmed", "packed", "shipped", "out_for_delivery", "delivered"]);
  });

  it("lets a seller cancel with a reason before shipping, restocking it", async () => {
    const v = await fx.variant(ravi, 20_000, 5);
    const buyer = await fx.customer();
    const order = await fx.checkout(buyer, [[v.id, 2]]);
    const sub = order.subOrders[0]!;
    const done = await advanceSubOrder(t.deps, ravi.actor, {
      subOrderId: sub.id,
      to: "cancelled",
      note: "Damaged in the warehouse",
    });
    expect([done.status, done.cancelReason]).toEqual(["cancelled", "Damaged in the warehouse"]);
    expect(await fx.stockOf(v.id)).toBe(5);
    expect((await t.lastEmailTo(buyer.user.email)).text).toContain("Reason: Damaged in the warehouse");
  });

  it("lists a seller's own sub-orders and a customer's own orders, and everything for admins", async () => {
    const v = await fx.variant(meera, 7_000, 5);
    const buyer = await fx.customer();
    const order = await fx.checkout(buyer, [[v.id, 1]]);
    expect((await listMyOrders(t.deps, buyer.actor, {})).items.map((o) => o.id)).toEqual([order.id]);
    expect((await listMyOrders(t.deps, buyer.actor, { status: "delivered" })).items).toEqual([]);
    const sellerList = await listSellerOrders(t.deps, meera.actor, { status: "confirmed", limit: 100 });
    expect(sellerList.items.map((s) => s.order.id)).toContain(order.id);
    expect(
      (await listSellerOrders(t.deps, ravi.actor, { limit: 100 })).items.map((s) => s.order.id),
    ).not.toContain(order.id);
    const found = await adminListOrders(t.deps, admin, { q: buyer.user.email });
    expect(found.items.map((o) => [o.id, o.customer.email])).toEqual([[order.id, buyer.user.email]]);
    expect((await adminListOrders(t.deps, admin, { q: order.number })).items.map((o) => o.id)).toEqual([
      order.id,
    ]);
  });
});

describe("tracking and invoices", () => {
  it("tracks by a signed code without personal data, and refuses an altered one", async () => {
    const v = await fx.variant(ravi, 9_000, 5);
    const buyer = await fx.customer();
    const order = await fx.checkout(buyer, [[v.id, 1]]);
    const sub = order.subOrders[0]!;
    const tracked = await getTracking(t.deps, { code: sub.trackingCode });
    expect(tracked).toEqual({
      number: sub.number,
      status: "confirmed",
      shopName: "Ravi Textiles",
      carrier: null,
      trackingNumber: null,
      timeline: [
        { to: "placed", at: expect.any(Date) },
        { to: "confirmed", at: expect.any(Date) },
      ],
      destination: "Bengaluru, Karnataka",
    });
    expect(JSON.stringify(tracked)).not.toMatch(/Anita|Residency|9876543210/);
    const c = sub.trackingCode;
    const altered = c.slice(0, 5) + (c[5] === "A" ? "B" : "A") + c.slice(6);
    expect((await rejects(getTracking(t.deps, { code: altered }))).reason).toBe("tracking.not_found");
  });

  it("gives the GST invoice to the buyer, the seller and admins only", async () => {
    const v = await fx.variant(ravi, 112_000, 5, "Silk dupatta");
    const buyer = await fx.customer();
    const order = await fx.checkout(buyer, [[v.id, 1]]);
    const subId = order.subOrders[0]!.id;
    for (const viewer of [buyer.actor, { ...ravi.actor }, admin]) {
      const { pdf, filename } = await invoicePdf(t.deps, viewer, subId);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(filename).toBe(`INV-${order.subOrders[0]!.number}.pdf`);
    }
    const stranger = await fx.customer();
    for (const viewer of [stranger.actor, meera.actor])
      expect((await rejects(invoicePdf(t.deps, viewer, subId))).reason).toBe("invoice.not_found");
  });
});

describe("admin cancellation", () => {
  it("cancels any undelivered part with a reason, audited", async () => {
    const v = await fx.variant(ravi, 9_000, 5);
    const buyer = await fx.customer();
    const order = await fx.checkout(buyer, [[v.id, 1]]);
    const sub = order.subOrders[0]!;
    await advanceSubOrder(t.deps, ravi.actor, { subOrderId: sub.id, to: "packed" });
    await advanceSubOrder(t.deps, ravi.actor, {
      subOrderId: sub.id,
      to: "shipped",
      carrier: "Delhivery",
      trackingNumber: "DLV999999",
    });
    expect((await rejects(cancelMyOrder(t.deps, buyer.actor, { orderId: order.id }))).reason).toBe(
      "order.invalid_transition",
    );
    const done = await adminCancelOrder(t.deps, admin, { orderId: order.id, reason: "Fraud check failed" });
    expect(done.subOrders[0]!.status).toBe("cancelled");
    expect(done.subOrders[0]!.timeline.at(-1)).toMatchObject({
      from: "shipped",
      to: "cancelled",
      actorRole: "admin",
      note: "Fraud check failed",
    });
  });
});
