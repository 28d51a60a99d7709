import { type Page, type ReviewDto, type ReviewSort, ReviewsListInput } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { decodeReviewCursor, encodeReviewCursor, type ReviewCursor } from "./cursor";
import { assertPublicProduct } from "./public-product";
import { type ReviewRow, type ReviewsQuery, selectReviews, toReviewDto } from "./queries";

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

/** The page's query (one statement); the benchmark's bare route runs it as is. */
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
  await assertPublicProduct(deps.db, input.productId);
  const sort = SORTS[input.sort];
  const rows = await selectReviews(deps.db, pageQuery(input, viewer?.userId ?? null));
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
