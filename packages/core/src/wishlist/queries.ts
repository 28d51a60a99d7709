import { type Database, productVariants } from "@bazaar/db";
import { PageInput, type WishlistItemDto } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { runningSalePrice } from "../catalog";
import { invalidField } from "../errors";
import { decodeCursor, encodeCursor } from "../platform/pagination";
import { rowsOf } from "../platform/raw-rows";

type Row = {
  product_id: string;
  slug: string;
  title: string;
  image_url: string | null;
  variant_id: string | null;
  price: number | null;
  regular_price: number | null;
  in_stock: boolean;
  available: boolean;
  created_at: string | Date;
};

/** Current price and stock for each saved product: the chosen variant's, else the cheapest. */
function itemsQuery(userId: string, now: Date, limit: number, cursor?: { createdAt: Date; id: string }) {
  return sql`select w.product_id, p.slug, p.title, w.variant_id, w.created_at,
      (select m.url from product_images pi join media m on m.id = pi.media_id
        where pi.product_id = p.id order by pi.position, pi.id limit 1) as image_url,
      v.price as regular_price,
      least(v.price, coalesce(${runningSalePrice(sql`v.id`, now)}, v.price)) as price,
      coalesce(v.stock, 0) > 0 as in_stock,
      (p.status = 'approved' and s.status = 'approved' and v.id is not null) as available
    from wishlist_items w
    join products p on p.id = w.product_id
    join sellers s on s.id = p.seller_id
    left join lateral (
      select pv.id, pv.price, pv.stock from product_variants pv
      where pv.product_id = p.id and pv.active and (w.variant_id is null or pv.id = w.variant_id)
      order by pv.price, pv.position limit 1
    ) v on true
    where w.user_id = ${userId}
      ${cursor ? sql`and (w.created_at, w.product_id) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id})` : sql``}
    order by w.created_at desc, w.product_id desc
    limit ${limit}`;
}

const toWishlistItemDto = (r: Row): WishlistItemDto => ({
  productId: r.product_id,
  slug: r.slug,
  title: r.title,
  imageUrl: r.image_url,
  variantId: r.variant_id,
  price: r.price,
  regularPrice: r.regular_price,
  inStock: r.in_stock,
  available: r.available,
  addedAt: new Date(r.created_at),
});

/** One page of a customer's saved products, newest first: for the owner and for a shared link. */
export async function listSavedItems(
  db: Database,
  userId: string,
  now: Date,
  raw: z.input<typeof PageInput>,
) {
  const input = PageInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await rowsOf<Row>(db, itemsQuery(userId, now, input.limit + 1, cursor));
  const items = rows.slice(0, input.limit).map(toWishlistItemDto);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ createdAt: last.addedAt, id: last.productId })
        : null,
  };
}

/** A variant chosen with a product must be one of that product's. */
export async function checkVariantOf(db: Database, productId: string, variantId: string) {
  const [v] = await db
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, productId)));
  if (!v)
    throw invalidField("variantId", "wishlist.variant_mismatch", "That variant is not part of this product");
}
