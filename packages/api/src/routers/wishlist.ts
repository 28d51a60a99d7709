import {
  addToWishlist,
  listWishlist,
  moveWishlistToCart,
  removeFromWishlist,
  sharedWishlist,
  shareWishlist,
  unshareWishlist,
  wishlistStatus,
} from "@bazaar/core";
import {
  PageInput,
  SharedWishlistInput,
  WishlistAddInput,
  WishlistMoveInput,
  WishlistRemoveInput,
  WishlistStatusInput,
} from "@bazaar/schemas";
import { customerProcedure, publicProcedure } from "../trpc";

export const wishlistRoutes = {
  /** The customer's own wishlist, mounted at `wishlist`. */
  customer: {
    list: customerProcedure
      .input(PageInput.optional())
      .query(({ ctx, input }) => listWishlist(ctx.deps, ctx.actor, input)),
    add: customerProcedure
      .input(WishlistAddInput)
      .mutation(({ ctx, input }) => addToWishlist(ctx.deps, ctx.actor, input)),
    remove: customerProcedure
      .input(WishlistRemoveInput)
      .mutation(({ ctx, input }) => removeFromWishlist(ctx.deps, ctx.actor, input)),
    moveToCart: customerProcedure
      .input(WishlistMoveInput)
      .mutation(async ({ ctx, input }) => (await moveWishlistToCart(ctx.deps, ctx.actor, input)).cart),
    /** Which products are saved (for "Saved" on product pages) and whether a share link is live. */
    status: customerProcedure
      .input(WishlistStatusInput.optional())
      .query(({ ctx, input }) => wishlistStatus(ctx.deps, ctx.actor, input)),
    share: customerProcedure.mutation(({ ctx }) => shareWishlist(ctx.deps, ctx.actor)),
    unshare: customerProcedure.mutation(({ ctx }) => unshareWishlist(ctx.deps, ctx.actor)),
  },

  /** A shared wishlist, by its link, also mounted at `wishlist`. */
  public: {
    /** Anyone with the link; shows products only. */
    shared: publicProcedure
      .input(SharedWishlistInput)
      .query(({ ctx, input }) => sharedWishlist(ctx.deps, input)),
  },
};
