import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { runningSaleEnd, runningSalePrice } from "../catalog";
import { preparedStatement } from "../platform/prepared";
import { rowsOf } from "../platform/raw-rows";

export type CartLineRow = {
  id: string;
  variant_id: string;
  qty: number;
  seen_unit_price: number;
  created_at: string | Date;
  sku: string;
  option_values: Record<string, string>;
  price: number;
  compare_at_price: number | null;
  stock: number;
  variant_active: boolean;
  product_id: string;
  slug: string;
  title: string;
  product_status: string;
  gst_rate_bps: number;
  hsn_code: string | null;
  category_id: string;
  seller_id: string;
  shop_name: string;
  seller_slug: string;
  seller_status: string;
  seller_cod: boolean;
  image_url: string | null;
  sale_price: number | null;
  sale_ends_at: string | Date | null;
};

/** Everything a cart read needs about its lines, current as of `now`, in one round trip. */
export function loadCartLines(db: Database, cartId: string, now: Date): Promise<CartLineRow[]> {
  return cartLines(db, { cartId, now: now.toISOString() });
}

const NOW = sql`${sql.placeholder("now")}`;
/** Read by every cart view and every checkout: prepared once per connection. */
const cartLines = preparedStatement<CartLineRow, { cartId: string; now: string }>(
  "cart_lines",
  () => sql`select ci.id, ci.variant_id, ci.qty, ci.seen_unit_price, ci.created_at,
        v.sku, v.option_values, v.price, v.compare_at_price, v.stock, v.active as variant_active,
        p.id as product_id, p.slug, p.title, p.status as product_status, p.gst_rate_bps, p.hsn_code, p.category_id,
        s.id as seller_id, s.shop_name, s.slug as seller_slug, s.status as seller_status, s.cod_enabled as seller_cod,
        (select m.url from product_images pi join media m on m.id = pi.media_id
          where pi.product_id = p.id order by pi.position, pi.id limit 1) as image_url,
        ${runningSalePrice(sql`v.id`, NOW)} as sale_price,
        ${runningSaleEnd(sql`v.id`, NOW)} as sale_ends_at
      from cart_items ci
      join product_variants v on v.id = ci.variant_id
      join products p on p.id = v.product_id
      join sellers s on s.id = p.seller_id
      where ci.cart_id = ${sql.placeholder("cartId")}::uuid
      order by ci.created_at, ci.id`,
);

/** Each category with itself and all its ancestors, for category-restricted coupons. */
export async function categoryAncestry(db: Database, categoryIds: string[]): Promise<Map<string, string[]>> {
  if (!categoryIds.length) return new Map();
  const rows = await rowsOf<{ cat: string; ids: string[] }>(
    db,
    sql`with recursive up(cat, id, parent_id) as (
        select c.id, c.id, c.parent_id from categories c where c.id in (${sql.join(
          categoryIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        union all
        select up.cat, c.id, c.parent_id from categories c join up on c.id = up.parent_id
      )
      select cat, array_agg(id) as ids from up group by cat`,
  );
  return new Map(rows.map((r) => [r.cat, r.ids]));
}

export const variantLabel = (optionValues: Record<string, string>) =>
  Object.entries(optionValues)
    .map(([k, v]) => `${k}: ${v}`)
    .join(" · ");
