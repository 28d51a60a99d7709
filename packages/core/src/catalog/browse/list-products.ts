import { createHash } from "node:crypto";
import type { Database } from "@bazaar/db";
import { type Facets, type ProductListDto, ProductListInput } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { mergeShared } from "../../platform/cache";
import { rowsOf } from "../../platform/raw-rows";
import { productTag, TAG } from "../storefront-cache";
import { type CategoryRow, loadCategories } from "./category-tree";
import type { ListFilters, ListQuery } from "./list-filters";
import { pageRows } from "./page-statement";
import {
  type BrowseDeps,
  CACHE_NS,
  type CardRow,
  cacheKey,
  cardColumns,
  decodeCursor,
  encodeCursor,
  fromPublic,
  KEYSET_SORTS,
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
  SEARCH_CANDIDATES,
  TTL,
  toCard,
} from "./queries";
import {
  type CountGroup,
  countsOver,
  rememberSearch,
  searchCountsStatement,
  searchRanges,
  searchStatement,
  WITHOUT_TEXT_AND_PRICE,
} from "./search";

export type { ListFilters, ListQuery };

type Sort = KeysetSortName | "relevance";

/** Brands the facet lists, most products first. */
const MAX_BRANDS = 20;

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
 * A text search ranks and counts at most SEARCH_CANDIDATES matches, title matches first
 * (search.ts), so a new query costs one index look-up and a bounded amount of scoring
 * however broad it is; past the cap the total is a lower bound (`totalIsLowerBound`).
 * Ranked by relevance, a search is one statement (page, total and facets) and one cache
 * entry.
 *
 * Otherwise two cache entries per request: the page (keyed by filters, sort, limit and
 * cursor) and the total + facets (keyed by the filters only), so paging through a result
 * re-uses the facets and costs one query per page. Both are computed once per key at a
 * time however many requests miss together (the cache's single flight), and both carry
 * the tags of what they depend on (storefront-cache.ts), so an order drops only the pages
 * showing its products, not every listing.
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
  if (sort === "relevance")
    return deps.cache.wrap(
      CACHE_NS,
      pageKey,
      TTL.list,
      () => loadSearch(deps.db, query, cats, input.limit, cursor as OffsetCursor | undefined),
      {
        tags: [TAG.price, ...shapeTags(filters, sort)],
        tagsOf: (p) => p.items.map((i) => productTag(i.id)),
      },
    );
  const [page, summary] = await Promise.all([
    deps.cache.wrap(CACHE_NS, pageKey, TTL.list, () => loadPage(deps.db, query, sort, input.limit, cursor), {
      tags: shapeTags(filters, sort),
      tagsOf: (p) => p.items.map((i) => productTag(i.id)),
    }),
    deps.cache.wrap(
      CACHE_NS,
      cacheKey("facets", filters),
      TTL.facets,
      () => loadSummary(deps.db, query, cats),
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
  // Both parts are usually cache hits: merged, they stay one object the host serialises once.
  return mergeShared(page, summary);
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
    const offset = cursor && "o" in cursor ? cursor.o : 0;
    return searchStatement(f.q ?? "", textless(f), anyBrand(f), PRICE_BUCKETS, limit, offset);
  }
  const after = cursor && "k" in cursor ? sql` and ${keysetAfter(sort, cursor)}` : sql``;
  if (!f.q && f.categoryIds && f.categoryIds.length > 1) return subtreePage(f, sort, limit, after);
  return sql`
    select ${cardColumns}, ${keyColumns(sort)}
    from ${fromPublic} where ${filterWhere(f)}${after}
    order by ${keysetOrder(sort)}
    limit ${limit + 1}`;
}

/**
 * A page of a category with subcategories: no index holds a subtree in sort order, and
 * `category_id = any(…)` made the planner sort every product of it (17k at 100k products)
 * or walk the whole catalogue's sort order skipping other categories. Instead each
 * category's first rows after the cursor are read from its own (category, sort…) index, at
 * most limit + 1 each, merged, and only the page's rows get their cards built.
 */
function subtreePage(f: ListQuery, sort: KeysetSortName, limit: number, after: SQL): SQL {
  const { dir, keys } = KEYSET_SORTS[sort];
  const sortCols = sql.raw(keys.map((k, i) => `${k.expr} as s${i}`).join(", "));
  const outerOrder = sql.raw([...keys.map((_, i) => `s${i} ${dir}`), `id ${dir}`].join(", "));
  return sql`
    with top as (
      select t.id, ${sql.raw(keys.map((_, i) => `t.s${i}`).join(", "))}
      from unnest(${sql.param(f.categoryIds)}::uuid[]) as cat(id)
      cross join lateral (
        select p.id, ${sortCols}
        from ${fromPublic}
        where ${filterWhere({ ...f, categoryIds: undefined })} and p.category_id = cat.id${after}
        order by ${keysetOrder(sort)}
        limit ${limit + 1}
      ) t
      order by ${outerOrder}
      limit ${limit + 1}
    )
    select ${cardColumns}, ${keyColumns(sort)}
    from top join products p on p.id = top.id join sellers s on s.id = p.seller_id
    order by ${keysetOrder(sort)}`;
}

async function loadPage(
  db: Database,
  f: ListQuery,
  sort: Sort,
  limit: number,
  cursor: KeysetCursor | OffsetCursor | undefined,
) {
  type Row = CardRow & Record<string, unknown>;
  const rows = await ((sort !== "relevance" &&
    pageRows<Row>(db, { f, sort, limit, cursor: cursor as KeysetCursor | undefined }, pageQuery)) ||
    listRows<Row>(db, pageQuery(f, sort, limit, cursor)));
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > limit && last) {
    nextCursor = encodeCursor({
      s: sort as KeysetSortName,
      k: Object.keys(last)
        .filter((c) => /^k\d$/.test(c))
        .sort()
        .map((c) => String(last[c])),
      id: last.id,
    });
  }
  return { items: items.map(toCard), nextCursor };
}

type SearchRow = {
  matched: number;
  items: (CardRow & { score: number })[];
  counts: CountGroup[] | null;
  /** The words this statement looked up in the vocabulary, and their alternatives (typo-words.ts). */
  typos: Record<string, string> | null;
  /** PostgreSQL's price histogram, when the statement asked for it (price-spread.ts). */
  price_stats: string | null;
};

/** The filters without the text: what a search's candidates are looked up under. */
const textless = (f: ListQuery, brand = true) => {
  // A wide price range as a plain filter, a narrow one as an index condition (search.ts).
  const ranges = searchRanges(f);
  if (!ranges) return filterWhere({ ...f, q: undefined }, { brand });
  return sql`${filterWhere({ ...f, ...WITHOUT_TEXT_AND_PRICE }, { brand })} and ${ranges}`;
};
/** With a brand filter, the same without it (for the brand facet); else null. */
const anyBrand = (f: ListQuery) => (f.brands ? textless(f, false) : null);

/**
 * Total and facet counts in one statement over the filtered set, in one pass (grouping
 * sets); a browse's reads only the covering (category, price, brand, seller) index. A
 * search's count its capped candidates instead (search.ts), with `matched` beside them.
 */
export function countsQuery(f: ListQuery): SQL {
  if (f.q) return searchCountsStatement(f.q, textless(f), anyBrand(f), PRICE_BUCKETS);
  const inBrand = f.brands ? brandIn(f.brands) : sql`true`;
  return sql`select null::int as matched, (select json_agg(r) from (${countsOver(
    sql`(select p.category_id, p.brand, p.min_price, ${inBrand} as in_brand, true as for_brand
      from ${fromPublic} where ${filterWhere(f, { brand: false })}) f`,
    PRICE_BUCKETS,
  )}) r) as counts`;
}

async function loadSummary(db: Database, f: ListQuery, cats: CategoryRow[]) {
  const [row] = await listRows<{ matched: number | null; counts: CountGroup[] | null }>(db, countsQuery(f));
  return summarize(row?.counts ?? [], cats, f.category, row?.matched ?? null);
}

/** A relevance-ranked search: page, total and facets from one statement (search.ts). */
async function loadSearch(
  db: Database,
  f: ListQuery,
  cats: CategoryRow[],
  limit: number,
  cursor: OffsetCursor | undefined,
): Promise<ProductListDto> {
  const offset = cursor?.o ?? 0;
  const [row] = await listRows<SearchRow>(db, pageQuery(f, "relevance", limit, cursor));
  rememberSearch(row);
  const rows = row?.items ?? [];
  const items = rows.slice(0, limit).map(toCard);
  const nextCursor = rows.length > limit ? encodeCursor({ s: "relevance", o: offset + limit }) : null;
  return { items, nextCursor, ...summarize(row?.counts ?? [], cats, f.category, row?.matched ?? 0) };
}

const dialect = new PgDialect({ casing: "snake_case" });

/** Distinct listing statements this process prepares on each connection, at most. */
const MAX_PREPARED = 256;
const prepared = new Set<string>();

/**
 * A listing's rows, as a prepared statement named after its text: its planning (a dozen
 * candidate indexes, two subqueries a card) cost more than running it. The shapes are few
 * (filters present or not, the sort, a search's number of words), each prepared once per
 * connection, and capped. A search loses nothing to a plan made for no words in
 * particular: its tsquery is a scalar subquery (built from the vocabulary as it runs), so
 * even a plan made for the very words could not know how many rows it matches.
 */
function listRows<T>(db: Database, query: SQL): Promise<T[]> {
  const compiled = dialect.sqlToQuery(query);
  const name = `list_${createHash("sha1").update(compiled.sql).digest("base64url").slice(0, 20)}`;
  if (!prepared.has(name)) {
    if (prepared.size >= MAX_PREPARED) return rowsOf<T>(db, query);
    prepared.add(name);
  }
  return preparedRows<T>(db, name, query, compiled);
}

/**
 * Category counts roll up to the level a shopper picks from next: the immediate children of
 * the filtered category, or the top-level categories when there is none.
 */
export function summarize(
  groups: CountGroup[],
  cats: CategoryRow[],
  categorySlug: string | undefined,
  /** A search's candidates found (at most SEARCH_CANDIDATES + 1); null for a browse. */
  matched: number | null = null,
): { total: number; totalIsLowerBound: boolean; facets: Facets } {
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
  // Brands compare case-insensitively, named by one spelling (the first in sort order).
  const brands = new Map<string, { count: number; name: string }>();
  const priceCounts = new Map<number, number>();
  const add = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const g of groups) {
    if (g.nb > 0 && g.b) {
      const key = g.b.toLowerCase();
      const brand = brands.get(key);
      if (!brand) brands.set(key, { count: g.nb, name: g.b });
      else {
        brand.count += g.nb;
        if (g.b < brand.name) brand.name = g.b;
      }
    }
    if (g.n === 0) continue;
    total += g.n;
    add(priceCounts, g.k, g.n);
    const level = levelOf(g.c);
    if (level) add(categoryCounts, level, g.n);
  }
  const brandFacet = [...brands.values()].map(({ count, name }) => ({ brand: name, count }));
  // Keys in the order of the API's output schema (ProductListOutput): the output check then
  // hands out the cached page itself instead of keeping a reordered copy beside it (#14).
  return {
    facets: {
      // `cats` is in display order, so the facet is too.
      categories: cats
        .filter((c) => categoryCounts.has(c.id))
        .map((c) => ({ slug: c.slug, name: c.name, count: categoryCounts.get(c.id)! })),
      brands: brandFacet
        .sort((a, b) => b.count - a.count || a.brand.localeCompare(b.brand))
        .slice(0, MAX_BRANDS),
      priceBuckets: PRICE_BUCKETS.map((min, i) => ({
        min,
        max: PRICE_BUCKETS[i + 1] ?? null,
        count: priceCounts.get(i) ?? 0,
      })),
    },
    total,
    // The candidates were capped and more matched: the counts are of the first ones.
    totalIsLowerBound: matched !== null && matched > SEARCH_CANDIDATES,
  };
}
