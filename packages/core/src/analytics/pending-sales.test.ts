import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobHandlers } from "../jobs";
import { cancelMyOrder } from "../orders/cancel-my-order";
import { rowsOf } from "../platform/raw-rows";
import { createTestContext, type TestContext } from "../testing";
import { analyticsOracle } from "../testing/analytics-oracle";
import { orderFixture } from "../testing/order-fixture";
import { foldPendingSales, getSellerDashboard } from ".";
import { istDate } from "./period";

// Checkout books its sub-orders for the rollups instead of updating them in the order's
// transaction; a fold adds them later. Other test files place orders at the same time, so these
// tests look only at their own shops and bookings, never at how many a fold took in all.

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function shopWithBuyers(buyers: number) {
  const fx = orderFixture(t);
  const shop = await fx.shop(`Pending ${randomUUID().slice(0, 6)}`);
  const mug = await fx.variant(shop, 20_000, 1_000, "Mug");
  const people = await Promise.all([...Array(buyers)].map(() => fx.customer()));
  return { fx, shop, mug, people };
}

/** What the shop's rollup rows say now, without folding (the dashboards would fold first). */
const rolledUp = async (sellerId: string) =>
  (
    await rowsOf<{ gross: number; orders: number }>(
      t.deps.db,
      sql`select coalesce(sum(gross), 0)::int as gross, coalesce(sum(orders), 0)::int as orders
          from analytics_seller_daily where seller_id = ${sellerId}`,
    )
  )[0]!;

const booked = async (subOrderIds: string[]) =>
  (
    await rowsOf<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from analytics_pending
          where sub_order_id = any(${`{${subOrderIds.join(",")}}`}::uuid[])`,
    )
  )[0]!.n;

const today = () => istDate(t.deps.now());

describe("sales booked by checkout and folded later", () => {
  it("an order leaves the rollups alone until a fold, and a dashboard folds before it reads", async () => {
    const { fx, shop, mug, people } = await shopWithBuyers(2);
    const orders = await Promise.all(people.map((b) => fx.checkout(b, [[mug.id, 2]])));
    const subs = orders.flatMap((o) => o.subOrders.map((s) => s.id));
    expect(await booked(subs)).toBe(2);
    expect(await rolledUp(shop.id)).toEqual({ gross: 0, orders: 0 });

    const dash = await getSellerDashboard(t.deps, shop.actor, {
      from: today(),
      to: today(),
      granularity: "day",
    });
    expect(dash.kpis.orders.value).toBe(2);
    expect(dash.kpis.grossSales.value).toBe(orders.reduce((a, o) => a + o.subOrders[0]!.total, 0));
    expect(await booked(subs)).toBe(0);
    expect(await rolledUp(shop.id)).toEqual({ gross: dash.kpis.grossSales.value, orders: 2 });
  });

  it("counts each order once when folds race each other and the repeating job", async () => {
    const { fx, shop, mug, people } = await shopWithBuyers(8);
    const orders = await Promise.all(people.map((b) => fx.checkout(b, [[mug.id, 1]])));
    const fold = jobHandlers(t.deps)["analytics.fold-pending"];
    await Promise.all([
      foldPendingSales(t.deps.db, 3),
      foldPendingSales(t.deps.db, 3),
      foldPendingSales(t.deps.db),
      fold({}, { attempt: 1, jobId: "test" }),
    ]);
    expect(await booked(orders.flatMap((o) => o.subOrders.map((s) => s.id)))).toBe(0);
    const expected = (await analyticsOracle(t.deps.db)).seller(shop.id, today(), today());
    expect(await rolledUp(shop.id)).toEqual({ gross: expected.grossSales, orders: 8 });
  });

  it("a cancellation before the fold is counted once, as cancelled", async () => {
    const { fx, shop, mug, people } = await shopWithBuyers(3);
    const orders = await Promise.all(people.map((b) => fx.checkout(b, [[mug.id, 1]])));
    await cancelMyOrder(t.deps, people[0]!.actor, { orderId: orders[0]!.id });
    await foldPendingSales(t.deps.db);
    const oracle = (await analyticsOracle(t.deps.db)).seller(shop.id, today(), today());
    const dash = await getSellerDashboard(t.deps, shop.actor, {
      from: today(),
      to: today(),
      granularity: "day",
    });
    expect(dash.kpis.orders.value).toBe(2);
    expect(dash.kpis.revenue.value).toBe(oracle.revenue);
    expect(dash.kpis.grossSales.value).toBe(oracle.grossSales);
  });

  it("a fold that fails midway leaves its bookings for the next one and moves no figure", async () => {
    const { fx, shop, mug, people } = await shopWithBuyers(2);
    const orders = await Promise.all(people.map((b) => fx.checkout(b, [[mug.id, 1]])));
    const subs = orders.flatMap((o) => o.subOrders.map((s) => s.id));
    await expect(
      t.deps.db.transaction(async (tx) => {
        expect(await foldPendingSales(tx)).toBeGreaterThanOrEqual(2);
        throw new Error("connection lost");
      }),
    ).rejects.toThrow("connection lost");
    expect(await booked(subs)).toBe(2);
    expect(await rolledUp(shop.id)).toEqual({ gross: 0, orders: 0 });
    await foldPendingSales(t.deps.db);
    expect((await rolledUp(shop.id)).orders).toBe(2);
  });
});
