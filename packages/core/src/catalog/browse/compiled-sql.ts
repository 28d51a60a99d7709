import { BySlugInput, ProductListInput } from "@bazaar/schemas";
import { PgDialect } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { loadCategories } from "./category-tree";
import { normalizeFilters, pageQuery, resolveCategory } from "./list-products";
import { detailQuery } from "./product-by-slug";
import { type BrowseDeps, decodeCursor } from "./queries";

const dialect = new PgDialect({ casing: "snake_case" });

export type CompiledQuery = {
  text: string;
  params: unknown[];
  /** Run first, in the same transaction, when set (no read needs one any more). */
  setup: string | null;
};

/**
 * The exact SQL a public read runs for an input: the products page of a listing, or the
 * product page. For the benchmark's bare routes, which send it straight to the driver.
 */
export async function compiledBrowseQuery(
  deps: BrowseDeps,
  request: { kind: "list"; input: ProductListInput } | { kind: "detail"; input: z.input<typeof BySlugInput> },
): Promise<CompiledQuery> {
  if (request.kind === "detail") {
    const { sql: text, params } = dialect.sqlToQuery(
      detailQuery(BySlugInput.parse(request.input).slug, new Date()),
    );
    return { text, params, setup: null };
  }
  const input = ProductListInput.parse(request.input);
  const filters = normalizeFilters(input);
  const sort = input.sort === "relevance" ? (filters.q ? "relevance" : "popular") : input.sort;
  const query = resolveCategory(filters, await loadCategories(deps));
  if (!query) throw new Error(`no category ${filters.category}`);
  const { sql: text, params } = dialect.sqlToQuery(
    pageQuery(query, sort, input.limit, decodeCursor(input.cursor, sort)),
  );
  return { text, params, setup: null };
}
