import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { pgArray, preparedStatement } from "../platform/prepared";
import { runningSalePrice } from "./sale-prices";
import { invalidateProducts } from "./storefront-cache";

/**
 * The set-based `refreshDerived`: recomputes min/max price (a running sale counts) and total
 * stock of many products in one statement however many there are, and books their units
 * sold. The caller must hold the products' row locks (NO KEY UPDATE, in id order) from an
 * earlier statement, as the stock update and the sale refresh take them: a statement that
 * waited for a lock would still compute from the snapshot it started with, and could write
 * back stock another order just changed.
 *
 * Units sold go to product_sold_pending, not to products.sold_count, which four listing
 * indexes hold: changing it made every order's products update non-HOT (an entry in each of
 * products' 18 indexes, three GIN, per product bought). Without it the update changes no
 * indexed column (a price changes only when a sale starts or ends). `foldSoldCounts` adds the
 * pending units every few seconds, so best-selling lags by that much.
 */
export async function refreshProductsDerived(
  db: Database,
  items: { productId: string; sold?: number }[],
  now: Date,
): Promise<void> {
  if (!items.length) return;
  const sold = new Map<string, number>();
  for (const i of items) sold.set(i.productId, (sold.get(i.productId) ?? 0) + (i.sold ?? 0));
  const ids = [...sold.keys()];
  await refreshRows(db, {
    ids: pgArray(ids),
    sold: `{${ids.map((id) => sold.get(id)).join(",")}}`,
    now: now.toISOString(),
  });
}

const NOW = sql`${sql.placeholder("now")}`;
/**
 * The products come as two arrays, not a JSON record set: the planner knows an array's
 * length (a record set counts as 100 rows) and looks the few products up by key.
 */
const refreshRows = preparedStatement<never, { ids: string; sold: string; now: string }>(
  "catalog_refresh_products_derived",
  () => sql`
    with t as (
      select * from unnest(${sql.placeholder("ids")}::uuid[], ${sql.placeholder("sold")}::int[]) as t(id, sold)
    ),
    booked as (
      insert into product_sold_pending (product_id, sold) select id, sold from t where sold <> 0
    )
    update products p set
      min_price = d.min_price, max_price = d.max_price, total_stock = d.total_stock, updated_at = ${NOW}::timestamptz
    from t
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

/**
 * Job `catalog.fold-sold`, repeating every few seconds: adds the units booked in
 * product_sold_pending to the products' sold counts, in one statement, and answers the
 * products moved. The pending rows it takes are deleted in the same statement, so each unit
 * is counted once even when two runs overlap (the second waits for the first's row locks
 * and then finds those rows gone); rows a checkout commits meanwhile wait for the next run.
 * The products are locked in id order, as checkout locks them.
 */
export async function foldSoldCounts(db: Database): Promise<string[]> {
  const rows = await foldRows(db, {});
  return rows.map((r) => r.id);
}

const foldRows = preparedStatement<{ id: string }, Record<string, never>>(
  "catalog_fold_sold_counts",
  () => sql`
    with taken as (delete from product_sold_pending returning product_id, sold),
    sums as (select product_id, sum(sold)::int as sold from taken group by product_id)
    update products p set sold_count = greatest(p.sold_count + s.sold, 0)
    from sums s
    where p.id = s.product_id
      and p.id in (select id from products where id in (select product_id from sums) order by id for no key update)
    returning p.id`,
);

/** The job: folds, then drops the cached pages that show the products whose counts moved. */
export async function foldSoldCountsJob(deps: Pick<Deps, "db" | "cache">): Promise<void> {
  const ids = await foldSoldCounts(deps.db);
  await invalidateProducts(deps, { productIds: ids, stock: false });
}
