import { reviews } from "@bazaar/db";
import { CreateReviewInput, type MyReviewDto } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { DomainError, forbidden, invalidState } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { isUniqueViolation } from "../platform/text";
import { ReviewEffects } from "./notify";
import { checkOwnPhotos } from "./photos";
import { findMyReview } from "./queries";
import { lockForRating, refreshRatings } from "./ratings";
import { deliveredLine } from "./verified-purchase";

const alreadyReviewed = (reviewId?: string) =>
  new DomainError(
    "CONFLICT",
    "review.already_reviewed",
    "You have already reviewed this product. Edit your review instead.",
    reviewId ? { reviewId } : undefined,
  );

/**
 * A verified buyer reviews a product: only a customer with a delivered line of it, once per
 * product (two submits at once: one review, the other a CONFLICT), photos from their own
 * uploads. The product's and shop's ratings change in the same transaction, under the
 * product's row lock; the shop is emailed after commit.
 */
export async function createReview(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof CreateReviewInput>,
): Promise<MyReviewDto> {
  const input = CreateReviewInput.parse(raw);
  const fx = new ReviewEffects();
  let reviewId: string;
  try {
    reviewId = await deps.db.transaction(async (tx) => {
      const line = await deliveredLine(tx, actor.userId, input.productId);
      if (!line)
        throw forbidden(
          "review.not_verified_purchase",
          "Only buyers who received this product can review it",
        );
      const product = await lockForRating(tx, input.productId);
      if (product?.status !== "approved" || product.sellerStatus !== "approved")
        throw invalidState(
          "review.product_unavailable",
          "This product is not on sale now, so it cannot be reviewed",
        );
      // Under the product lock: a concurrent create by this buyer has committed or not begun.
      const [existing] = await tx
        .select({ id: reviews.id })
        .from(reviews)
        .where(and(eq(reviews.productId, product.id), eq(reviews.customerId, actor.userId)));
      if (existing) throw alreadyReviewed(existing.id);
      const photoIds = await checkOwnPhotos(tx, actor.userId, input.photoIds);
      const now = deps.now();
      const [row] = await tx
        .insert(reviews)
        .values({
          productId: product.id,
          sellerId: product.sellerId,
          customerId: actor.userId,
          orderItemId: line.orderItemId,
          rating: input.rating,
          title: input.title,
          body: input.body,
          photoIds,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: reviews.id });
      await refreshRatings(tx, product);
      await fx.newReview(tx, deps, {
        sellerId: product.sellerId,
        productTitle: product.title,
        rating: input.rating,
        title: input.title,
      });
      fx.catalogChanged = true;
      return row!.id;
    });
  } catch (e) {
    // The unique index is the last word if two creates ever got past the lock together.
    if (isUniqueViolation(e, "reviews_product_customer_key")) throw alreadyReviewed();
    throw e;
  }
  await fx.release(deps);
  return (await findMyReview(deps.db, reviewId, actor.userId))!;
}
