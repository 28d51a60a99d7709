import { createHash } from "node:crypto";
import type { Database } from "@bazaar/db";
import { type Facets, type ProductListDto, ProductListInput } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { rowsOf } from "../../platform/raw-rows";
import { productTag, TAG } from "../storefront-cache";
import { type CategoryRow, loadCategories } from "./category-tree";
import {
  type BrowseDeps,
  CACHE_NS,
  type CardRow,
  cacheKey,
  cardColumns,
  decodeCursor,
  encodeCursor,
  fromPublic,
  type KeysetCursor,
  type KeysetSortName,
  keyColumns,
  keysetAfter,
  keysetOrder,
  matchWhere,
  normalizeQuery,
  type OffsetCursor,
  preparedRows,
  publicWhere,
  relevanceScore,
  SEARCH_CANDIDATES,
  searchTsquery,
  TTL,
  toCard,
} from "./queries";

/** The filters of a listing, normalised: equal meaning gives an equal object and cache key. */
export type ListFilters = {
  q?: string;
  category?: string;
  seller?: string;
  brands?: string[];
  minPrice?: number;
  maxPrice?: number;
  minRating?: number;
  inStock?: true;
  featured?: true;
};
type Sort = KeysetSortName | "relevance";

/** Lower bounds of the price facet in paise: under ₹500, ₹500–1,000, ₹1,000–2,500, ₹2,500–5,000, ₹5,000+. */
export const PRICE_BUCKETS = [0, 50_000, 100_000, 250_000, 500_000] as const;

/**
 * The public listing: approved products of approved sellers, filtered, sorted and paged,
 * with the total and facets for the same filters.
 *
 * Paging is by keyset on (sort value…, id) for every deterministic sort, so pages never
 * repeat or skip rows whatever the data does between requests. Relevance is the exception:
 * its score is computed per query and no index can be walked in score order, so every page
 * ranks the candidates anyway; an offset (kept in the opaque cursor) costs the same there and
 * avoids comparing recomputed floating-point scores.
 *
 * A text search ranks and counts at most its first SEARCH_CANDIDATES matches (see
 * queries.ts), so a new query costs one index look-up and a bounded amount of scoring
 * however broad it is.
 *
 * Two cache entries per request: the page (keyed by filters, sort, limit and cursor) and
 * the total + facets (keyed by the filters only), so paging through a result re-uses the
 * facets and costs one query per page. Both are computed once per key at a time however
 * many requests miss together (the cache's single flight), and both carry the tags of
 * what they depend on (storefront-cache.ts), so an order drops only the pages showing its
 * products, not every listing.
 */
export async function listProducts(deps: BrowseDeps, raw: ProductListInput): Promise<ProductListDto> {
  const input = ProductListInput.parse(raw);
  const filters = normalizeFilters(input);
  const sort: Sort = input.sort === "relevance" ? (filters.q ? "relevance" : "popular") : input.sort;
  const cursor = decodeCursor(input.cursor, sort);
  const cats = await loadCategories(deps);
  const query = resolveCategory(filters, cats);
  if (!query) return { items: [], nextCursor: null, ...summarize([], cats, undefined) };
  const pageKey = cacheKey("list", { ...filters, sort, limit: input.limit, cursor: input.cursor ?? null });
  const [page, summary] = await Promise.all([
    deps.cache.wrap(CACHE_NS, pageKey, TTL.list, () => loadPage(deps.db, query, sort, input.limit, cursor), {
      tags: shapeTags(filters, sort),
      tagsOf: (p) => p.items.map((i) => productTag(i.id)),
    }),
    deps.cache.wrap(
      CACHE_NS,
      cacheKey("facets", filters),
      TTL.facets,
      async () => summarize(await loadCounts(deps.db, query), cats, filters.category),
      // Price buckets count every match by price; membership moves with stock and rating
      // only under those filters.
      {
        tags: [
          TAG.price,
          ...(filters.inStock ? [TAG.stock] : []),
          ...(filters.minRating ? [TAG.rating] : []),
        ],
      },
    ),
  ]);
  return { ...page, ...summary };
}

/** What a listing's answer depends on beyond the products it shows (storefront-cache.ts). */
function shapeTags(f: ListFilters, sort: Sort): string[] {
  const tags: string[] = [];
  if (f.inStock) tags.push(TAG.stock);
  if (sort === "price_asc" || sort === "price_desc" || f.minPrice !== undefined || f.maxPrice !== undefined)
    tags.push(TAG.price);
  if (sort === "rating" || f.minRating) tags.push(TAG.rating);
  return tags;
}

/** Filters with the category slug resolved to the ids of its subtree. */
export type ListQuery = ListFilters & { categoryIds?: string[] };

/**
 * The category filter covers the category and all its descendants. The subtree is taken
 * from the cached category list rather than a recursive CTE in the query, so the planner
 * sees the actual ids: with a CTE it cannot estimate the rows, and at 100k products it
 * walked the price index (58 ms) where an index on (category_id, min_price) answers in
 * under 1 ms. Undefined for an unknown slug: nothing can match.
 */
export function resolveCategory(f: ListFilters, cats: CategoryRow[]): ListQuery | undefined {
  if (!f.category) return f;
  const root = cats.find((c) => c.slug === f.category);
  if (!root) return undefined;
  const ids = [root.id];
  for (let i = 0; i < ids.length; i++) for (const c of cats) if (c.parentId === ids[i]) ids.push(c.id);
  return { ...f, categoryIds: ids };
}

/**
 * Checkbox filters narrow only when on: `inStock: false` and `featured: false` mean "any",
 * as does `minRating: 0`. Brands compare case-insensitively.
 */
export function normalizeFilters(input: ProductListInput & { sort?: unknown }): ListFilters {
  const f: ListFilters = {};
  const q = normalizeQuery(input.q);
  if (q) f.q = q;
  if (input.category) f.category = input.category;
  if (input.seller) f.seller = input.seller;
  const brands = [...new Set((input.brand ?? []).map((b) => b.trim().toLowerCase()).filter(Boolean))].sort();
  if (brands.length) f.brands = brands;
  if (input.minPrice !== undefined) f.minPrice = input.minPrice;
  if (input.maxPrice !== undefined) f.maxPrice = input.maxPrice;
  if (input.minRating) f.minRating = input.minRating;
  if (input.inStock) f.inStock = true;
  if (input.featured) f.featured = true;
  return f;
}

/** The WHERE conditions of the filters; brand can be left out for its own facet. */
export function filterWhere(
  f: ListQuery,
  options: { brand: boolean } = { brand: true },
  /** The search's tsquery when the statement has it already (see pageQuery). */
  tsquery?: SQL,
): SQL {
  const conds: SQL[] = [publicWhere];
  if (f.q) conds.push(tsquery ? sql`p.search_vector @@ ${tsquery}` : matchWhere(f.q));
  const ids = f.categoryIds;
  // One array parameter however big the subtree (and brand list): the statement's text,
  // and so its prepared statement, is the same for every category.
  if (ids?.length === 1) conds.push(sql`p.category_id = ${ids[0]}`);
  else if (ids) conds.push(sql`p.category_id = any(${sql.param(ids)}::uuid[])`);
  if (f.seller) conds.push(sql`s.slug = ${f.seller}`);
  if (options.brand && f.brands) conds.push(brandIn(f.brands));
  if (f.minPrice !== undefined) conds.push(sql`p.min_price >= ${f.minPrice}`);
  if (f.maxPrice !== undefined) conds.push(sql`p.min_price <= ${f.maxPrice}`);
  if (f.minRating) conds.push(sql`p.rating_avg >= ${f.minRating}`);
  if (f.inStock) conds.push(sql`p.total_stock > 0`);
  if (f.featured) conds.push(sql`p.featured`);
  return sql.join(conds, sql` and `);
}

const brandIn = (brands: string[]) => sql`lower(p.brand) = any(${sql.param(brands)}::text[])`;

/** The page query alone: what the benchmark's bare route runs too. */
export function pageQuery(
  f: ListQuery,
  sort: Sort,
  limit: number,
  cursor: KeysetCursor | OffsetCursor | undefined,
): SQL {
  if (sort === "relevance") {
    // The tsquery once (its vocabulary look-ups with it) for the match and the score; score
    // the capped candidates, then build cards for the page's rows only.
    const offset = cursor && "o" in cursor ? cursor.o : 0;
    const q = f.q ?? "";
    const tsquery = sql`(select tsq from sq)`;
    return sql`
      with sq as materialized (select ${searchTsquery(q)} as tsq),
      m as (
        select p.id, p.sold_count, ${relevanceScore(q, tsquery)} as score
        from ${fromPublic} where ${filterWhere(f, { brand: true }, tsquery)} limit ${SEARCH_CANDIDATES}
      ), top as (
        select id, score from m order by score desc, sold_count desc, id desc
        limit ${limit + 1} offset ${offset}
      )
      select ${cardColumns}, top.score
      from top join products p on p.id = top.id join sellers s on s.id = p.seller_id
      order by top.score desc, p.sold_count desc, p.id desc`;
  }
  const where = filterWhere(f);
  const after = cursor && "k" in cursor ? sql` and ${keysetAfter(sort, cursor)}` : sql``;
  return sql`
    select ${cardColumns}, ${keyColumns(sort)}
    from ${fromPublic} where ${where}${after}
    order by ${keysetOrder(sort)}
    limit ${limit + 1}`;
}

async function loadPage(
  db: Database,
  f: ListQuery,
  sort: Sort,
  limit: number,
  cursor: KeysetCursor | OffsetCursor | undefined,
) {
  const rows = await listRows<CardRow & Record<string, unknown>>(db, f, pageQuery(f, sort, limit, cursor));
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > limit && last) {
    nextCursor =
      sort === "relevance"
        ? encodeCursor({ s: "relevance", o: (cursor && "o" in cursor ? cursor.o : 0) + limit })
        : encodeCursor({
            s: sort,
            k: Object.keys(last)
              .filter((c) => /^k\d$/.test(c))
              .sort()
              .map((c) => String(last[c])),
            id: last.id,
          });
  }
  return { items: items.map(toCard), nextCursor };
}

type CountRow = { kind: "total" | "category" | "brand" | "price"; key: string | null; n: number };

/**
 * Total and facet counts in one statement over the filtered set (a search's: over its
 * candidates, see SEARCH_CANDIDATES). Brand counts ignore the
 * brand filter, so a shopper who picked one brand still sees the others to add; category
 * and price counts follow every filter.
 */
export function countsQuery(f: ListQuery): SQL {
  const inBrand = f.brands ? brandIn(f.brands) : sql`true`;
  const bucket = sql.raw(
    `case ${PRICE_BUCKETS.slice(1)
      .map((lower, i) => `when min_price < ${lower} then ${i}`)
      .join(" ")} else ${PRICE_BUCKETS.length - 1} end`,
  );
  return sql`
    with f as (
      select p.category_id, p.brand, p.min_price, ${inBrand} as in_brand
      from ${fromPublic} where ${filterWhere(f, { brand: false })}
      ${f.q ? sql`limit ${SEARCH_CANDIDATES}` : sql``}
    )
    select 'total' as kind, null::text as key, count(*)::int as n from f where in_brand
    union all
    select 'category', category_id::text, count(*)::int from f where in_brand group by category_id
    union all
    (select 'brand', min(brand), count(*)::int from f where brand <> ''
      group by lower(brand) order by 3 desc, 2 limit 20)
    union all
    select 'price', b::text, count(*)::int from (select ${bucket} as b from f where in_brand) x group by b`;
}

const dialect = new PgDialect({ casing: "snake_case" });

const loadCounts = (db: Database, f: ListQuery) => listRows<CountRow>(db, f, countsQuery(f));

/** Distinct listing statements this process prepares on each connection, at most. */
const MAX_PREPARED = 256;
const prepared = new Set<string>();

/**
 * A listing's rows. A browse (no text) runs as a prepared statement named after its text:
 * its planning (a dozen candidate indexes, two subqueries a card) cost more than running it.
 * The shapes are few (filters present or not, the sort), each prepared once per connection,
 * and capped. A search is planned for its own words every time: a plan made for no words in
 * particular could not know how many rows a tsquery matches.
 */
function listRows<T>(db: Database, f: ListQuery, query: SQL): Promise<T[]> {
  if (f.q) return rowsOf<T>(db, query);
  const { sql: text } = dialect.sqlToQuery(query);
  const name = `list_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
  if (!prepared.has(name)) {
    if (prepared.size >= MAX_PREPARED) return rowsOf<T>(db, query);
    prepared.add(name);
  }
  return preparedRows<T>(db, name, query);
}

/**
 * Category counts roll up to the level a shopper picks from next: the immediate children of
 * the filtered category, or the top-level categories when there is none.
 */
export function summarize(
  rows: CountRow[],
  cats: CategoryRow[],
  categorySlug: string | undefined,
): { total: number; facets: Facets } {
  const byId = new Map(cats.map((c) => [c.id, c]));
  const parentOfLevel = categorySlug ? (cats.find((c) => c.slug === categorySlug)?.id ?? null) : null;
  const levelOf = (id: string): string | undefined => {
    let node = byId.get(id);
    for (let depth = 0; node && depth < 100; depth++) {
      if (node.parentId === parentOfLevel) return node.id;
      node = node.parentId ? byId.get(node.parentId) : undefined;
    }
    return undefined;
  };
  const categoryCounts = new Map<string, number>();
  let total = 0;
  const brands: Facets["brands"] = [];
  const priceCounts = new Map<number, number>();
  for (const r of rows) {
    if (r.kind === "total") total = r.n;
    else if (r.kind === "brand" && r.key) brands.push({ brand: r.key, count: r.n });
    else if (r.kind === "price") priceCounts.set(Number(r.key), r.n);
    else if (r.kind === "category" && r.key) {
      const level = levelOf(r.key);
      if (level) categoryCounts.set(level, (categoryCounts.get(level) ?? 0) + r.n);
    }
  }
  return {
    total,
    facets: {
      // `cats` is in display order, so the facet is too.
      categories: cats
        .filter((c) => categoryCounts.has(c.id))
        .map((c) => ({ slug: c.slug, name: c.name, count: categoryCounts.get(c.id)! })),
      brands: brands.sort((a, b) => b.count - a.count || a.brand.localeCompare(b.brand)),
      priceBuckets: PRICE_BUCKETS.map((min, i) => ({
        min,
        max: PRICE_BUCKETS[i + 1] ?? null,
        count: priceCounts.get(i) ?? 0,
      })),
    },
  };
}
