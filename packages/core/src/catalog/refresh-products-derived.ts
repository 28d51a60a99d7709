import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { preparedStatement } from "../platform/prepared";
import { runningSalePrice } from "./sale-prices";

/**
 * The set-based `refreshDerived`: recomputes min/max price (a running sale counts) and total
 * stock of many products, and moves their sold counts, in one statement however many there
 * are. The caller must hold the products' row locks (NO KEY UPDATE, in id order) from an
 * earlier statement, as the stock update and the sale refresh take them: a statement that
 * waited for a lock would still compute from the snapshot it started with, and could write
 * back stock another order just changed.
 */
export async function refreshProductsDerived(
  db: Database,
  items: { productId: string; sold?: number }[],
  now: Date,
): Promise<void> {
  if (!items.length) return;
  const sold = new Map<string, number>();
  for (const i of items) sold.set(i.productId, (sold.get(i.productId) ?? 0) + (i.sold ?? 0));
  const rows = JSON.stringify([...sold].map(([id, n]) => ({ id, sold: n })));
  await refreshRows(db, { rows, now: now.toISOString() });
}

const NOW = sql`${sql.placeholder("now")}`;
const refreshRows = preparedStatement<never, { rows: string; now: string }>(
  "catalog_refresh_products_derived",
  () => sql`
    update products p set
      min_price = d.min_price, max_price = d.max_price, total_stock = d.total_stock, updated_at = ${NOW}::timestamptz,
      sold_count = greatest(p.sold_count + t.sold, 0)
    from jsonb_to_recordset(${sql.placeholder("rows")}::jsonb) as t(id uuid, sold int)
    cross join lateral (
      select min(e.effective) as min_price, max(e.effective) as max_price,
        coalesce(sum(e.stock), 0)::int as total_stock
      from (
        select least(pv.price, coalesce(${runningSalePrice(sql`pv.id`, NOW)}, pv.price)) as effective, pv.stock
        from product_variants pv where pv.product_id = t.id and pv.active
      ) e
    ) d
    where p.id = t.id`,
);
