import { type Page, type SellerReviewDto, SellerReviewsListInput } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeReviewCursor, encodeReviewCursor } from "./cursor";
import { selectReviews, toSellerReviewDto } from "./queries";

/**
 * The shop's reviews, newest first, hidden ones included (marked), optionally only those
 * still waiting for a reply, of one product, or of one star rating.
 */
export async function listSellerReviews(
  deps: Pick<Deps, "db">,
  actor: SellerActor,
  raw: z.input<typeof SellerReviewsListInput>,
): Promise<Page<SellerReviewDto>> {
  const input = SellerReviewsListInput.parse(raw);
  const cursor = decodeReviewCursor(input.cursor);
  const conds = [sql`r.seller_id = ${actor.sellerId}`];
  if (input.unreplied) conds.push(sql`r.seller_reply is null`);
  if (input.productId) conds.push(sql`r.product_id = ${input.productId}`);
  if (input.rating) conds.push(sql`r.rating = ${input.rating}`);
  if (cursor) conds.push(sql`(r.created_at, r.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await selectReviews(deps.db, {
    where: sql.join(conds, sql` and `),
    orderBy: sql`r.created_at desc, r.id desc`,
    limit: input.limit + 1,
    viewerId: null,
  });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toSellerReviewDto),
    nextCursor:
      rows.length > input.limit && last
        ? encodeReviewCursor({ key: 0, createdAt: last.created_key, id: last.id })
        : null,
  };
}
