import type { Deps } from "../platform/deps";

/**
 * What the storefront's cache entries depend on, as tags (see platform/cache.ts), so a
 * write drops only the entries it can have changed:
 *
 * - `p:<id>`: every entry that shows the product: its page, list pages and related cards
 *   that show it.
 * - `stock`: listings filtered to what is in stock, and their counts; a product running
 *   out (or back in) moves in or out of them wherever it was.
 * - `price`: listings sorted or filtered by price, and every facet count (price buckets).
 * - `rating`: listings sorted or filtered by rating.
 *
 * What an order changes is its products' stock and sold counts, so an order drops its
 * products' pages and the in-stock listings, and keeps every other page: a list page of
 * product B stays cached while A sells. Sorting by best selling may lag by at most the
 * list TTL (two minutes): a product selling does not leave or enter a page it is not on
 * until that page expires, which is what a "best sellers" order promises anyway.
 * Anything else that changes a product or what is public (an edit, a moderation decision,
 * a sale, a shop suspended) still bumps the whole namespace: those are rare.
 */
export const CACHE_NS = "catalog";
export const TAG = { stock: "stock", price: "price", rating: "rating" } as const;
export const productTag = (id: string) => `p:${id}`;

export type ProductsChange = {
  productIds: Iterable<string>;
  /** Stock moved (the default): in-stock listings go too. */
  stock?: boolean;
  price?: boolean;
  rating?: boolean;
};

/**
 * Drops the cached storefront entries that can show the products' changed stock, sales,
 * price or rating. Call after the change commits.
 */
export async function invalidateProducts(deps: Pick<Deps, "cache">, change: ProductsChange): Promise<void> {
  const tags = [...new Set(change.productIds)].map(productTag);
  if (tags.length === 0) return;
  if (change.stock ?? true) tags.push(TAG.stock);
  if (change.price) tags.push(TAG.price);
  if (change.rating) tags.push(TAG.rating);
  await deps.cache.invalidate(CACHE_NS, tags);
}
