import { randomUUID } from "node:crypto";
import type { OrderDto } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "../checkout/place-order";
import { cancelMyOrder } from "../orders/cancel-my-order";
import type { Actor } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import { createTestContext, type TestContext } from "../testing";
import { analyticsOracle } from "../testing/analytics-oracle";
import { orderFixture } from "../testing/order-fixture";
import {
  foldPendingSales,
  foldRecentRollupShards,
  getAdminTopCategories,
  getAdminTopShops,
  getSellerDashboard,
  getSellerTopProducts,
  rebuildAnalytics,
} from ".";
import { addDays, istDate } from "./period";

/** The instant of an India date at noon. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+05:30`);

// A shop's flash sale: many orders of one shop, one category and one product commit at once.
// The rollups they feed are sharded (each order adds to its own shard's row, so the orders do
// not queue on one row); every figure must still count each order exactly once.

let t: TestContext;
const admin: Actor = { userId: randomUUID(), role: "admin", sessionId: randomUUID() };

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
const partOf = (o: OrderDto, sellerId: string) => o.subOrders.find((s) => s.seller.id === sellerId)!;
const linesOf = (orders: OrderDto[], productId: string) =>
  orders.flatMap((o) => o.subOrders.flatMap((s) => s.items.filter((i) => i.productId === productId)));

/** Ten buyers check out at the same instant, each from two shops; one fixture = one category of its own. */
async function flashSale(buyers = 10) {
  const fx = orderFixture(t);
  const shop = await fx.shop(`Flash ${randomUUID().slice(0, 6)}`);
  const other = await fx.shop(`Beside ${randomUUID().slice(0, 6)}`);
  const mug = await fx.variant(shop, 25_000, 1_000, "Mug");
  const tee = await fx.variant(shop, 40_000, 1_000, "Tee");
  const cap = await fx.variant(other, 15_000, 1_000, "Cap");
  const people = await Promise.all([...Array(buyers)].map(() => fx.customer()));
  const orders = await Promise.all(
    people.map((b, i) =>
      fx.checkout(b, [
        [mug.id, 1],
        [tee.id, 1 + (i % 3)],
        [cap.id, 1],
      ]),
    ),
  );
  return { fx, shop, other, mug, tee, cap, people, orders };
}

describe("sharded rollups under a flash sale", () => {
  it("count every one of ten simultaneous orders of one shop: dashboard, top products, top category, top shops", async () => {
    const { shop, mug, tee, cap, people, orders } = await flashSale(10);
    const today = istDate(t.deps.now());
    const range = { from: today, to: today };
    const mine = orders.map((o) => partOf(o, shop.id));
    const gross = sum(mine.map((s) => s.total));
    const units = sum(mine.flatMap((s) => s.items.map((i) => i.qty)));

    const dash = await getSellerDashboard(t.deps, shop.actor, { ...range, granularity: "day" });
    expect(dash.kpis.orders.value).toBe(10);
    expect(dash.kpis.grossSales.value).toBe(gross);
    expect(dash.kpis.revenue.value).toBe(gross);
    expect(dash.kpis.units.value).toBe(units);
    expect(dash.series).toEqual([
      expect.objectContaining({ date: today, orders: 10, grossSales: gross, units }),
    ]);

    const top = await getSellerTopProducts(t.deps, shop.actor, { ...range, limit: 10 });
    const expectLine = (productId: string) => {
      const lines = linesOf(orders, productId);
      return {
        productId,
        revenue: sum(lines.map((l) => l.lineTotal)),
        units: sum(lines.map((l) => l.qty)),
        orders: 10,
      };
    };
    expect(
      top.map(({ productId, revenue, units, orders }) => ({ productId, revenue, units, orders })),
    ).toEqual([expectLine(tee.product.id), expectLine(mug.product.id)]);

    const everyLine = orders.flatMap((o) => o.subOrders.flatMap((s) => s.items));
    const categories = await getAdminTopCategories(t.deps, admin, { ...range, limit: 50 });
    expect(categories.find((c) => c.categoryId === cap.product.categoryId)).toMatchObject({
      revenue: sum(everyLine.map((l) => l.lineTotal)),
      units: sum(everyLine.map((l) => l.qty)),
    });

    const shops = await getAdminTopShops(t.deps, admin, { ...range, limit: 50 });
    expect(shops.find((s) => s.sellerId === shop.id)).toMatchObject({ revenue: gross, orders: 10 });

    // The orders really were spread: one shop's day is kept in several rows, one per shard used.
    const [spread] = await rowsOf<{ rows: number; shards: number }>(
      t.deps.db,
      sql`select count(*)::int as rows, count(distinct shard)::int as shards
          from analytics_seller_daily where seller_id = ${shop.id}`,
    );
    expect(spread!.shards).toBeGreaterThan(1);
    expect(spread!.rows).toBe(spread!.shards);

    // Three of them cancelled at once: each cancellation lands on its own order's shard.
    await Promise.all(
      orders.slice(0, 3).map((o, i) => cancelMyOrder(t.deps, people[i]!.actor, { orderId: o.id })),
    );
    const after = await getSellerDashboard(t.deps, shop.actor, { ...range, granularity: "day" });
    const kept = mine.slice(3);
    expect(after.kpis.orders.value).toBe(7);
    expect(after.kpis.grossSales.value).toBe(gross);
    expect(after.kpis.revenue.value).toBe(sum(kept.map((s) => s.total)));
    expect(after.kpis.units.value).toBe(sum(kept.flatMap((s) => s.items.map((i) => i.qty))));
    const oracle = await analyticsOracle(t.deps.db);
    expect(after.kpis.revenue.value).toBe(oracle.seller(shop.id, today, today).revenue);
    const topAfter = await getSellerTopProducts(t.deps, shop.actor, { ...range, limit: 10 });
    expect(topAfter.map((p) => ({ productId: p.productId, revenue: p.revenue, units: p.units }))).toEqual(
      oracle
        .topProducts(shop.id, today, today)
        .map((p) => ({ productId: p.productId, revenue: p.revenue, units: p.units })),
    );
  });

  it("rebuilt from raw rows are the same rows, shard by shard, as the ones kept incrementally", async () => {
    const { shop, other, cap, people, orders } = await flashSale(8);
    await cancelMyOrder(t.deps, people[0]!.actor, { orderId: orders[0]!.id });
    const today = istDate(t.deps.now());
    const ranges = [
      { from: today, to: today },
      { from: addDays(today, -400), to: today },
    ];
    const figures = () =>
      Promise.all([
        ...ranges.flatMap((r) =>
          [shop, other].map((s) => getSellerDashboard(t.deps, s.actor, { ...r, granularity: "day" })),
        ),
        ...ranges.map((r) => getSellerTopProducts(t.deps, shop.actor, { ...r, limit: 50 })),
        ...ranges.map((r) => getAdminTopCategories(t.deps, admin, { ...r, limit: 50 })),
        ...ranges.map((r) => getAdminTopShops(t.deps, admin, { ...r, limit: 50 })),
      ]);
    // This sale's rows with a figure (a row the incremental path moved back to zero the rebuild
    // leaves out). Today's and this month's: closed periods the rebuild folds (another test's).
    const shops = sql`(${shop.id}::uuid, ${other.id}::uuid)`;
    const rows = () =>
      Promise.all([
        rowsOf(
          t.deps.db,
          sql`select * from analytics_seller_daily where seller_id in ${shops} and day = ${today}::date
                and (gross <> 0 or cancelled <> 0 or refunded <> 0 or commission <> 0 or orders <> 0
                or checkouts <> 0 or units <> 0 or delivered_units <> 0 or returned_units <> 0)
              order by seller_id, day, shard`,
        ),
        rowsOf(
          t.deps.db,
          sql`select * from analytics_seller_monthly where seller_id in ${shops}
                and (gross <> 0 or cancelled <> 0 or refunded <> 0 or commission <> 0 or orders <> 0)
              order by seller_id, month, shard`,
        ),
        rowsOf(
          t.deps.db,
          sql`select * from analytics_product_daily where seller_id in ${shops} and day = ${today}::date
                and (revenue <> 0 or units <> 0 or lines <> 0)
              order by seller_id, day, product_id, shard`,
        ),
        rowsOf(
          t.deps.db,
          sql`select * from analytics_category_daily where category_id = ${cap.product.categoryId}
                and (revenue <> 0 or units <> 0)
              order by day, category_id, shard`,
        ),
      ]);
    const [beforeFigures, beforeRows] = [await figures(), await rows()];
    expect(beforeRows[0]!.length).toBeGreaterThan(2);
    await rebuildAnalytics(t.deps.db);
    expect(await rows()).toEqual(beforeRows);
    expect(await figures()).toEqual(beforeFigures);
  });

  it("fold closed days and last month into one row each without changing a figure; a late cancellation still counts", async () => {
    const fx = orderFixture(t);
    const shop = await fx.shop(`Folded ${randomUUID().slice(0, 6)}`);
    const mug = await fx.variant(shop, 30_000, 1_000, "Mug");
    const today = istDate(t.deps.now());
    const yesterday = addDays(today, -1);
    const thisMonth = `${today.slice(0, 7)}-01`;
    const lastMonthDay = `${addDays(thisMonth, -1).slice(0, 7)}-05`;
    const people = await Promise.all([...Array(16)].map(() => fx.customer()));
    const placeAt = (b: (typeof people)[number], day: string) =>
      fx.fill(b, [[mug.id, 2]]).then(() =>
        placeOrder({ ...t.deps, now: () => noonOf(day) }, b.actor, {
          addressId: b.addressId,
          paymentMethod: "cod",
          idempotencyKey: `k-${randomUUID()}`,
        }),
      );
    const orders = await Promise.all(people.map((b, i) => placeAt(b, i < 8 ? yesterday : lastMonthDay)));
    const count = async (table: string, period: string, day: string) =>
      (
        await rowsOf<{ n: number }>(
          t.deps.db,
          sql`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(period)} = ${day}::date
              and ${sql.raw(table === "analytics_category_daily" ? "category_id" : "seller_id")} = ${table === "analytics_category_daily" ? mug.product.categoryId : shop.id}`,
        )
      )[0]!.n;
    const lastMonth = `${lastMonthDay.slice(0, 7)}-01`;
    await foldPendingSales(t.deps.db);
    expect(await count("analytics_seller_daily", "day", yesterday)).toBeGreaterThan(1);
    expect(await count("analytics_seller_monthly", "month", lastMonth)).toBeGreaterThan(1);
    const ranges = [
      { from: yesterday, to: yesterday },
      { from: lastMonthDay, to: lastMonthDay },
      { from: addDays(today, -400), to: today },
    ];
    const figures = () =>
      Promise.all([
        ...ranges.map((r) => getSellerDashboard(t.deps, shop.actor, { ...r, granularity: "day" })),
        ...ranges.map((r) => getSellerTopProducts(t.deps, shop.actor, { ...r, limit: 10 })),
        ...ranges.map((r) => getAdminTopCategories(t.deps, admin, { ...r, limit: 50 })),
        ...ranges.map((r) => getAdminTopShops(t.deps, admin, { ...r, limit: 50 })),
      ]);
    const before = await figures();
    expect(before[0]).toMatchObject({ kpis: { orders: { value: 8 }, units: { value: 16 } } });

    expect(await foldRecentRollupShards(t.deps.db, t.deps.now())).toBeGreaterThan(0);
    expect(await count("analytics_seller_daily", "day", yesterday)).toBe(1);
    expect(await count("analytics_category_daily", "day", yesterday)).toBe(1);
    expect(await count("analytics_seller_monthly", "month", lastMonth)).toBe(1);
    expect(await figures()).toEqual(before);
    expect(await foldRecentRollupShards(t.deps.db, t.deps.now())).toBe(0);

    // A cancellation after the fold lands on its order's shard again; the figures add up.
    await cancelMyOrder(t.deps, people[0]!.actor, { orderId: orders[0]!.id });
    const after = await getSellerDashboard(t.deps, shop.actor, { ...ranges[0]!, granularity: "day" });
    const oracle = await analyticsOracle(t.deps.db);
    expect(after.kpis.orders.value).toBe(7);
    expect(after.kpis.revenue.value).toBe(oracle.seller(shop.id, yesterday, yesterday).revenue);
  });
});
