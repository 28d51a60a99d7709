import { categoryTree, listProducts, productBySlug, searchSuggest } from "@bazaar/core";
import { BySlugInput, ProductListInput, SuggestInput } from "@bazaar/schemas";
import { publicProcedure, router } from "../trpc";

/**
 * The public storefront reads, mounted as `catalog`: `catalog.categories`,
 * `catalog.products.list`, `catalog.products.bySlug`, `catalog.search.suggest`.
 * No sign-in; every answer is cached in core and invalidated by catalogue writes.
 */
export const browseRouter = router({
  categories: publicProcedure.query(({ ctx }) => categoryTree(ctx.deps)),
  products: router({
    list: publicProcedure.input(ProductListInput).query(({ ctx, input }) => listProducts(ctx.deps, input)),
    bySlug: publicProcedure.input(BySlugInput).query(({ ctx, input }) => productBySlug(ctx.deps, input)),
  }),
  search: router({
    suggest: publicProcedure.input(SuggestInput).query(({ ctx, input }) => searchSuggest(ctx.deps, input)),
  }),
});
