import { NO_ID } from "@bazaar/db";
import type { AnalyticsTop, TopProductDto } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import type { Deps, SellerActor } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import { foldPendingSales } from "./fold-pending-sales";

/**
 * The caller's best products over `from`..`to` (IST): by net revenue, then units. Lines whose
 * product was deleted are left out. Only the caller's shop (seller id from the session).
 */
export async function getSellerTopProducts(
  deps: Deps,
  actor: SellerActor,
  input: AnalyticsTop,
): Promise<TopProductDto[]> {
  await foldPendingSales(deps.db);
  return rowsOf<TopProductDto>(
    deps.db,
    sql`select t.product_id as "productId", coalesce(p.title, '') as title,
          t.revenue, t.units, t.orders
        from (
          select product_id, sum(revenue)::float8 as revenue, sum(units)::int as units, sum(lines)::int as orders
          from analytics_product_daily
          where seller_id = ${actor.sellerId} and day between ${input.from}::date and ${input.to}::date
            and product_id <> ${NO_ID}::uuid
          group by product_id
          having sum(lines) > 0
          order by 2 desc, 3 desc, product_id
          limit ${input.limit}
        ) t
        left join products p on p.id = t.product_id
        order by t.revenue desc, t.units desc, t.product_id`,
  );
}
