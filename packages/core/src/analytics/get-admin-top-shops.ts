import type { AnalyticsTop, TopShopDto } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";

/** Shops by net revenue over `from`..`to` (IST), then orders. */
export async function getAdminTopShops(
  deps: Deps,
  _actor: Actor,
  input: AnalyticsTop,
): Promise<TopShopDto[]> {
  return rowsOf<TopShopDto>(
    deps.db,
    sql`select t.seller_id as "sellerId", coalesce(s.shop_name, '') as "shopName", t.revenue, t.orders, t.commission
        from (
          select seller_id, sum(gross - cancelled - refunded)::float8 as revenue, sum(orders)::int as orders,
            sum(commission)::float8 as commission
          from analytics_seller_daily
          where day between ${input.from}::date and ${input.to}::date
          group by seller_id
          having sum(gross) > 0
          order by 2 desc, 3 desc, seller_id
          limit ${input.limit}
        ) t
        left join sellers s on s.id = t.seller_id
        order by t.revenue desc, t.orders desc, t.seller_id`,
  );
}
