import { reviews } from "@bazaar/db";
import { type MyReviewDto, UpdateReviewInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { ReviewEffects } from "./notify";
import { checkOwnPhotos } from "./photos";
import { findMyReview } from "./queries";
import { lockForRating, refreshRatings } from "./ratings";

const gone = () => notFound("review.not_found", "This review does not exist");

/**
 * The author edits their review; someone else's is NOT_FOUND. A changed rating moves the
 * product's and shop's aggregates in the same transaction, under the product's lock.
 */
export async function updateReview(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof UpdateReviewInput>,
): Promise<MyReviewDto> {
  const input = UpdateReviewInput.parse(raw);
  const fx = new ReviewEffects();
  await deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ productId: reviews.productId })
      .from(reviews)
      .where(and(eq(reviews.id, input.reviewId), eq(reviews.customerId, actor.userId)));
    if (!found) throw gone();
    const product = await lockForRating(tx, found.productId);
    const [row] = await tx
      .select({ rating: reviews.rating })
      .from(reviews)
      .where(and(eq(reviews.id, input.reviewId), eq(reviews.customerId, actor.userId)))
      .for("update");
    if (!row || !product) throw gone();
    const photoIds = input.photoIds ? await checkOwnPhotos(tx, actor.userId, input.photoIds) : undefined;
    await tx
      .update(reviews)
      .set({
        ...(input.rating !== undefined && { rating: input.rating }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.body !== undefined && { body: input.body }),
        ...(photoIds && { photoIds }),
        updatedAt: deps.now(),
      })
      .where(eq(reviews.id, input.reviewId));
    if (input.rating !== undefined && input.rating !== row.rating) {
      await refreshRatings(tx, product);
      fx.catalogChanged = true;
    }
  });
  await fx.release(deps);
  return (await findMyReview(deps.db, input.reviewId, actor.userId))!;
}
