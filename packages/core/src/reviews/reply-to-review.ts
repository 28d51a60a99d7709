import { products, reviews, sellers } from "@bazaar/db";
import { SellerReplyInput, type SellerReviewDto } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { ReviewEffects } from "./notify";
import { selectReviews, toSellerReviewDto } from "./queries";

/**
 * The product's shop replies to a review, once; calling again edits the reply. Another
 * shop's review is NOT_FOUND. The buyer is emailed after commit when the text changed.
 */
export async function replyToReview(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof SellerReplyInput>,
): Promise<SellerReviewDto> {
  const input = SellerReplyInput.parse(raw);
  const fx = new ReviewEffects();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        customerId: reviews.customerId,
        previous: reviews.sellerReply,
        productTitle: products.title,
        productSlug: products.slug,
        shopName: sellers.shopName,
      })
      .from(reviews)
      .innerJoin(products, eq(products.id, reviews.productId))
      .innerJoin(sellers, eq(sellers.id, reviews.sellerId))
      .where(and(eq(reviews.id, input.reviewId), eq(reviews.sellerId, actor.sellerId)))
      .for("update", { of: reviews });
    if (!row) throw notFound("review.not_found", "This review does not exist");
    if (row.previous === input.body) return;
    await tx
      .update(reviews)
      .set({ sellerReply: input.body, sellerRepliedAt: deps.now() })
      .where(eq(reviews.id, input.reviewId));
    await fx.sellerReplied(tx, deps, {
      customerId: row.customerId,
      shopName: row.shopName,
      productTitle: row.productTitle,
      productSlug: row.productSlug,
      reply: input.body,
      edited: row.previous !== null,
    });
  });
  await fx.release(deps);
  const [after] = await selectReviews(deps.db, {
    where: sql`r.id = ${input.reviewId}`,
    orderBy: sql`r.id`,
    limit: 1,
    viewerId: null,
  });
  return toSellerReviewDto(after!);
}
