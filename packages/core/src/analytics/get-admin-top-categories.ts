import { NO_ID } from "@bazaar/db";
import type { AnalyticsTop, TopCategoryDto } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import { foldPendingSales } from "./fold-pending-sales";

/** Categories by net revenue of their lines over `from`..`to` (IST), then units. */
export async function getAdminTopCategories(
  deps: Deps,
  _actor: Actor,
  input: AnalyticsTop,
): Promise<TopCategoryDto[]> {
  await foldPendingSales(deps.db);
  const rows = await rowsOf<TopCategoryDto>(
    deps.db,
    sql`select nullif(t.category_id, ${NO_ID}::uuid) as "categoryId", coalesce(c.name, 'Uncategorised') as name,
          t.revenue, t.units
        from (
          select category_id, sum(revenue)::float8 as revenue, sum(units)::int as units
          from analytics_category_daily
          where day between ${input.from}::date and ${input.to}::date
          group by category_id
          having sum(revenue) <> 0 or sum(units) <> 0
          order by 2 desc, 3 desc, category_id
          limit ${input.limit}
        ) t
        left join categories c on c.id = t.category_id
        order by t.revenue desc, t.units desc, t.category_id`,
  );
  return rows;
}
