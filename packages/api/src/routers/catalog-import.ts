import { getCatalogImport, listCatalogImports } from "@bazaar/core";
import { CatalogImportGetInput, CatalogImportListInput } from "@bazaar/schemas";
import { sellerProcedure } from "../trpc";

export const catalogImportRoutes = {
  /**
   * Mounted at `seller.catalogImport`: the shop's CSV imports and their progress. The file
   * itself goes to `POST /api/seller/catalog-imports` (multipart), the export and each
   * import's error report are plain downloads (see the server's catalog-csv routes).
   */
  seller: {
    catalogImport: {
      get: sellerProcedure
        .input(CatalogImportGetInput)
        .query(({ ctx, input }) => getCatalogImport(ctx.deps, ctx.actor, input)),
      list: sellerProcedure
        .input(CatalogImportListInput)
        .query(({ ctx, input }) => listCatalogImports(ctx.deps, ctx.actor, input)),
    },
  },
};
