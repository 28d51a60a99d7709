import {
  adjustStock,
  approveProduct,
  archiveProduct,
  categoryTree,
  createCategory,
  createProduct,
  deleteCategory,
  discardRevision,
  getSellerProduct,
  inventoryLog,
  listProducts,
  listSellerProducts,
  moderationQueue,
  productBySlug,
  rejectProduct,
  restoreProduct,
  searchSuggest,
  setFeatured,
  submitProduct,
  takeDownProduct,
  updateCategory,
  updateProduct,
} from "@bazaar/core";
import {
  AdjustStockInput,
  BySlugInput,
  CategoryInput,
  CategoryUpdateInput,
  FeatureInput,
  IdInput,
  InventoryLogInput,
  ModerationDecisionInput,
  ModerationQueueInput,
  ModerationRejectInput,
  ProductCreateInput,
  ProductListInput,
  ProductTakeDownInput,
  ProductUpdateInput,
  SellerProductsListInput,
  SuggestInput,
} from "@bazaar/schemas";
import { adminProcedure, publicProcedure, sellerProcedure } from "../trpc";

export const catalogRoutes = {
  /**
   * The storefront reads, mounted at `catalog`. No sign-in; every answer is cached in core
   * and invalidated by catalogue writes.
   */
  public: {
    categories: publicProcedure.query(({ ctx }) => categoryTree(ctx.deps)),
    products: {
      list: publicProcedure.input(ProductListInput).query(({ ctx, input }) => listProducts(ctx.deps, input)),
      bySlug: publicProcedure.input(BySlugInput).query(({ ctx, input }) => productBySlug(ctx.deps, input)),
    },
    search: {
      suggest: publicProcedure.input(SuggestInput).query(({ ctx, input }) => searchSuggest(ctx.deps, input)),
    },
  },

  seller: {
    /** Mounted at `seller.products`: the seller's own catalogue; every id is checked against the caller's shop in core. */
    products: {
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
    },
  },

  admin: {
    /** Mounted at `admin.products`: moderation and featuring. */
    products: {
      queue: adminProcedure
        .input(ModerationQueueInput)
        .query(({ ctx, input }) => moderationQueue(ctx.deps, ctx.actor, input)),
      approve: adminProcedure
        .input(ModerationDecisionInput)
        .mutation(({ ctx, input }) => approveProduct(ctx.deps, ctx.actor, input)),
      reject: adminProcedure
        .input(ModerationRejectInput)
        .mutation(({ ctx, input }) => rejectProduct(ctx.deps, ctx.actor, input)),
      feature: adminProcedure
        .input(FeatureInput)
        .mutation(({ ctx, input }) => setFeatured(ctx.deps, ctx.actor, input)),
      /** A live product leaves the storefront with a reason the seller sees; the shop stays open. */
      takeDown: adminProcedure
        .input(ProductTakeDownInput)
        .mutation(({ ctx, input }) => takeDownProduct(ctx.deps, ctx.actor, input)),
    },
    /** Mounted at `admin.categories`: the category tree. */
    categories: {
      create: adminProcedure
        .input(CategoryInput)
        .mutation(({ ctx, input }) => createCategory(ctx.deps, ctx.actor, input)),
      update: adminProcedure
        .input(CategoryUpdateInput)
        .mutation(({ ctx, input }) => updateCategory(ctx.deps, ctx.actor, input)),
      delete: adminProcedure
        .input(IdInput)
        .mutation(({ ctx, input }) => deleteCategory(ctx.deps, ctx.actor, input)),
    },
  },
};
