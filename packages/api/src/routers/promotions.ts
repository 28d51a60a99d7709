import {
  cancelSaleEvent,
  createCoupon,
  createSaleEvent,
  getCheckoutSettings,
  listCoupons,
  listSaleEvents,
  setCheckoutSettings,
  setCouponActive,
  updateCoupon,
  updateSaleEvent,
} from "@bazaar/core";
import {
  CouponListInput,
  CreateCouponInput,
  CreateSaleEventInput,
  IdInput,
  SaleEventListInput,
  SetCheckoutSettingsInput,
  SetCouponActiveInput,
  UpdateCouponInput,
  UpdateSaleEventInput,
} from "@bazaar/schemas";
import { adminProcedure, router, sellerProcedure } from "../trpc";

const PLATFORM = { sellerId: null };

/** Mounted at `admin.coupons`: platform coupons, plus oversight of every seller's. */
export const adminCouponsRouter = router({
  list: adminProcedure.input(CouponListInput).query(({ ctx, input }) => listCoupons(ctx.deps, "any", input)),
  create: adminProcedure
    .input(CreateCouponInput)
    .mutation(({ ctx, input }) => createCoupon(ctx.deps, ctx.actor, PLATFORM, input)),
  update: adminProcedure
    .input(UpdateCouponInput)
    .mutation(({ ctx, input }) => updateCoupon(ctx.deps, ctx.actor, PLATFORM, input)),
  setActive: adminProcedure
    .input(SetCouponActiveInput)
    .mutation(({ ctx, input }) => setCouponActive(ctx.deps, ctx.actor, "any", input)),
});

/** Mounted at `seller.coupons`: coupons on the seller's own products only. */
export const sellerCouponsRouter = router({
  list: sellerProcedure
    .input(CouponListInput)
    .query(({ ctx, input }) => listCoupons(ctx.deps, { sellerId: ctx.actor.sellerId }, input)),
  create: sellerProcedure
    .input(CreateCouponInput)
    .mutation(({ ctx, input }) => createCoupon(ctx.deps, ctx.actor, { sellerId: ctx.actor.sellerId }, input)),
  update: sellerProcedure
    .input(UpdateCouponInput)
    .mutation(({ ctx, input }) => updateCoupon(ctx.deps, ctx.actor, { sellerId: ctx.actor.sellerId }, input)),
  setActive: sellerProcedure
    .input(SetCouponActiveInput)
    .mutation(({ ctx, input }) =>
      setCouponActive(ctx.deps, ctx.actor, { sellerId: ctx.actor.sellerId }, input),
    ),
});

/** Mounted at `seller.sales`: time-limited sale prices on the seller's variants. */
export const sellerSalesRouter = router({
  list: sellerProcedure
    .input(SaleEventListInput)
    .query(({ ctx, input }) => listSaleEvents(ctx.deps, ctx.actor, input)),
  create: sellerProcedure
    .input(CreateSaleEventInput)
    .mutation(({ ctx, input }) => createSaleEvent(ctx.deps, ctx.actor, input)),
  update: sellerProcedure
    .input(UpdateSaleEventInput)
    .mutation(({ ctx, input }) => updateSaleEvent(ctx.deps, ctx.actor, input)),
  cancel: sellerProcedure
    .input(IdInput)
    .mutation(({ ctx, input }) => cancelSaleEvent(ctx.deps, ctx.actor, input)),
});

/** Added to `admin.settings`: shipping fees and cart limits. */
export const checkoutSettingsProcedures = {
  checkout: adminProcedure.query(({ ctx }) => getCheckoutSettings(ctx.deps.db)),
  setCheckout: adminProcedure
    .input(SetCheckoutSettingsInput)
    .mutation(({ ctx, input }) => setCheckoutSettings(ctx.deps, ctx.actor, input)),
};
