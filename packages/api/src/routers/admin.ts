import { listUsers, setUserStatus } from "@bazaar/core";
import { AdminUsersListInput, SetUserStatusInput } from "@bazaar/schemas";
import { adminProcedure, router } from "../trpc";
import { adminCategoriesRouter, adminProductsRouter } from "./catalog-admin";
import { adminOrdersRouter } from "./orders";
import { adminCouponsRouter } from "./promotions";
import { adminSellersRouter, adminSettingsRouter } from "./sellers";

export const adminRouter = router({
  products: adminProductsRouter,
  categories: adminCategoriesRouter,
  sellers: adminSellersRouter,
  settings: adminSettingsRouter,
  coupons: adminCouponsRouter,
  orders: adminOrdersRouter,
  users: router({
    list: adminProcedure
      .input(AdminUsersListInput)
      .query(({ ctx, input }) => listUsers(ctx.deps, ctx.actor, input)),
    setStatus: adminProcedure
      .input(SetUserStatusInput)
      .mutation(({ ctx, input }) => setUserStatus(ctx.deps, ctx.actor, input)),
  }),
});
