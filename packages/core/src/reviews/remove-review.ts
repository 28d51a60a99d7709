import { reviews } from "@bazaar/db";
import { ReviewIdInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { ReviewEffects } from "./notify";
import { lockForRating, refreshRatings } from "./ratings";

/**
 * The author deletes their review (votes go with it). The ratings drop it in the same
 * transaction. Someone else's review, or one already deleted, is NOT_FOUND.
 */
export async function removeReview(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ReviewIdInput>,
): Promise<{ reviewId: string; removed: true }> {
  const input = ReviewIdInput.parse(raw);
  const fx = new ReviewEffects();
  await deps.db.transaction(async (tx) => {
    const mine = and(eq(reviews.id, input.reviewId), eq(reviews.customerId, actor.userId));
    const [found] = await tx.select({ productId: reviews.productId }).from(reviews).where(mine);
    if (!found) throw notFound("review.not_found", "This review does not exist");
    const product = await lockForRating(tx, found.productId);
    const deleted = await tx.delete(reviews).where(mine).returning({ status: reviews.status });
    if (deleted.length === 0 || !product) throw notFound("review.not_found", "This review does not exist");
    if (deleted[0]!.status === "published") {
      await refreshRatings(tx, product);
      fx.catalogChanged = true;
    }
  });
  await fx.release(deps);
  return { reviewId: input.reviewId, removed: true };
}
