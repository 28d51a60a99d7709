import { randomUUID } from "node:crypto";
import { sellers } from "@bazaar/db";
import type { AnalyticsGranularity, OrderDto } from "@bazaar/schemas";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCoupon } from "../cart/apply-coupon";
import { placeOrder } from "../checkout/place-order";
import { advanceSubOrder } from "../orders/advance-sub-order";
import { cancelMyOrder } from "../orders/cancel-my-order";
import { completeDevPayment, type DevGateway } from "../payments";
import { confirmPayment } from "../payments/confirm-payment";
import { receiveStripeWebhook } from "../payments/receive-stripe-webhook";
import { createStripeGateway } from "../payments/stripe-gateway";
import type { Actor, Deps } from "../platform/deps";
import { createCoupon } from "../promotions/create-coupon";
import { approveReturn } from "../returns/approve-return";
import { receiveReturn } from "../returns/receive-return";
import { rejectReturn } from "../returns/reject-return";
import { requestReturn } from "../returns/request-return";
import { createTestContext, type TestContext } from "../testing";
import { analyticsOracle } from "../testing/analytics-oracle";
import { orderFixture } from "../testing/order-fixture";
import { type StripeStub, startStripeStub } from "../testing/stripe-stub";
import {
  backfillAnalyticsIfEmpty,
  getAdminDashboard,
  getAdminHome,
  getAdminTopCategories,
  getAdminTopShops,
  getSellerDashboard,
  getSellerTopProducts,
  rebuildAnalytics,
} from ".";
import { addDays, bucketOf, istDate } from "./period";

let t: TestContext;
let stub: StripeStub;
let fx: ReturnType<typeof orderFixture>;
type Shop = Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
type Buyer = Awaited<ReturnType<ReturnType<typeof orderFixture>["customer"]>>;
const admin: Actor = { userId: "", role: "admin", sessionId: randomUUID() };
const UPI = { kind: "upi" as const, upiId: "anita.rao@okaxis" };

/** The instant of an India date and time, e.g. ("2026-03-10", "23:50"). */
const istAt = (day: string, time: string) => new Date(`${day}T${time}:00+05:30`);
/** The deps with the clock stopped at `at`: the order is placed (and paid) then. */
const at = (when: Date): Deps => ({ ...t.deps, now: () => when });

let today: string;
let d1: string;
let d2: string;
let shopA: Shop;
let shopB: Shop;
let stripePaid: OrderDto;

const STRIPE_KEYS = {
  secretKey: "sk_test_BazaarStub123",
  publishableKey: "pk_test_BazaarStub123",
  webhookSecret: "whsec_BazaarStubSecret",
};

beforeAll(async () => {
  // Stripe beside Razorpay (a local stub of its API), so the payment split has three parts.
  stub = await startStripeStub(STRIPE_KEYS);
  t = await createTestContext({
    stripe: createStripeGateway({ ...STRIPE_KEYS, apiUrl: stub.url, timeoutMs: 2_000 }),
  });
  fx = orderFixture(t);
  admin.userId = (await fx.customer()).user.id;
  today = istDate(t.deps.now());
  d1 = addDays(today, -6);
  d2 = addDays(today, -5);
  shopA = await fx.shop("Analytics A");
  shopB = await fx.shop("Analytics B");
  await t.deps.db.update(sellers).set({ commissionBps: 1250 }).where(eq(sellers.id, shopA.id));
  await t.deps.db.update(sellers).set({ commissionBps: 800 }).where(eq(sellers.id, shopB.id));
  await realisticMix();
});
afterAll(async () => {
  await t.close();
  await stub.close();
});

async function place(
  buyer: Buyer,
  lines: [string, number][],
  when: Date,
  opts: { method?: "cod" | "razorpay" | "stripe"; pay?: boolean; couponBps?: number } = {},
) {
  await fx.fill(buyer, lines);
  if (opts.couponBps) {
    // The coupon starts before the (past) moment of the order.
    const c = await createCoupon(
      at(new Date(when.getTime() - 3_600_000)),
      admin,
      { sellerId: null },
      { code: `AN${randomUUID().slice(0, 8)}`, kind: "percent", percentBps: opts.couponBps, usageLimit: 5 },
    );
    await applyCoupon(at(when), { userId: buyer.user.id }, { code: c.code });
  }
  const method = opts.method ?? "cod";
  let order = await placeOrder(at(when), buyer.actor, {
    addressId: buyer.addressId,
    paymentMethod: method,
    idempotencyKey: `k-${randomUUID()}`,
  });
  if (method === "razorpay" && opts.pay !== false) {
    const { redirectParams } = completeDevPayment(t.deps.payments as DevGateway, {
      orderId: order.payment!.razorpayOrderId,
      outcome: "pay",
    });
    const ok = redirectParams as Record<string, string>;
    order = await confirmPayment(at(new Date(when.getTime() + 60_000)), buyer.actor, {
      razorpayOrderId: ok.razorpay_order_id!,
      razorpayPaymentId: ok.razorpay_payment_id!,
      signature: ok.razorpay_signature!,
    });
  }
  if (method === "stripe" && opts.pay !== false) {
    // Paid as Stripe tells us: its signed payment_intent.succeeded webhook, settled by the job.
    const succeeded = stub.pay(order.payment!.razorpayOrderId);
    await receiveStripeWebhook(t.deps, {
      rawBody: Buffer.from(succeeded.body),
      signature: succeeded.signature,
    });
    await t.drain();
  }
  return order;
}

async function deliver(shop: Shop, subOrderId: string) {
  await advanceSubOrder(t.deps, shop.actor, { subOrderId, to: "packed" });
  await advanceSubOrder(t.deps, shop.actor, {
    subOrderId,
    to: "shipped",
    carrier: "Delhivery",
    trackingNumber: "DL12345678",
  });
  await advanceSubOrder(t.deps, shop.actor, { subOrderId, to: "out_for_delivery" });
  await advanceSubOrder(t.deps, shop.actor, { subOrderId, to: "delivered" });
}

/** Returns `qty` units of `orderItemId` and has the shop receive them (refund booked). */
async function giveBack(
  shop: Shop,
  buyer: Buyer,
  subOrderId: string,
  lines: { orderItemId: string; qty: number }[],
  cod: boolean,
  outcome: "received" | "requested" | "rejected" = "received",
) {
  const r = await requestReturn(t.deps, buyer.actor, {
    subOrderId,
    lines: lines.map((l) => ({ ...l, reason: "damaged" as const })),
    ...(cod && { refundAccount: UPI }),
  });
  if (outcome === "requested") return;
  if (outcome === "rejected") {
    await rejectReturn(t.deps, shop.actor, { id: r.id, reason: "Item shows signs of use" });
    return;
  }
  await approveReturn(t.deps, shop.actor, { id: r.id });
  await receiveReturn(t.deps, shop.actor, {
    id: r.id,
    lines: lines.map((l) => ({ orderItemId: l.orderItemId, restock: true })),
  });
}

const subOf = (order: OrderDto, shop: Shop) => order.subOrders.find((s) => s.seller.id === shop.id)!;

/**
 * Orders placed across two IST days (23:50 on d1, 00:10 on d2 — still d1 in UTC), COD and
 * online, with a coupon, a part cancelled before and after payment, an unpaid and an
 * abandoned online order, deliveries, a partial return, a whole return, a return only asked
 * for and a rejected one.
 */
async function realisticMix() {
  const a1 = await fx.variant(shopA, 40_000, 500, "Kurta");
  const a2 = await fx.variant(shopA, 12_500, 500, "Scarf");
  const b1 = await fx.variant(shopB, 99_900, 500, "Lamp");
  const [u1, u2, u3, u4] = [
    await fx.customer(),
    await fx.customer(),
    await fx.customer(),
    await fx.customer(),
  ];

  // d1 23:50 IST, COD, both shops, coupon: A's part delivered, 1 of 3 kurtas returned; B's part cancelled.
  const o1 = await place(
    u1,
    [
      [a1.id, 3],
      [a2.id, 1],
      [b1.id, 1],
    ],
    istAt(d1, "23:50"),
    { couponBps: 1000 },
  );
  await deliver(shopA, subOf(o1, shopA).id);
  await advanceSubOrder(t.deps, shopB.actor, {
    subOrderId: subOf(o1, shopB).id,
    to: "cancelled",
    note: "Out of stock",
  });
  const kurta = subOf(o1, shopA).items.find((i) => i.variantId === a1.id)!;
  await giveBack(shopA, u1, subOf(o1, shopA).id, [{ orderItemId: kurta.id, qty: 1 }], true);

  // d2 00:10 IST (d1 18:40 UTC), online and paid, both shops: B delivered and wholly returned;
  // A's part cancelled by the buyer after payment (refunded).
  const o2 = await place(
    u2,
    [
      [a2.id, 2],
      [b1.id, 1],
    ],
    istAt(d2, "00:10"),
    { method: "razorpay" },
  );
  await cancelMyOrder(t.deps, u2.actor, { orderId: o2.id, subOrderId: subOf(o2, shopA).id });
  await deliver(shopB, subOf(o2, shopB).id);
  const lamp = subOf(o2, shopB).items[0]!;
  await giveBack(shopB, u2, subOf(o2, shopB).id, [{ orderItemId: lamp.id, qty: 1 }], false);

  // d2 05:00 IST, online never paid: never counts; another online one abandoned (cancelled unpaid).
  await place(u3, [[a1.id, 1]], istAt(d2, "05:00"), { method: "razorpay", pay: false });
  const o4 = await place(u3, [[a2.id, 4]], istAt(d2, "06:00"), { method: "razorpay", pay: false });
  await cancelMyOrder(t.deps, u3.actor, { orderId: o4.id });

  // Today: COD delivered with a return only asked for and one rejected; an open paid order.
  const o5 = await place(
    u4,
    [
      [a1.id, 2],
      [a2.id, 2],
    ],
    new Date(t.deps.now().getTime() - 60_000),
  );
  await deliver(shopA, subOf(o5, shopA).id);
  const [i5a, i5b] = subOf(o5, shopA).items;
  await giveBack(shopA, u4, subOf(o5, shopA).id, [{ orderItemId: i5a!.id, qty: 1 }], true, "requested");
  await giveBack(shopA, u4, subOf(o5, shopA).id, [{ orderItemId: i5b!.id, qty: 2 }], true, "rejected");
  await place(u4, [[b1.id, 2]], new Date(t.deps.now().getTime() - 30_000), { method: "razorpay" });

  // Today, by card through Stripe: one paid (counted under stripe), one never paid (never counts).
  stripePaid = await place(u4, [[a2.id, 1]], new Date(t.deps.now().getTime() - 20_000), { method: "stripe" });
  await place(u3, [[b1.id, 1]], new Date(t.deps.now().getTime() - 10_000), { method: "stripe", pay: false });
}

/** Floats (rates, changes) are compared to 9 places; everything else exactly. */
const near = (v: number) => expect.closeTo(v, 9);

const RANGES = (): [string, string][] => [
  [d1, d1],
  [d2, d2],
  [d1, today],
  [addDays(today, -29), today],
  [addDays(today, -400), today],
  // Whole months and the days either side (the shop ranking reads months where it can).
  [`${addDays(today, -90).slice(0, 7)}-01`, addDays(today, -2)],
];
const GRANULARITIES: AnalyticsGranularity[] = ["day", "week", "month"];

describe("seller dashboard", () => {
  it("reads a mix that holds what it claims: returns received, parts cancelled, unpaid orders left out", async () => {
    const oracle = await analyticsOracle(t.deps.db);
    // A on d1: 3 kurtas and a scarf delivered, 1 kurta back; B on d2: the lamp delivered and back.
    expect(oracle.seller(shopA.id, d1, d1)).toMatchObject({
      deliveredUnits: 4,
      returnedUnits: 1,
      units: 3,
      orders: 1,
    });
    expect(oracle.seller(shopB.id, d2, d2)).toMatchObject({
      deliveredUnits: 1,
      returnedUnits: 1,
      units: 0,
      revenue: 0,
    });
    const got = await getSellerDashboard(t.deps, shopA.actor, { from: d1, to: d1, granularity: "day" });
    expect(got.kpis.returnsRate.value).toBe(0.25);
    const all = oracle.admin(d1, today);
    expect(all.gmv).toBeGreaterThan(all.netRevenue);
    // Five orders count: two on d1/d2 and three today (the race test may add more later).
    expect(oracle.admin(d1, d2).orders).toBe(2);
  });

  it("matches a recomputation from the raw rows, for each shop, range and granularity, with the previous period", async () => {
    const oracle = await analyticsOracle(t.deps.db);
    for (const shop of [shopA, shopB])
      for (const [from, to] of RANGES())
        for (const granularity of GRANULARITIES) {
          const got = await getSellerDashboard(t.deps, shop.actor, { from, to, granularity });
          const days = got.period.days;
          const prevTo = addDays(from, -1);
          const prevFrom = addDays(prevTo, -(days - 1));
          expect(got.previousPeriod).toEqual({ from: prevFrom, to: prevTo, days });
          const now = oracle.seller(shop.id, from, to);
          const before = oracle.seller(shop.id, prevFrom, prevTo);
          for (const k of ["revenue", "grossSales", "orders", "units", "averageOrderValue"] as const) {
            expect(got.kpis[k].value, `${shop.shopName} ${k} ${from}..${to}`).toBe(now[k]);
            expect(got.kpis[k].previous).toBe(before[k]);
          }
          expect(got.kpis.returnsRate.value).toEqual(near(now.returnsRate));
          expect(got.kpis.returnsRate.previous).toEqual(near(before.returnsRate));
          // The series adds up to the period and each bucket matches the oracle over its days.
          expect(got.series.reduce((a, b) => a + b.revenue, 0)).toBe(now.revenue);
          for (const b of got.series) {
            const last = [...Array(40).keys()]
              .map((i) => addDays(b.date, i))
              .filter((d) => bucketOf(d, granularity) === b.date)
              .pop()!;
            // The bucket's days inside the range (ISO dates sort as text).
            const [start, end] = [[b.date, from].sort()[1]!, [last, to].sort()[0]!];
            const f = oracle.seller(shop.id, start, end);
            expect({ revenue: b.revenue, orders: b.orders, units: b.units }).toEqual({
              revenue: f.revenue,
              orders: f.orders,
              units: f.units,
            });
          }
        }
  });

  it("books an order on its India date: 00:10 IST is the next day though still the day before in UTC", async () => {
    const oracle = await analyticsOracle(t.deps.db);
    const onD1 = await getSellerDashboard(t.deps, shopB.actor, { from: d1, to: d1, granularity: "day" });
    const onD2 = await getSellerDashboard(t.deps, shopB.actor, { from: d2, to: d2, granularity: "day" });
    // B's d1 part (placed 23:50 IST) was cancelled: gross, no order, no revenue. Its d2 order
    // (placed 00:10 IST, 18:40 UTC the day before) is on d2, not d1.
    expect(onD1.kpis.grossSales.value).toBe(oracle.seller(shopB.id, d1, d1).grossSales);
    expect(onD1.kpis.grossSales.value).toBeGreaterThan(0);
    expect(onD1.kpis.orders.value).toBe(0);
    expect(onD1.kpis.revenue.value).toBe(0);
    expect(onD2.kpis.orders.value).toBe(1);
    const aOnD1 = await getSellerDashboard(t.deps, shopA.actor, { from: d1, to: d1, granularity: "day" });
    expect(aOnD1.kpis.orders.value).toBe(1);
    expect(aOnD1.series).toEqual([expect.objectContaining({ date: d1, orders: 1 })]);
    expect(new Date(`${d2}T00:10:00+05:30`).toISOString().slice(0, 10)).toBe(d1);
  });

  it("shows a shop only its own sales: a new shop sees nothing, another shop's products never appear", async () => {
    const empty = await fx.shop("Analytics Empty");
    const got = await getSellerDashboard(t.deps, empty.actor, { from: d1, to: today, granularity: "week" });
    expect(Object.values(got.kpis).every((k) => k.value === 0 && k.previous === 0 && k.change === null)).toBe(
      true,
    );
    expect(await getSellerTopProducts(t.deps, empty.actor, { from: d1, to: today, limit: 10 })).toEqual([]);
    const bTop = await getSellerTopProducts(t.deps, shopB.actor, { from: d1, to: today, limit: 10 });
    const aTop = await getSellerTopProducts(t.deps, shopA.actor, { from: d1, to: today, limit: 10 });
    expect(bTop.map((p) => p.title)).toEqual(["Lamp"]);
    expect(aTop.map((p) => p.title).sort()).toEqual(["Kurta", "Scarf"]);
  });

  it("ranks top products as the raw rows do (net of returns and cancellations)", async () => {
    const oracle = await analyticsOracle(t.deps.db);
    for (const shop of [shopA, shopB])
      for (const [from, to] of RANGES()) {
        const got = await getSellerTopProducts(t.deps, shop.actor, { from, to, limit: 10 });
        expect(got).toEqual(oracle.topProducts(shop.id, from, to));
      }
  });
});

describe("admin dashboard", () => {
  it("matches a recomputation from the raw rows: GMV, net revenue, commission, orders, sign-ups, refund rate, payment split", async () => {
    const oracle = await analyticsOracle(t.deps.db);
    for (const [from, to] of RANGES())
      for (const granularity of GRANULARITIES) {
        const got = await getAdminDashboard(t.deps, admin, { from, to, granularity });
        const now = oracle.admin(from, to);
        const before = oracle.admin(got.previousPeriod.from, got.previousPeriod.to);
        for (const k of [
          "gmv",
          "netRevenue",
          "commission",
          "orders",
          "averageOrderValue",
          "newCustomers",
          "newSellers",
        ] as const) {
          expect(got.kpis[k].value, `${k} ${from}..${to}`).toBe(now[k]);
          expect(got.kpis[k].previous, `previous ${k} ${from}..${to}`).toBe(before[k]);
        }
        expect(got.kpis.refundRate.value).toEqual(near(now.refundRate));
        expect(got.paymentMethods).toEqual(now.paymentMethods.map((m) => ({ ...m, share: near(m.share) })));
        expect(got.series.reduce((a, b) => a + b.gmv, 0)).toBe(now.gmv);
        expect(got.series.reduce((a, b) => a + b.newCustomers, 0)).toBe(now.newCustomers);
      }
  });

  it("splits payments into Razorpay, Stripe and cash on delivery: a Stripe-paid order is Stripe's, not Razorpay's", async () => {
    const oracle = await analyticsOracle(t.deps.db);
    const got = await getAdminDashboard(t.deps, admin, { from: today, to: today, granularity: "day" });
    expect(got.paymentMethods.map((m) => m.method)).toEqual(["razorpay", "stripe", "cod"]);
    const byMethod = Object.fromEntries(got.paymentMethods.map((m) => [m.method, m]));
    // The only Stripe orders: one paid today, one never paid.
    expect(byMethod.stripe).toMatchObject({ orders: 1, gmv: stripePaid.total });
    expect(byMethod.stripe!.share).toEqual(near(stripePaid.total / got.kpis.gmv.value));
    const shares = got.paymentMethods.reduce((a, m) => a + m.share, 0);
    expect(shares).toEqual(near(1));
    expect(got.paymentMethods).toEqual(
      oracle.admin(today, today).paymentMethods.map((m) => ({ ...m, share: near(m.share) })),
    );
  });

  it("ranks top shops and top categories as the raw rows do", async () => {
    const oracle = await analyticsOracle(t.deps.db);
    for (const [from, to] of RANGES()) {
      expect(await getAdminTopShops(t.deps, admin, { from, to, limit: 50 })).toEqual(
        oracle.topShops(from, to).slice(0, 50),
      );
      expect(await getAdminTopCategories(t.deps, admin, { from, to, limit: 50 })).toEqual(
        oracle.topCategories(from, to).slice(0, 50),
      );
    }
  });

  it("home: today, the last 7 and 30 days beside the periods before them", async () => {
    const oracle = await analyticsOracle(t.deps.db);
    const home = await getAdminHome(t.deps, admin);
    for (const [key, days] of [
      ["today", 1],
      ["last7Days", 7],
      ["last30Days", 30],
    ] as const) {
      const from = addDays(today, -(days - 1));
      expect(home[key].period).toEqual({ from, to: today, days });
      const now = oracle.admin(from, today);
      const before = oracle.admin(addDays(from, -days), addDays(from, -1));
      expect(home[key].kpis.gmv).toMatchObject({ value: now.gmv, previous: before.gmv });
      expect(home[key].kpis.netRevenue).toMatchObject({ value: now.netRevenue, previous: before.netRevenue });
      expect(home[key].kpis.orders).toMatchObject({ value: now.orders, previous: before.orders });
      expect(home[key].kpis.commission.value).toBe(now.commission);
    }
  });
});

describe("rollups", () => {
  it("rebuilt from raw rows equal the ones kept incrementally", async () => {
    const ranges = RANGES();
    const snapshot = async () =>
      Promise.all([
        ...ranges.map(([from, to]) => getAdminDashboard(t.deps, admin, { from, to, granularity: "day" })),
        ...ranges.map(([from, to]) =>
          getSellerDashboard(t.deps, shopA.actor, { from, to, granularity: "day" }),
        ),
        ...ranges.map(([from, to]) => getAdminTopCategories(t.deps, admin, { from, to, limit: 50 })),
        ...ranges.map(([from, to]) => getSellerTopProducts(t.deps, shopB.actor, { from, to, limit: 50 })),
      ]);
    const before = await snapshot();
    await rebuildAnalytics(t.deps.db);
    expect(await snapshot()).toEqual(before);
  });

  it("are backfilled at start when orders exist but the rollups are empty (an upgraded database), and only then", async () => {
    const ranges = RANGES();
    const snapshot = () =>
      Promise.all(
        ranges.map(([from, to]) => getAdminDashboard(t.deps, admin, { from, to, granularity: "day" })),
      );
    const before = await snapshot();
    expect(await backfillAnalyticsIfEmpty(t.deps.db)).toBe(false);
    await t.deps.db.execute(sql`truncate analytics_sub_order_facts, analytics_line_facts, analytics_seller_daily,
      analytics_platform_daily, analytics_product_daily, analytics_category_daily, analytics_seller_monthly`);
    expect(await backfillAnalyticsIfEmpty(t.deps.db)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("stay exact when checkouts and cancellations of one day race", async () => {
    const shop = await fx.shop("Analytics Race");
    const v = await fx.variant(shop, 10_000, 1_000, "Mug");
    const buyers = await Promise.all([...Array(6)].map(() => fx.customer()));
    const orders = await Promise.all(buyers.map((b) => place(b, [[v.id, 2]], t.deps.now())));
    await Promise.all(
      orders.slice(0, 3).map((o, i) => cancelMyOrder(t.deps, buyers[i]!.actor, { orderId: o.id })),
    );
    const oracle = await analyticsOracle(t.deps.db);
    const got = await getSellerDashboard(t.deps, shop.actor, { from: today, to: today, granularity: "day" });
    expect(got.kpis.orders.value).toBe(3);
    expect(got.kpis.revenue.value).toBe(oracle.seller(shop.id, today, today).revenue);
    const adminNow = await getAdminDashboard(t.deps, admin, { from: today, to: today, granularity: "day" });
    expect(adminNow.kpis.gmv.value).toBe(oracle.admin(today, today).gmv);
  });
});
