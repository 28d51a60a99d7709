import { type Page, type ReviewDto, type ReviewSort, ReviewsListInput } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import { decodeReviewCursor, encodeReviewCursor, type ReviewCursor } from "./cursor";
import { productNotFound } from "./public-product";
import { type ReviewRow, type ReviewsQuery, reviewsSql, toReviewDto } from "./queries";

/**
 * Each sort is a keyset over one of the (product_id, status, …) indexes of reviews: the
 * leading integer, then newest first, then id. "lowest" runs its stars upwards but keeps
 * newest first within a star, so its row comparison is written out.
 */
const SORTS: Record<
  ReviewSort,
  { key: (r: ReviewRow) => number; orderBy: SQL; after: (c: ReviewCursor) => SQL }
> = {
  helpful: {
    key: (r) => Number(r.helpful_count),
    orderBy: sql`r.helpful_count desc, r.created_at desc, r.id desc`,
    after: (c) =>
      sql`(r.helpful_count, r.created_at, r.id) < (${c.key}, ${c.createdAt}::timestamptz, ${c.id}::uuid)`,
  },
  newest: {
    key: () => 0,
    orderBy: sql`r.created_at desc, r.id desc`,
    after: (c) => sql`(r.created_at, r.id) < (${c.createdAt}::timestamptz, ${c.id}::uuid)`,
  },
  highest: {
    key: (r) => Number(r.rating),
    orderBy: sql`r.rating desc, r.created_at desc, r.id desc`,
    after: (c) =>
      sql`(r.rating, r.created_at, r.id) < (${c.key}, ${c.createdAt}::timestamptz, ${c.id}::uuid)`,
  },
  lowest: {
    key: (r) => Number(r.rating),
    orderBy: sql`r.rating asc, r.created_at desc, r.id desc`,
    after: (c) =>
      sql`(r.rating > ${c.key} or (r.rating = ${c.key} and (r.created_at, r.id) < (${c.createdAt}::timestamptz, ${c.id}::uuid)))`,
  },
};

/** Where, order and limit of a page of a product's published reviews. */
export function pageQuery(input: z.output<typeof ReviewsListInput>, viewerId: string | null): ReviewsQuery {
  const cursor = decodeReviewCursor(input.cursor);
  const sort = SORTS[input.sort];
  return {
    where: sql`r.product_id = ${input.productId} and r.status = 'published'${cursor ? sql` and ${sort.after(cursor)}` : sql``}`,
    orderBy: sort.orderBy,
    limit: input.limit + 1,
    viewerId,
  };
}

/**
 * The page in one statement: the product's visibility and its reviews (a lateral join), so
 * no row means the product is not public and a row of nulls that it has no reviews yet.
 * The benchmark's bare route runs it as is.
 */
export function publicPageSql(input: z.output<typeof ReviewsListInput>, viewerId: string | null): SQL {
  return sql`select x.* from products pp join sellers ss on ss.id = pp.seller_id
    left join lateral (${reviewsSql({ ...pageQuery(input, viewerId), numbered: true })}) x on true
    where pp.id = ${input.productId} and pp.status = 'approved' and ss.status = 'approved'
    order by x.pos`;
}

/**
 * The product page's reviews: published ones of a public product, with photos, the shop's
 * reply, the author's display name and whether `viewer` (null for guests) voted. Helpful
 * counts move while someone pages, so a review may show twice or be passed over across
 * pages of the "helpful" sort; every other sort is stable.
 */
export async function listProductReviews(
  deps: Pick<Deps, "db">,
  viewer: Actor | null,
  raw: z.input<typeof ReviewsListInput>,
): Promise<Page<ReviewDto>> {
  const input = ReviewsListInput.parse(raw);
  const sort = SORTS[input.sort];
  const found = await rowsOf<ReviewRow | { id: null }>(deps.db, publicPageSql(input, viewer?.userId ?? null));
  if (found.length === 0) throw productNotFound();
  const rows = found.filter((r): r is ReviewRow => r.id !== null);
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toReviewDto(r, viewer?.userId ?? null)),
    nextCursor:
      rows.length > input.limit && last
        ? encodeReviewCursor({ key: sort.key(last), createdAt: last.created_key, id: last.id })
        : null,
  };
}
