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
} from "@bazaar/schemas";
import { adminProcedure, authedProcedure, publicProcedure, router, sellerProcedure } from "../trpc";
import { checkoutSettingsProcedures } from "./promotions";

/** Onboarding and the seller's own shop. */
export const sellersRouter = router({
  // Not `apply`: tRPC reserves that name (routers are proxies, and `apply` is a Function method).
  submitApplication: authedProcedure
    .input(SellerApplyInput)
    .mutation(({ ctx, input }) => applyToSell(ctx.deps, ctx.actor, input)),
  mine: authedProcedure.query(({ ctx }) => getMySeller(ctx.deps, ctx.actor)),
  updateProfile: sellerProcedure
    .input(SellerProfileUpdateInput)
    .mutation(({ ctx, input }) => updateShopProfile(ctx.deps, ctx.actor, input)),
});

/** The public shop page. */
export const shopsRouter = router({
  bySlug: publicProcedure.input(ShopBySlugInput).query(({ ctx, input }) => getShopBySlug(ctx.deps, input)),
});

/** Mounted at `admin.sellers`: applications, decisions and commission. */
export const adminSellersRouter = router({
  list: adminProcedure
    .input(AdminSellersListInput)
    .query(({ ctx, input }) => listSellers(ctx.deps, ctx.actor, input)),
  byId: adminProcedure.input(SellerIdInput).query(({ ctx, input }) => getSeller(ctx.deps, ctx.actor, input)),
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
});

/** Mounted at `admin.settings`: platform-wide settings. */
export const adminSettingsRouter = router({
  ...checkoutSettingsProcedures,
  get: adminProcedure.query(({ ctx }) => getPlatformSettings(ctx.deps, ctx.actor)),
  setDefaultCommission: adminProcedure
    .input(SetDefaultCommissionInput)
    .mutation(({ ctx, input }) => setDefaultCommission(ctx.deps, ctx.actor, input)),
});
