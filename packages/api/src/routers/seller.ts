import {
  adjustStock,
  archiveProduct,
  createProduct,
  discardRevision,
  getSellerProduct,
  inventoryLog,
  listSellerProducts,
  restoreProduct,
  submitProduct,
  updateProduct,
} from "@bazaar/core";
import {
  AdjustStockInput,
  IdInput,
  InventoryLogInput,
  ProductCreateInput,
  ProductUpdateInput,
  SellerProductsListInput,
} from "@bazaar/schemas";
import { router, sellerProcedure } from "../trpc";
import { sellerOrdersRouter } from "./orders";
import { sellerCouponsRouter, sellerSalesRouter } from "./promotions";

/** The seller's own catalogue; every id is checked against the caller's shop in core. */
export const sellerRouter = router({
  coupons: sellerCouponsRouter,
  orders: sellerOrdersRouter,
  sales: sellerSalesRouter,
  products: router({
    list: sellerProcedure
      .input(SellerProductsListInput)
      .query(({ ctx, input }) => listSellerProducts(ctx.deps, ctx.actor, input)),
    byId: sellerProcedure
      .input(IdInput)
      .query(({ ctx, input }) => getSellerProduct(ctx.deps, ctx.actor, input)),
    create: sellerProcedure
      .input(ProductCreateInput)
      .mutation(({ ctx, input }) => createProduct(ctx.deps, ctx.actor, input)),
    update: sellerProcedure
      .input(ProductUpdateInput)
      .mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.actor, input)),
    submit: sellerProcedure
      .input(IdInput)
      .mutation(({ ctx, input }) => submitProduct(ctx.deps, ctx.actor, input)),
    archive: sellerProcedure
      .input(IdInput)
      .mutation(({ ctx, input }) => archiveProduct(ctx.deps, ctx.actor, input)),
    restore: sellerProcedure
      .input(IdInput)
      .mutation(({ ctx, input }) => restoreProduct(ctx.deps, ctx.actor, input)),
    discardRevision: sellerProcedure
      .input(IdInput)
      .mutation(({ ctx, input }) => discardRevision(ctx.deps, ctx.actor, input)),
    adjustStock: sellerProcedure
      .input(AdjustStockInput)
      .mutation(({ ctx, input }) => adjustStock(ctx.deps, ctx.actor, input)),
    inventoryLog: sellerProcedure
      .input(InventoryLogInput)
      .query(({ ctx, input }) => inventoryLog(ctx.deps, ctx.actor, input)),
  }),
});
