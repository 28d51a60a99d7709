import type { AnalyticsTop, TopShopDto } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import { foldPendingSales } from "./fold-pending-sales";
import { monthSplit } from "./period";

const FIGURES = sql.raw("seller_id, gross, cancelled, refunded, commission, orders");

/**
 * Shops by net revenue over `from`..`to` (IST), then orders. Whole months inside the range
 * are read from the monthly rollup and only the days at either end from the daily one, so two
 * years read about 24 rows a shop rather than 731.
 */
export async function getAdminTopShops(
  deps: Deps,
  _actor: Actor,
  input: AnalyticsTop,
): Promise<TopShopDto[]> {
  await foldPendingSales(deps.db);
  const split = monthSplit(input.from, input.to);
  const days = (from: string, to: string): SQL =>
    sql`select ${FIGURES} from analytics_seller_daily where day between ${from}::date and ${to}::date`;
  const parts: SQL[] = split
    ? [
        sql`select ${FIGURES} from analytics_seller_monthly
            where month between ${split.firstMonth}::date and ${split.lastMonth}::date`,
        ...(split.head ? [days(input.from, split.head)] : []),
        ...(split.tail ? [days(split.tail, input.to)] : []),
      ]
    : [days(input.from, input.to)];
  return rowsOf<TopShopDto>(
    deps.db,
    sql`select t.seller_id as "sellerId", coalesce(s.shop_name, '') as "shopName", t.revenue, t.orders, t.commission
        from (
          select seller_id, sum(gross - cancelled - refunded)::float8 as revenue, sum(orders)::int as orders,
            sum(commission)::float8 as commission
          from (${sql.join(parts, sql` union all `)}) src
          group by seller_id
          having sum(gross) > 0
          order by 2 desc, 3 desc, seller_id
          limit ${input.limit}
        ) t
        left join sellers s on s.id = t.seller_id
        order by t.revenue desc, t.orders desc, t.seller_id`,
  );
}
