import { Readable } from "node:stream";
import { categories, products, productVariants } from "@bazaar/db";
import { CATALOG_CSV_COLUMNS, type CatalogCsvColumn } from "@bazaar/schemas";
import { stringify } from "csv-stringify";
import { and, asc, eq, gt, inArray, ne, or } from "drizzle-orm";
import type { Deps, SellerActor } from "../platform/deps";
import { rupees } from "./money";
import { safeCell } from "./spreadsheet-safe";

const PAGE = 200;

/**
 * The shop's catalog as CSV, one row per active variant of every product not archived, in
 * the order the products were created. Streamed: products are read a page at a time, so a
 * big shop's export never sits in memory whole. The same format imports back unchanged.
 */
export function exportCatalogCsv(deps: Deps, actor: SellerActor): Readable {
  return Readable.from(catalogRows(deps, actor.sellerId)).pipe(
    stringify({ header: true, columns: [...CATALOG_CSV_COLUMNS], cast: { string: safeCell } }),
  );
}

async function* catalogRows(deps: Deps, sellerId: string): AsyncGenerator<Record<CatalogCsvColumn, string>> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: { product: typeof products.$inferSelect; category: string }[] = await deps.db
      .select({ product: products, category: categories.slug })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(
        and(
          eq(products.sellerId, sellerId),
          ne(products.status, "archived"),
          after
            ? or(
                gt(products.createdAt, after.createdAt),
                and(eq(products.createdAt, after.createdAt), gt(products.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(products.createdAt), asc(products.id))
      .limit(PAGE);
    if (page.length === 0) return;
    const variants = await deps.db
      .select()
      .from(productVariants)
      .where(
        and(
          inArray(
            productVariants.productId,
            page.map((p) => p.product.id),
          ),
          eq(productVariants.active, true),
        ),
      )
      .orderBy(asc(productVariants.position), asc(productVariants.createdAt));
    for (const { product: p, category } of page) {
      for (const v of variants.filter((x) => x.productId === p.id)) {
        const opt = (i: number) => p.options[i];
        yield {
          handle: p.slug,
          title: p.title,
          category,
          brand: p.brand ?? "",
          description: p.description,
          status: p.status,
          hsn_code: p.hsnCode ?? "",
          gst_percent: String(p.gstRateBps / 100),
          tags: p.tags.join("|"),
          option1_name: opt(0)?.name ?? "",
          option1_value: opt(0) ? (v.optionValues[opt(0)!.name] ?? "") : "",
          option2_name: opt(1)?.name ?? "",
          option2_value: opt(1) ? (v.optionValues[opt(1)!.name] ?? "") : "",
          option3_name: opt(2)?.name ?? "",
          option3_value: opt(2) ? (v.optionValues[opt(2)!.name] ?? "") : "",
          sku: v.sku,
          price_rupees: rupees(v.price),
          mrp_rupees: rupees(v.compareAtPrice),
          weight_grams: v.weightGrams == null ? "" : String(v.weightGrams),
          stock: String(v.stock),
        };
      }
    }
    const last: typeof products.$inferSelect = page[page.length - 1]!.product;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
