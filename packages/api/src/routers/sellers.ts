import {
  applyToSell,
  approveSeller,
  getMySeller,
  getPlatformSettings,
  getSeller,
  getShopBySlug,
  listSellers,
  reinstateSeller,
  rejectSeller,
  setDefaultCommission,
  setSellerCommission,
  suspendSeller,
  updateShopProfile,
} from "@bazaar/core";
import {
  AdminSellersListInput,
  SellerApplyInput,
  SellerDecisionInput,
  SellerDecisionWithReasonInput,
  SellerIdInput,
  SellerProfileUpdateInput,
  SetCommissionInput,
  SetDefaultCommissionInput,
  ShopBySlugInput,
  ShopOutput,
} from "@bazaar/schemas";
import { rest } from "../rest-meta";
import { adminProcedure, authedProcedure, publicProcedure, sellerProcedure } from "../trpc";

export const sellersRoutes = {
  /** Onboarding, mounted at `sellers`: any signed-in account may apply and see its application. */
  signedIn: {
    // Not `apply`: tRPC reserves that name (routers are proxies, and `apply` is a Function method).
    submitApplication: authedProcedure
      .input(SellerApplyInput)
      .mutation(({ ctx, input }) => applyToSell(ctx.deps, ctx.actor, input)),
    mine: authedProcedure.query(({ ctx }) => getMySeller(ctx.deps, ctx.actor)),
  },

  /** The seller's own shop, also mounted at `sellers`. */
  seller: {
    updateProfile: sellerProcedure
      .input(SellerProfileUpdateInput)
      .mutation(({ ctx, input }) => updateShopProfile(ctx.deps, ctx.actor, input)),
  },

  /** The public shop page, mounted at `shops`. */
  public: {
    bySlug: publicProcedure
      .meta(
        rest("GET", "/shops/{slug}", {
          tags: ["Catalog"],
          summary: "A shop's public page",
          protect: false,
          returns: "The shop's public profile.",
        }),
      )
      .input(ShopBySlugInput)
      .output(ShopOutput)
      .query(({ ctx, input }) => getShopBySlug(ctx.deps, input)),
  },

  admin: {
    /** Mounted at `admin.sellers`: applications, decisions and commission. */
    sellers: {
      list: adminProcedure
        .input(AdminSellersListInput)
        .query(({ ctx, input }) => listSellers(ctx.deps, ctx.actor, input)),
      byId: adminProcedure
        .input(SellerIdInput)
        .query(({ ctx, input }) => getSeller(ctx.deps, ctx.actor, input)),
      approve: adminProcedure
        .input(SellerDecisionInput)
        .mutation(({ ctx, input }) => approveSeller(ctx.deps, ctx.actor, input)),
      reject: adminProcedure
        .input(SellerDecisionWithReasonInput)
        .mutation(({ ctx, input }) => rejectSeller(ctx.deps, ctx.actor, input)),
      suspend: adminProcedure
        .input(SellerDecisionWithReasonInput)
        .mutation(({ ctx, input }) => suspendSeller(ctx.deps, ctx.actor, input)),
      reinstate: adminProcedure
        .input(SellerDecisionInput)
        .mutation(({ ctx, input }) => reinstateSeller(ctx.deps, ctx.actor, input)),
      setCommission: adminProcedure
        .input(SetCommissionInput)
        .mutation(({ ctx, input }) => setSellerCommission(ctx.deps, ctx.actor, input)),
    },
    /** Mounted at `admin.settings` beside checkout's: the platform's default commission. */
    settings: {
      get: adminProcedure.query(({ ctx }) => getPlatformSettings(ctx.deps, ctx.actor)),
      setDefaultCommission: adminProcedure
        .input(SetDefaultCommissionInput)
        .mutation(({ ctx, input }) => setDefaultCommission(ctx.deps, ctx.actor, input)),
    },
  },
};
