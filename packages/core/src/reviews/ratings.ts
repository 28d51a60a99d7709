import { type Database, products, sellers } from "@bazaar/db";
import { eq, sql } from "drizzle-orm";

export type LockedProduct = {
  id: string;
  sellerId: string;
  title: string;
  slug: string;
  status: string;
  sellerStatus: string;
};

/**
 * Takes the row locks every change to a product's published reviews holds until commit:
 * the product, then its shop (always in that order, so two review writes cannot deadlock).
 * Concurrent writers of one product queue here, and each recomputes after the previous has
 * committed, which is what keeps the stored aggregates equal to a recomputation.
 */
export async function lockForRating(tx: Database, productId: string): Promise<LockedProduct | undefined> {
  const [p] = await tx
    .select({
      id: products.id,
      sellerId: products.sellerId,
      title: products.title,
      slug: products.slug,
      status: products.status,
    })
    .from(products)
    .where(eq(products.id, productId))
    .for("update");
  if (!p) return undefined;
  const [s] = await tx
    .select({ status: sellers.status })
    .from(sellers)
    .where(eq(sellers.id, p.sellerId))
    .for("update");
  return { ...p, sellerStatus: s!.status };
}

/**
 * Recomputes products.rating_avg/rating_count from the product's published reviews, then the
 * shop's from its products (sum of each product's ratings recovered exactly as
 * round(avg × count): the ratings are whole stars). Call with the locks of `lockForRating`
 * held; each statement reads what committed before it, under READ COMMITTED.
 *
 * A full recount rather than an increment: it is one index-only range scan over
 * reviews_product_rating_idx (5,000 reviews: about a millisecond), and it cannot drift.
 */
export async function refreshRatings(tx: Database, product: { id: string; sellerId: string }): Promise<void> {
  await tx.execute(sql`
    update products p set rating_avg = coalesce(a.avg, 0), rating_count = a.n
    from (select count(*)::int as n, avg(r.rating)::float8 as avg
          from reviews r where r.product_id = ${product.id} and r.status = 'published') a
    where p.id = ${product.id}`);
  await tx.execute(sql`
    update sellers s
    set rating_count = a.n, rating_avg = case when a.n = 0 then 0 else a.total / a.n end
    from (select coalesce(sum(p.rating_count), 0)::int as n,
                 coalesce(sum(round(p.rating_avg * p.rating_count)), 0)::float8 as total
          from products p where p.seller_id = ${product.sellerId}) a
    where s.id = ${product.sellerId}`);
}
