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
  setStock,
  submitProduct,
  takeDownProduct,
  updateCategory,
  updateProduct,
} from "@bazaar/core";
import {
  AdjustStockInput,
  BySlugInput,
  CategoryInput,
  CategoryTreeOutput,
  CategoryUpdateInput,
  FeatureInput,
  IdInput,
  InventoryLogInput,
  ModerationDecisionInput,
  ModerationQueueInput,
  ModerationRejectInput,
  ProductCreateInput,
  ProductDetailOutput,
  ProductListInput,
  ProductListOutput,
  ProductTakeDownInput,
  ProductUpdateInput,
  SellerProductOutput,
  SellerProductPageOutput,
  SellerProductsListInput,
  SetStockInput,
  StockMovementPageOutput,
  SuggestInput,
  VariantStockOutput,
} from "@bazaar/schemas";
import { rest } from "../rest-meta";
import { adminProcedure, publicProcedure, sellerProcedure } from "../trpc";

export const catalogRoutes = {
  /**
   * The storefront reads, mounted at `catalog`. No sign-in; every answer is cached in core
   * and invalidated by catalogue writes.
   */
  public: {
    categories: publicProcedure
      .meta(
        rest("GET", "/catalog/categories", {
          tags: ["Catalog"],
          summary: "The category tree",
          protect: false,
          returns: "The category tree: `{ id, name, slug, children[] }[]`.",
        }),
      )
      .output(CategoryTreeOutput)
      .query(({ ctx }) => categoryTree(ctx.deps)),
    products: {
      list: publicProcedure
        .meta(
          rest("GET", "/catalog/products", {
            tags: ["Catalog"],
            summary: "List and search live products",
            description:
              "Filter by category, shop, brand, price, rating and stock; `q` searches. Cursor pagination.",
            protect: false,
            page: "ProductCard",
          }),
        )
        .input(ProductListInput)
        .output(ProductListOutput)
        .query(({ ctx, input }) => listProducts(ctx.deps, input)),
      bySlug: publicProcedure
        .meta(
          rest("GET", "/catalog/products/{slug}", {
            tags: ["Catalog"],
            summary: "A live product by its slug, with variants, prices and stock",
            protect: false,
            returns: "The product with its variants, images and shop.",
          }),
        )
        .input(BySlugInput)
        .output(ProductDetailOutput)
        .query(({ ctx, input }) => productBySlug(ctx.deps, input)),
    },
    search: {
      suggest: publicProcedure.input(SuggestInput).query(({ ctx, input }) => searchSuggest(ctx.deps, input)),
    },
  },

  seller: {
    /** Mounted at `seller.products`: the seller's own catalogue; every id is checked against the caller's shop in core. */
    products: {
      list: sellerProcedure
        .meta(
          rest("GET", "/seller/products", {
            tags: ["Seller products"],
            summary: "The shop's products",
            scope: "catalog:read",
            page: "SellerProduct",
          }),
        )
        .input(SellerProductsListInput)
        .output(SellerProductPageOutput)
        .query(({ ctx, input }) => listSellerProducts(ctx.deps, ctx.actor, input)),
      byId: sellerProcedure
        .meta(
          rest("GET", "/seller/products/{id}", {
            tags: ["Seller products"],
            summary: "One of the shop's products, with variants and stock",
            scope: "catalog:read",
            returns: "The product with its variants, stock and moderation state.",
          }),
        )
        .input(IdInput)
        .output(SellerProductOutput)
        .query(({ ctx, input }) => getSellerProduct(ctx.deps, ctx.actor, input)),
      create: sellerProcedure
        .meta(
          rest("POST", "/seller/products", {
            tags: ["Seller products"],
            summary: "Create a product (a draft until submitted for review)",
            scope: "catalog:write",
            returns: "The product created.",
          }),
        )
        .input(ProductCreateInput)
        .output(SellerProductOutput)
        .mutation(({ ctx, input }) => createProduct(ctx.deps, ctx.actor, input)),
      update: sellerProcedure
        .meta(
          rest("PATCH", "/seller/products/{id}", {
            tags: ["Seller products"],
            summary: "Change a product (a live one keeps selling while its revision is reviewed)",
            scope: "catalog:write",
            returns: "The product as changed.",
          }),
        )
        .input(ProductUpdateInput)
        .output(SellerProductOutput)
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
        .meta(
          rest("POST", "/seller/stock/adjustments", {
            tags: ["Seller stock"],
            summary: "Adjust a variant's stock by a delta, with a reason",
            description:
              "Positive to receive goods, negative to write off; refused when it would go below zero.",
            scope: "stock:write",
            returns: "The variant's new stock.",
          }),
        )
        .input(AdjustStockInput)
        .output(VariantStockOutput)
        .mutation(({ ctx, input }) => adjustStock(ctx.deps, ctx.actor, input)),
      setStock: sellerProcedure
        .meta(
          rest("PUT", "/seller/stock/{variantId}", {
            tags: ["Seller stock"],
            summary: "Set a variant's stock to a count (a stock-take, a warehouse system's figure)",
            description:
              "The movement logged is the difference from the current stock; setting the count it already has changes nothing.",
            scope: "stock:write",
            returns: "The variant's stock: `{ variantId, stock }`.",
          }),
        )
        .input(SetStockInput)
        .output(VariantStockOutput)
        .mutation(({ ctx, input }) => setStock(ctx.deps, ctx.actor, input)),
      inventoryLog: sellerProcedure
        .meta(
          rest("GET", "/seller/products/{productId}/stock-movements", {
            tags: ["Seller stock"],
            summary: "A product's stock movements, newest first",
            scope: "stock:read",
            page: "StockMovement",
          }),
        )
        .input(InventoryLogInput)
        .output(StockMovementPageOutput)
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
