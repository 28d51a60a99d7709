import {
  getAdminDashboard,
  getAdminHome,
  getAdminTopCategories,
  getAdminTopShops,
  getSellerDashboard,
  getSellerTopProducts,
} from "@bazaar/core";
import { AnalyticsRangeInput, AnalyticsTopInput } from "@bazaar/schemas";
import { adminProcedure, sellerProcedure } from "../trpc";

export const analyticsRoutes = {
  /** Mounted at `seller.analytics`: the caller's own shop only. */
  seller: {
    analytics: {
      dashboard: sellerProcedure
        .input(AnalyticsRangeInput)
        .query(({ ctx, input }) => getSellerDashboard(ctx.deps, ctx.actor, input)),
      topProducts: sellerProcedure
        .input(AnalyticsTopInput)
        .query(({ ctx, input }) => getSellerTopProducts(ctx.deps, ctx.actor, input)),
    },
  },
  /** Mounted at `admin.analytics`: the whole platform. */
  admin: {
    analytics: {
      dashboard: adminProcedure
        .input(AnalyticsRangeInput)
        .query(({ ctx, input }) => getAdminDashboard(ctx.deps, ctx.actor, input)),
      topCategories: adminProcedure
        .input(AnalyticsTopInput)
        .query(({ ctx, input }) => getAdminTopCategories(ctx.deps, ctx.actor, input)),
      topShops: adminProcedure
        .input(AnalyticsTopInput)
        .query(({ ctx, input }) => getAdminTopShops(ctx.deps, ctx.actor, input)),
      home: adminProcedure.query(({ ctx }) => getAdminHome(ctx.deps, ctx.actor)),
    },
  },
};
