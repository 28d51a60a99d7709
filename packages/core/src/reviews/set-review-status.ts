import { reviews } from "@bazaar/db";
import type { ReviewStatus } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
import { lockForRating, refreshRatings } from "./ratings";

export type ReviewStatusChange = {
  reviewId: string;
  productId: string;
  status: ReviewStatus;
  changed: boolean;
};

/**
 * Hides a review (an admin acting on reports) or publishes it again, and fixes the product's
 * and the shop's rating in the same transaction. Idempotent: setting the status it already
 * has changes nothing. Runs inside `deps.db` when that is a transaction (as a savepoint), so
 * the reports queue can audit in the same commit; the catalogue cache is bumped here, and
 * a caller inside its own transaction should bump "catalog" again after it commits.
 */
export async function setReviewStatus(
  deps: Pick<Deps, "db" | "now" | "cache">,
  reviewId: string,
  status: ReviewStatus,
): Promise<ReviewStatusChange> {
  const result = await deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ productId: reviews.productId })
      .from(reviews)
      .where(eq(reviews.id, reviewId));
    if (!found) throw notFound("review.not_found", "This review does not exist");
    const product = await lockForRating(tx, found.productId);
    const [row] = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).for("update");
    // Deleted by its author while we waited for the product.
    if (!row || !product) throw notFound("review.not_found", "This review does not exist");
    if (row.status === status) return { reviewId, productId: row.productId, status, changed: false };
    await tx.update(reviews).set({ status }).where(eq(reviews.id, reviewId));
    await refreshRatings(tx, product);
    return { reviewId, productId: row.productId, status, changed: true };
  });
  if (result.changed) await deps.cache.bump("catalog");
  return result;
}
