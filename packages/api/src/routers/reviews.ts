import {
  type Actor,
  authenticate,
  createReview,
  listMyReviews,
  listProductReviews,
  listSellerReviews,
  removeReview,
  replyToReview,
  reviewEligibility,
  reviewSummary,
  updateReview,
  voteReview,
} from "@bazaar/core";
import {
  CreateReviewInput,
  MyReviewsInput,
  ProductReviewsInput,
  ReviewIdInput,
  ReviewsListInput,
  SellerReplyInput,
  SellerReviewsListInput,
  UpdateReviewInput,
  VoteReviewInput,
} from "@bazaar/schemas";
import { authedProcedure, customerProcedure, publicProcedure, sellerProcedure } from "../trpc";

/**
 * Public reads that say a little more to a signed-in caller (which reviews they voted for,
 * which one is theirs). A token that is sent must be valid, as with the cart: a client with
 * a stale one refreshes it rather than silently seeing the guest view.
 */
const viewerProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const viewer: Actor | null = ctx.http.accessToken
    ? await authenticate(ctx.deps, ctx.http.accessToken)
    : null;
  return next({ ctx: { ...ctx, viewer } });
});

export const reviewsRoutes = {
  /** Mounted at `reviews`: the product page. Only published reviews of listed products. */
  public: {
    list: viewerProcedure
      .input(ReviewsListInput)
      .query(({ ctx, input }) => listProductReviews(ctx.deps, ctx.viewer, input)),
    summary: publicProcedure
      .input(ProductReviewsInput)
      .query(({ ctx, input }) => reviewSummary(ctx.deps, input)),
  },
  /** Mounted at `reviews`: verified buyers write, edit and delete their own. */
  customer: {
    create: customerProcedure
      .input(CreateReviewInput)
      .mutation(({ ctx, input }) => createReview(ctx.deps, ctx.actor, input)),
    update: customerProcedure
      .input(UpdateReviewInput)
      .mutation(({ ctx, input }) => updateReview(ctx.deps, ctx.actor, input)),
    remove: customerProcedure
      .input(ReviewIdInput)
      .mutation(({ ctx, input }) => removeReview(ctx.deps, ctx.actor, input)),
    mine: customerProcedure
      .input(MyReviewsInput)
      .query(({ ctx, input }) => listMyReviews(ctx.deps, ctx.actor, input)),
    eligibility: customerProcedure
      .input(ProductReviewsInput)
      .query(({ ctx, input }) => reviewEligibility(ctx.deps, ctx.actor, input)),
  },
  /** Mounted at `reviews`: any signed-in account may find a review helpful, once. */
  signedIn: {
    vote: authedProcedure
      .input(VoteReviewInput)
      .mutation(({ ctx, input }) => voteReview(ctx.deps, ctx.actor, input)),
  },
  seller: {
    /** Mounted at `seller.reviews`: reviews of the shop's own products only. */
    reviews: {
      list: sellerProcedure
        .input(SellerReviewsListInput)
        .query(({ ctx, input }) => listSellerReviews(ctx.deps, ctx.actor, input)),
      reply: sellerProcedure
        .input(SellerReplyInput)
        .mutation(({ ctx, input }) => replyToReview(ctx.deps, ctx.actor, input)),
    },
  },
  admin: {},
};
