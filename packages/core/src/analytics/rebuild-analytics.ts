import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { rowsOf } from "../platform/raw-rows";
import {
  istDay,
  LINE_FACT_COLUMNS,
  lineFactsQuery,
  SUB_ORDER_FACT_COLUMNS,
  subOrderFactsQuery,
} from "./facts";
import { istDate } from "./period";

const cols = (names: readonly string[]) => sql.raw(names.join(", "));
const SUMS =
  "gross, cancelled, refunded, commission, orders, checkouts, units, delivered_units, returned_units";
const SUMMED = SUMS.split(", ")
  .map((c) => `sum(${c})`)
  .join(", ");

/**
 * Recomputes every fact and rollup from the raw rows, in one transaction (writers wait for it),
 * today's rows (and this month's) shard by shard as the incremental refresh writes them
 * (refresh-sales.ts), closed days and months in shard 0 as the sweep leaves them
 * (fold-rollup-shards.ts): written folded, not folded afterwards, so the tables stay dense.
 * For a fresh deployment of the rollups (existing orders), after a bulk import, or to repair
 * drift; `scripts/rebuild-analytics.ts` runs it. Lines take their product's current category.
 */
export async function rebuildAnalytics(
  db: Database,
  now = new Date(),
): Promise<{ subOrders: number; lines: number }> {
  const today = istDate(now);
  const thisMonth = `${today.slice(0, 7)}-01`;
  /** The shard a rollup row of `day` gets: the order's today, shard 0 for a closed period. */
  const shardOf = (day: string, shard: string, since: string) =>
    sql`case when ${sql.raw(day)} < ${since}::date then 0 else ${sql.raw(shard)} end`;
  return db.transaction(async (tx) => {
    // First: what was booked before this statement is read below, so it needs no fold; orders
    // committed later keep their bookings. Deleted rather than truncated, so checkouts booking
    // meanwhile do not wait for the rebuild.
    await tx.execute(sql`delete from analytics_pending`);
    await tx.execute(sql`truncate analytics_sub_order_facts, analytics_line_facts, analytics_seller_daily,
      analytics_platform_daily, analytics_product_daily, analytics_category_daily, analytics_signups_daily,
      analytics_seller_monthly`);
    await tx.execute(
      sql`insert into analytics_sub_order_facts (${cols(SUB_ORDER_FACT_COLUMNS)}) ${subOrderFactsQuery(null)}`,
    );
    await tx.execute(
      sql`insert into analytics_line_facts (${cols(LINE_FACT_COLUMNS)}) ${lineFactsQuery(null)}`,
    );
    await tx.execute(
      sql`insert into analytics_seller_daily (seller_id, day, shard, ${sql.raw(SUMS)})
      select seller_id, day, ${shardOf("day", "shard", today)}, ${sql.raw(SUMMED)}
      from analytics_sub_order_facts group by 1, 2, 3`,
    );
    await tx.execute(sql`insert into analytics_seller_monthly (seller_id, month, shard, gross, cancelled, refunded, commission, orders)
      select seller_id, date_trunc('month', day)::date, ${shardOf("day", "shard", thisMonth)},
        sum(gross), sum(cancelled), sum(refunded), sum(commission), sum(orders)
      from analytics_sub_order_facts group by 1, 2, 3`);
    await tx.execute(
      sql.raw(`insert into analytics_platform_daily (day, shard, ${SUMS}, cod_gross, cod_checkouts,
        stripe_gross, stripe_checkouts)
      select day, shard, ${SUMMED}, sum(cod * gross), sum(cod * checkouts), sum(stripe * gross),
        sum(stripe * checkouts) from analytics_sub_order_facts group by 1, 2`),
    );
    // A line is counted in its order's shard (kept on its sub-order's facts), as the refresh does.
    await tx.execute(sql`insert into analytics_product_daily (seller_id, day, product_id, shard, revenue, units, lines)
      select l.seller_id, l.day, l.product_id, ${shardOf("l.day", "s.shard", today)},
        sum(l.revenue), sum(l.units), sum(l.lines)
      from analytics_line_facts l join analytics_sub_order_facts s using (sub_order_id) group by 1, 2, 3, 4`);
    await tx.execute(sql`insert into analytics_category_daily (day, category_id, shard, revenue, units)
      select l.day, l.category_id, ${shardOf("l.day", "s.shard", today)}, sum(l.revenue), sum(l.units)
      from analytics_line_facts l join analytics_sub_order_facts s using (sub_order_id) group by 1, 2, 3`);
    // As the sign-up triggers count them (migration 0012): any account but an admin's, every shop.
    await tx.execute(sql`insert into analytics_signups_daily (day, customers, sellers)
      select day, sum(c), sum(s) from (
        select ${sql.raw(istDay("created_at"))} as day, 1 as c, 0 as s from users where role <> 'admin'
        union all select ${sql.raw(istDay("created_at"))}, 0, 1 from sellers
      ) x group by day`);
    const [counts] = (
      (await tx.execute(
        sql`select (select count(*) from analytics_sub_order_facts)::int as "subOrders",
          (select count(*) from analytics_line_facts)::int as lines`,
      )) as unknown as { rows: { subOrders: number; lines: number }[] }
    ).rows;
    return counts!;
  });
}

/**
 * Rollups arrived after orders did (migration 0010 creates them empty): a database with
 * sub-orders but no facts is rebuilt once at start, so an upgraded shop's dashboards are
 * right without an operator remembering `analytics:rebuild`. Returns whether it rebuilt.
 */
export async function backfillAnalyticsIfEmpty(db: Database): Promise<boolean> {
  const rows = await rowsOf<{ missing: boolean }>(
    db,
    sql`select exists (select 1 from sub_orders) and not exists (select 1 from analytics_sub_order_facts) as missing`,
  );
  if (!rows[0]?.missing) return false;
  await rebuildAnalytics(db);
  return true;
}
