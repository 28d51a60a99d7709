import { reviews, reviewVotes } from "@bazaar/db";
import { type ReviewVoteDto, VoteReviewInput } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { forbidden, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";

/**
 * A signed-in user marks a review helpful (helpful: true) or takes the mark back (false).
 * One vote per user and review: the vote row's primary key decides, and helpful_count moves
 * only when a row was really inserted or deleted, in the same transaction, so it stays the
 * exact number of votes however many arrive at once. Not on one's own review.
 */
export async function voteReview(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof VoteReviewInput>,
): Promise<ReviewVoteDto> {
  const input = VoteReviewInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    const [review] = await rowsOf<{ customer_id: string }>(
      tx,
      sql`select r.customer_id from reviews r
          join products p on p.id = r.product_id join sellers s on s.id = p.seller_id
          where r.id = ${input.reviewId} and r.status = 'published'
            and p.status = 'approved' and s.status = 'approved'`,
    );
    if (!review) throw notFound("review.not_found", "This review does not exist");
    if (review.customer_id === actor.userId)
      throw forbidden("review.own_review", "You cannot vote on your own review");
    const changed = input.helpful
      ? await tx
          .insert(reviewVotes)
          .values({ reviewId: input.reviewId, userId: actor.userId })
          .onConflictDoNothing()
          .returning({ userId: reviewVotes.userId })
      : await tx
          .delete(reviewVotes)
          .where(and(eq(reviewVotes.reviewId, input.reviewId), eq(reviewVotes.userId, actor.userId)))
          .returning({ userId: reviewVotes.userId });
    const delta = changed.length === 0 ? 0 : input.helpful ? 1 : -1;
    const [after] = await tx
      .update(reviews)
      .set({ helpfulCount: sql`${reviews.helpfulCount} + ${delta}` })
      .where(eq(reviews.id, input.reviewId))
      .returning({ helpfulCount: reviews.helpfulCount });
    // Deleted by its author a moment ago: the vote went with it.
    if (!after) throw notFound("review.not_found", "This review does not exist");
    return { reviewId: input.reviewId, votedHelpful: input.helpful, helpfulCount: after.helpfulCount };
  });
}
