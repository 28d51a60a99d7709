import { NO_ID } from "@bazaar/db";
import { type SQL, sql } from "drizzle-orm";

// What each sub-order and each order line contributes to the dashboards, computed from the raw
// rows (orders, sub_orders, order_items, returns, return_lines, products). The figures' words are
// in @bazaar/schemas analytics.ts; this is their one SQL form, used by the incremental refresh
// (a few sub-orders, index lookups) and by the rebuild (every row, hash joins).

/** The India date (UTC+5:30 all year, no DST) of a UTC timestamp column. */
export const istDay = (column: string) => `((${column} at time zone 'UTC') + interval '330 minutes')::date`;

/**
 * A sale counts when its order is cash-on-delivery, or online and paid (later refunds keep it
 * counted: they are subtracted as cancellations and returns). Unpaid, failed and expired never do.
 */
const COUNTED = `(o.payment_method = 'cod' or o.payment_status in ('paid', 'partially_refunded', 'refunded'))`;
/** Returns whose refund is booked: it is booked when the seller receives the goods back. */
const BOOKED_RETURN = `r.status in ('received', 'refunded')`;

/**
 * `column = any(ids)` for an array expression (a placeholder filled with a uuid[] literal, so
 * the statement's text is the same for one sub-order or ten and can stay prepared), or no
 * restriction when `ids` is null (the rebuild).
 */
const scope = (column: string, ids: SQL | null): SQL =>
  ids === null ? sql`true` : sql`${sql.raw(column)} = any(${ids}::uuid[])`;

/** Columns of analytics_sub_order_facts, in order. */
export const SUB_ORDER_FACT_COLUMNS = [
  "sub_order_id",
  "order_id",
  "seller_id",
  "day",
  "shard",
  "cod",
  "stripe",
  "gross",
  "cancelled",
  "refunded",
  "commission",
  "orders",
  "checkouts",
  "units",
  "delivered_units",
  "returned_units",
] as const;

/** One row per sub-order in scope, with the columns of analytics_sub_order_facts. */
export function subOrderFactsQuery(subOrderIds: SQL | null): SQL {
  return sql`
    with items as (
      select i.sub_order_id, sum(i.qty)::int as units
      from order_items i where ${scope("i.sub_order_id", subOrderIds)} group by 1
    ), rets as (
      select r.sub_order_id,
        sum(r.items_amount + r.shipping_amount)::bigint as amount,
        sum((select coalesce(sum(rl.qty), 0) from return_lines rl where rl.return_id = r.id))::int as units
      from returns r where ${sql.raw(BOOKED_RETURN)} and ${scope("r.sub_order_id", subOrderIds)} group by 1
    ), base as (
      select so.id, so.order_id, so.seller_id, so.status, so.total::bigint as total, so.commission_bps,
        o.payment_method, ${sql.raw(istDay("o.created_at"))} as day,
        ${sql.raw(COUNTED)} as counted,
        so.status <> 'cancelled' as live,
        not exists (select 1 from sub_orders x where x.order_id = so.order_id and x.id < so.id) as lead,
        coalesce(items.units, 0) as units,
        coalesce(rets.amount, 0) as ret_amount,
        coalesce(rets.units, 0) as ret_units
      from sub_orders so
      join orders o on o.id = so.order_id
      left join items on items.sub_order_id = so.id
      left join rets on rets.sub_order_id = so.id
      where ${scope("so.id", subOrderIds)}
    )
    select id as sub_order_id, order_id, seller_id, day,
      (hashtext(order_id::text) & 7)::smallint as shard,
      (payment_method = 'cod')::int as cod,
      (payment_method = 'stripe')::int as stripe,
      case when counted then total else 0 end as gross,
      case when counted and not live then total else 0 end as cancelled,
      case when counted and live then ret_amount else 0 end as refunded,
      case when counted and live then ((total - ret_amount) * commission_bps + 5000) / 10000 else 0 end as commission,
      (counted and live)::int as orders,
      (counted and lead)::int as checkouts,
      case when counted and live then units - ret_units else 0 end as units,
      case when counted and status = 'delivered' then units else 0 end as delivered_units,
      case when counted and live then ret_units else 0 end as returned_units
    from base`;
}

/** Columns of analytics_line_facts, in order. */
export const LINE_FACT_COLUMNS = [
  "order_item_id",
  "sub_order_id",
  "seller_id",
  "product_id",
  "category_id",
  "day",
  "revenue",
  "units",
  "lines",
] as const;

/**
 * One row per order line of the sub-orders in scope. A line keeps the category it was first
 * counted in (`analytics_line_facts`), so moving a product later does not rewrite history.
 */
export function lineFactsQuery(subOrderIds: SQL | null): SQL {
  return sql`
    with back as (
      select rl.order_item_id, sum(rl.qty)::int as units, sum(rl.amount)::bigint as amount
      from return_lines rl join returns r on r.id = rl.return_id
      where ${sql.raw(BOOKED_RETURN)} and ${scope("r.sub_order_id", subOrderIds)} group by 1
    )
    select i.id as order_item_id, i.sub_order_id, so.seller_id,
      coalesce(i.product_id, ${NO_ID}::uuid) as product_id,
      coalesce(f.category_id, p.category_id, ${NO_ID}::uuid) as category_id,
      ${sql.raw(istDay("o.created_at"))} as day,
      case when ${sql.raw(COUNTED)} and so.status <> 'cancelled'
        then i.line_total::bigint - coalesce(back.amount, 0) else 0 end as revenue,
      case when ${sql.raw(COUNTED)} and so.status <> 'cancelled'
        then i.qty - coalesce(back.units, 0) else 0 end as units,
      (${sql.raw(COUNTED)} and so.status <> 'cancelled')::int as lines
    from order_items i
    join sub_orders so on so.id = i.sub_order_id
    join orders o on o.id = so.order_id
    left join products p on p.id = i.product_id
    left join analytics_line_facts f on f.order_item_id = i.id
    left join back on back.order_item_id = i.id
    where ${scope("i.sub_order_id", subOrderIds)}`;
}
