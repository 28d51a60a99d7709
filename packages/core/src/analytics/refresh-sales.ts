import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { pgArray, preparedStatement } from "../platform/prepared";
import { LINE_FACT_COLUMNS, lineFactsQuery, SUB_ORDER_FACT_COLUMNS, subOrderFactsQuery } from "./facts";

/** The figures a daily rollup adds up, and the fact column each comes from. */
export const SELLER_SUMS = [
  "gross",
  "cancelled",
  "refunded",
  "commission",
  "orders",
  "checkouts",
  "units",
  "delivered_units",
  "returned_units",
];

/** The platform's parts per payment method (Razorpay is the rest). */
const METHOD_SUMS = ["cod_gross", "cod_checkouts", "stripe_gross", "stripe_checkouts"];

/** The shop's monthly rollup keeps what the rankings over long ranges need. */
export const MONTH_SUMS = ["gross", "cancelled", "refunded", "commission", "orders"];

const cols = (names: readonly string[], prefix = "") => sql.raw(names.map((c) => `${prefix}${c}`).join(", "));
const sums = (names: readonly string[]) => sql.raw(names.map((c) => `sum(sign * ${c})`).join(", "));
const anyChange = (names: readonly string[]) =>
  sql.raw(names.map((c) => `sum(sign * ${c}) <> 0`).join(" or "));
const addExcluded = (table: string, names: readonly string[]) =>
  sql.raw(names.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(", "));
const setExcluded = (names: readonly string[]) =>
  sql.raw(names.map((c) => `${c} = excluded.${c}`).join(", "));
const IDS = sql`${sql.placeholder("ids")}`;

/**
 * The sub-orders' facts and every rollup they feed, in one statement (two chains of CTEs).
 * Every rollup is sharded by its order (`shard` of the sub-order's facts, lines included), so an
 * order adds to one row per key and its shop's other orders mostly add to other rows.
 */
const refresh = preparedStatement<never, { ids: string }>("analytics_refresh_sales", () => {
  const LINE_SUMS = ["revenue", "units", "lines"];
  return sql`
    with new as (${subOrderFactsQuery(IDS)}),
    old as (select ${cols(SUB_ORDER_FACT_COLUMNS)} from analytics_sub_order_facts where sub_order_id = any(${IDS}::uuid[])),
    up as (
      insert into analytics_sub_order_facts (${cols(SUB_ORDER_FACT_COLUMNS)})
      select ${cols(SUB_ORDER_FACT_COLUMNS)} from new
      on conflict (sub_order_id) do update set ${setExcluded(SUB_ORDER_FACT_COLUMNS.slice(1))}
    ),
    d as (
      select 1 as sign, ${cols(SUB_ORDER_FACT_COLUMNS)} from new
      union all select -1, ${cols(SUB_ORDER_FACT_COLUMNS)} from old
    ),
    seller as (
      insert into analytics_seller_daily (seller_id, day, shard, ${cols(SELLER_SUMS)})
      select seller_id, day, shard, ${sums(SELLER_SUMS)} from d
      group by seller_id, day, shard having ${anyChange(SELLER_SUMS)} order by seller_id, day, shard
      on conflict (seller_id, day, shard) do update set ${addExcluded("analytics_seller_daily", SELLER_SUMS)}
    ),
    seller_month as (
      insert into analytics_seller_monthly (seller_id, month, shard, ${cols(MONTH_SUMS)})
      select seller_id, date_trunc('month', day)::date, shard, ${sums(MONTH_SUMS)} from d
      group by 1, 2, 3 having ${anyChange(MONTH_SUMS)} order by 1, 2, 3
      on conflict (seller_id, month, shard) do update set ${addExcluded("analytics_seller_monthly", MONTH_SUMS)}
    ),
    platform as (
      insert into analytics_platform_daily (day, shard, ${cols(SELLER_SUMS)}, ${cols(METHOD_SUMS)})
      select day, shard, ${sums(SELLER_SUMS)}, sum(sign * cod * gross), sum(sign * cod * checkouts),
        sum(sign * stripe * gross), sum(sign * stripe * checkouts) from d
      group by day, shard having ${anyChange(SELLER_SUMS)} order by day, shard
      on conflict (day, shard) do update set
        ${addExcluded("analytics_platform_daily", [...SELLER_SUMS, ...METHOD_SUMS])}
    ),
    line_new as (${lineFactsQuery(IDS)}),
    line_old as (select ${cols(LINE_FACT_COLUMNS)} from analytics_line_facts where sub_order_id = any(${IDS}::uuid[])),
    line_up as (
      insert into analytics_line_facts (${cols(LINE_FACT_COLUMNS)})
      select ${cols(LINE_FACT_COLUMNS)} from line_new
      on conflict (order_item_id) do update set ${setExcluded(LINE_FACT_COLUMNS.slice(1))}
    ),
    shards as (select distinct sub_order_id, shard from d),
    ld as (
      select 1 as sign, s.shard, ${cols(LINE_FACT_COLUMNS, "l.")} from line_new l join shards s using (sub_order_id)
      union all select -1, s.shard, ${cols(LINE_FACT_COLUMNS, "l.")} from line_old l join shards s using (sub_order_id)
    ),
    product as (
      insert into analytics_product_daily (seller_id, day, product_id, shard, ${cols(LINE_SUMS)})
      select seller_id, day, product_id, shard, ${sums(LINE_SUMS)} from ld
      group by seller_id, day, product_id, shard having ${anyChange(LINE_SUMS)}
      order by seller_id, day, product_id, shard
      on conflict (seller_id, day, product_id, shard) do update set ${addExcluded("analytics_product_daily", LINE_SUMS)}
    )
    insert into analytics_category_daily (day, category_id, shard, revenue, units)
    select day, category_id, shard, sum(sign * revenue), sum(sign * units) from ld
    group by day, category_id, shard having sum(sign * revenue) <> 0 or sum(sign * units) <> 0
    order by day, category_id, shard
    on conflict (day, category_id, shard) do update set ${addExcluded("analytics_category_daily", ["revenue", "units"])}`;
});

const lockSubOrders = preparedStatement<{ id: string }, { orders: string; subs: string }>(
  "analytics_lock_sub_orders",
  () => sql`select id from sub_orders
    where order_id = any(${sql.placeholder("orders")}::uuid[]) or id = any(${sql.placeholder("subs")}::uuid[])
    order by id for update`,
);

/**
 * Brings the dashboards up to date with the current state of some orders: recomputes their
 * facts from the raw rows and adds the difference to the daily rollups. Call it inside the
 * transaction that changed them (paying, cancelling, delivering, receiving a return), after the
 * change; calling it again changes nothing, so callers need not be precise. Placing an order
 * only books its sub-orders, and a fold refreshes them later (fold-pending-sales.ts).
 *
 * The sub-orders are locked first (in id order, as every writer of sub-orders does), so two
 * transactions never apply the same difference twice. Rollup rows are written in key order (the
 * shard last in every key) and only when a figure moves, so a refresh that changes nothing takes
 * no rollup lock. Each order writes the rows of its own shard, so a shop's concurrent changes
 * wait on each other's rows only when their orders share a shard (about one pair in eight).
 * Both statements are prepared (fixed text).
 */
export async function refreshSales(
  db: Database,
  target: { orderIds?: string[]; subOrderIds?: string[] },
): Promise<void> {
  const orderIds = target.orderIds ?? [];
  const subIds = target.subOrderIds ?? [];
  if (!orderIds.length && !subIds.length) return;
  const locked = await lockSubOrders(db, { orders: pgArray(orderIds), subs: pgArray(subIds) });
  if (!locked.length) return;
  await refresh(db, { ids: pgArray(locked.map((r) => r.id)) });
}
