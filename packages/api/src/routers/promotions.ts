import {
  cancelSaleEvent,
  createCoupon,
  createSaleEvent,
  listCoupons,
  listSaleEvents,
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
  SetCouponActiveInput,
  UpdateCouponInput,
  UpdateSaleEventInput,
} from "@bazaar/schemas";
import { adminProcedure, sellerProcedure } from "../trpc";

const PLATFORM = { sellerId: null };

export const promotionsRoutes = {
  seller: {
    /** Mounted at `seller.coupons`: coupons on the seller's own products only. */
    coupons: {
      list: sellerProcedure
        .input(CouponListInput)
        .query(({ ctx, input }) => listCoupons(ctx.deps, { sellerId: ctx.actor.sellerId }, input)),
      create: sellerProcedure
        .input(CreateCouponInput)
        .mutation(({ ctx, input }) =>
          createCoupon(ctx.deps, ctx.actor, { sellerId: ctx.actor.sellerId }, input),
        ),
      update: sellerProcedure
        .input(UpdateCouponInput)
        .mutation(({ ctx, input }) =>
          updateCoupon(ctx.deps, ctx.actor, { sellerId: ctx.actor.sellerId }, input),
        ),
      setActive: sellerProcedure
        .input(SetCouponActiveInput)
        .mutation(({ ctx, input }) =>
          setCouponActive(ctx.deps, ctx.actor, { sellerId: ctx.actor.sellerId }, input),
        ),
    },
    /** Mounted at `seller.sales`: time-limited sale prices on the seller's variants. */
    sales: {
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
    },
  },

  admin: {
    /** Mounted at `admin.coupons`: platform coupons, plus oversight of every seller's. */
    coupons: {
      list: adminProcedure
        .input(CouponListInput)
        .query(({ ctx, input }) => listCoupons(ctx.deps, "any", input)),
      create: adminProcedure
        .input(CreateCouponInput)
        .mutation(({ ctx, input }) => createCoupon(ctx.deps, ctx.actor, PLATFORM, input)),
      update: adminProcedure
        .input(UpdateCouponInput)
        .mutation(({ ctx, input }) => updateCoupon(ctx.deps, ctx.actor, PLATFORM, input)),
      setActive: adminProcedure
        .input(SetCouponActiveInput)
        .mutation(({ ctx, input }) => setCouponActive(ctx.deps, ctx.actor, "any", input)),
    },
  },
};
