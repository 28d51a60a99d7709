import type { Database } from "@bazaar/db";
import { type SQL, sql } from "drizzle-orm";
import { rowsOf } from "../platform/raw-rows";
import { LINE_FACT_COLUMNS, lineFactsQuery, SUB_ORDER_FACT_COLUMNS, subOrderFactsQuery } from "./facts";

/** The figures a daily rollup adds up, and the fact column each comes from. */
const SELLER_SUMS = [
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

/** The shop's monthly rollup keeps what the rankings over long ranges need. */
const MONTH_SUMS = ["gross", "cancelled", "refunded", "commission", "orders"];

const cols = (names: readonly string[], prefix = "") => sql.raw(names.map((c) => `${prefix}${c}`).join(", "));
const sums = (names: readonly string[]) => sql.raw(names.map((c) => `sum(sign * ${c})`).join(", "));
const anyChange = (names: readonly string[]) =>
  sql.raw(names.map((c) => `sum(sign * ${c}) <> 0`).join(" or "));
const addExcluded = (table: string, names: readonly string[]) =>
  sql.raw(names.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(", "));
const setExcluded = (names: readonly string[]) =>
  sql.raw(names.map((c) => `${c} = excluded.${c}`).join(", "));
const inIds = (column: string, ids: string[]): SQL =>
  sql`${sql.raw(column)} in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/**
 * Brings the dashboards up to date with the current state of some orders: recomputes their
 * facts from the raw rows and adds the difference to the daily rollups. Call it inside the
 * transaction that changed them (placing, paying, cancelling, delivering, receiving a return),
 * after the change; calling it again changes nothing, so callers need not be precise.
 *
 * The sub-orders are locked first (in id order, as every writer of sub-orders does), so two
 * transactions never apply the same difference twice. Rollup rows are written in key order and
 * only when a figure moves, so a refresh that changes nothing takes no rollup lock.
 */
export async function refreshSales(
  db: Database,
  target: { orderIds?: string[]; subOrderIds?: string[] },
): Promise<void> {
  const orderIds = target.orderIds ?? [];
  const subIds = target.subOrderIds ?? [];
  if (!orderIds.length && !subIds.length) return;
  const where = [
    ...(orderIds.length ? [inIds("order_id", orderIds)] : []),
    ...(subIds.length ? [inIds("id", subIds)] : []),
  ];
  const locked = await rowsOf<{ id: string }>(
    db,
    sql`select id from sub_orders where ${sql.join(where, sql` or `)} order by id for update`,
  );
  const ids = locked.map((r) => r.id);
  if (!ids.length) return;

  await db.execute(sql`
    with new as (${subOrderFactsQuery(ids)}),
    old as (select ${cols(SUB_ORDER_FACT_COLUMNS)} from analytics_sub_order_facts where ${inIds("sub_order_id", ids)}),
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
      insert into analytics_seller_daily (seller_id, day, ${cols(SELLER_SUMS)})
      select seller_id, day, ${sums(SELLER_SUMS)} from d
      group by seller_id, day having ${anyChange(SELLER_SUMS)} order by seller_id, day
      on conflict (seller_id, day) do update set ${addExcluded("analytics_seller_daily", SELLER_SUMS)}
    ),
    seller_month as (
      insert into analytics_seller_monthly (seller_id, month, ${cols(MONTH_SUMS)})
      select seller_id, date_trunc('month', day)::date, ${sums(MONTH_SUMS)} from d
      group by 1, 2 having ${anyChange(MONTH_SUMS)} order by 1, 2
      on conflict (seller_id, month) do update set ${addExcluded("analytics_seller_monthly", MONTH_SUMS)}
    )
    insert into analytics_platform_daily (day, shard, ${cols(SELLER_SUMS)}, cod_gross, cod_checkouts)
    select day, shard, ${sums(SELLER_SUMS)}, sum(sign * cod * gross), sum(sign * cod * checkouts) from d
    group by day, shard having ${anyChange(SELLER_SUMS)} order by day, shard
    on conflict (day, shard) do update set
      ${addExcluded("analytics_platform_daily", [...SELLER_SUMS, "cod_gross", "cod_checkouts"])}`);

  const LINE_SUMS = ["revenue", "units", "lines"];
  await db.execute(sql`
    with new as (${lineFactsQuery(ids)}),
    old as (select ${cols(LINE_FACT_COLUMNS)} from analytics_line_facts where ${inIds("sub_order_id", ids)}),
    up as (
      insert into analytics_line_facts (${cols(LINE_FACT_COLUMNS)})
      select ${cols(LINE_FACT_COLUMNS)} from new
      on conflict (order_item_id) do update set ${setExcluded(LINE_FACT_COLUMNS.slice(1))}
    ),
    d as (
      select 1 as sign, ${cols(LINE_FACT_COLUMNS)} from new
      union all select -1, ${cols(LINE_FACT_COLUMNS)} from old
    ),
    product as (
      insert into analytics_product_daily (seller_id, day, product_id, ${cols(LINE_SUMS)})
      select seller_id, day, product_id, ${sums(LINE_SUMS)} from d
      group by seller_id, day, product_id having ${anyChange(LINE_SUMS)} order by seller_id, day, product_id
      on conflict (seller_id, day, product_id) do update set ${addExcluded("analytics_product_daily", LINE_SUMS)}
    )
    insert into analytics_category_daily (day, category_id, revenue, units)
    select day, category_id, sum(sign * revenue), sum(sign * units) from d
    group by day, category_id having sum(sign * revenue) <> 0 or sum(sign * units) <> 0 order by day, category_id
    on conflict (day, category_id) do update set ${addExcluded("analytics_category_daily", ["revenue", "units"])}`);
}
