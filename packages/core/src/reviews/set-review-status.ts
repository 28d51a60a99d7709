import type { ReviewStatus } from "@bazaar/schemas";
import type { Deps } from "../platform/deps";

/**
 * Hides or republishes a review (the reports queue), fixing the product's and shop's rating
 * in the same transaction. Runs in `deps.db`'s transaction when it is one.
 */
export async function setReviewStatus(
  _deps: Pick<Deps, "db" | "now" | "cache">,
  _reviewId: string,
  _status: ReviewStatus,
): Promise<{ reviewId: string; productId: string; status: ReviewStatus; changed: boolean }> {
  throw new Error("not implemented");
}
