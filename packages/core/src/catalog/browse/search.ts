import { type SQL, sql } from "drizzle-orm";
import { priceStatsColumn, rememberPriceStats, wideRange } from "./price-spread";
import { cardColumns, fromPublic, relevanceScore, SEARCH_CANDIDATES } from "./queries";
import { rememberTypos, typoTsquery } from "./typo-words";

/**
 * The SQL of a text search's candidates and its counts. How a search stays cheap however
 * broad its words are, and still shows the best matches:
 *
 * - One statement per search: the tsquery (typos resolved through the vocabulary, or
 *   through the alternatives this process remembers: typo-words.ts) is built once in a
 *   materialized CTE; the candidates, their scores, the page and the total and facets are
 *   all read from it.
 * - A wide price range is a plain filter on the matched rows, never an index scan of its
 *   own; a narrow one an index condition (searchRanges, price-spread.ts).
 * - Candidates are capped at SEARCH_CANDIDATES, in tiers a cheap index look-up can tell
 *   apart: first the products with the words in their title (a GIN index on the title's
 *   words alone), then, only while that leaves room, those matching in brand or description.
 *   The score ranks a title hit far above the rest (ts_rank weighs title 1.0, description
 *   0.2, plus word similarity to the title), so a broad word's best matches are in the
 *   first tier and a description-only match never takes the place of one. Within a tier the
 *   index gives no order; ties are broken by sales on the page.
 * - One more candidate than the cap is fetched: when it exists, the total and the facets
 *   count the first SEARCH_CANDIDATES and say so (`totalIsLowerBound`, "200+ results"),
 *   instead of counting thousands of rows on every new query.
 */

// Constants written into the text (not parameters), so a prepared statement's generic plan
// knows how few rows each step returns.
const CAP = sql.raw(String(SEARCH_CANDIDATES));
const CAP_PLUS_ONE = sql.raw(String(SEARCH_CANDIDATES + 1));

/** Columns a candidate carries: what the facets count and the score needs. */
const candidateColumns = sql`p.id, p.slug, p.category_id, p.brand, p.min_price, p.sold_count, p.title, p.search_vector`;

/**
 * At most SEARCH_CANDIDATES + 1 matches of `tsq` (a scalar subquery) under `where` (the
 * filters, without the text), title matches first.
 */
export function candidates(where: SQL, tsq: SQL): SQL {
  const titleMatch = sql`to_tsvector('english', p.title) @@ ${tsq}`;
  // The same test on the stored vector's title part (weight A: the title's words at the
  // title's positions), for rows already read: parsing and stemming the title again cost
  // ~7 µs a row, and the second tier reads every title match again to leave it out.
  const storedTitleMatch = sql`ts_filter(p.search_vector, '{a}') @@ ${tsq}`;
  // The whole text must match too (a `-word` may be in the description); as a filter on
  // the title tier's rows, ts_match_vq is the operator as a function the planner will not
  // try to answer from a second index.
  return sql`select * from (
      (select ${candidateColumns}, 0 as tier from ${fromPublic}
        where ${where} and ${titleMatch} and ts_match_vq(p.search_vector, ${tsq})
        limit ${CAP_PLUS_ONE})
      union all
      (select ${candidateColumns}, 1 from ${fromPublic}
        where ${where} and p.search_vector @@ ${tsq} and not (${storedTitleMatch})
        limit ${CAP_PLUS_ONE})
    ) t limit ${CAP_PLUS_ONE}`;
}

/**
 * A search's price range as a plain filter, when it is wide (price-spread.ts): no index
 * answers `+ 0`, so the generic plan cannot AND the price index into the text match's
 * bitmap, which for a range as wide as the catalogue read all its entries (~5 ms a search
 * at 100k products). Null for no range or a narrower one: that stays an index condition
 * (filterWhere), where the AND is what finds its few matches.
 */
export function searchRanges(f: { minPrice?: number; maxPrice?: number }): SQL | null {
  if (!wideRange(f)) return null;
  const conds: SQL[] = [];
  if (f.minPrice !== undefined) conds.push(sql`p.min_price + 0 >= ${f.minPrice}`);
  if (f.maxPrice !== undefined) conds.push(sql`p.min_price + 0 <= ${f.maxPrice}`);
  return sql.join(conds, sql` and `);
}

/** The filters searchRanges writes, to leave out of the indexable ones when it writes them. */
export const WITHOUT_TEXT_AND_PRICE = { q: undefined, minPrice: undefined, maxPrice: undefined } as const;

/** What a search's statement hands back to be remembered in the process. */
export function rememberSearch(
  row: { typos?: Record<string, string> | null; price_stats?: string | null } | undefined,
) {
  rememberTypos(row?.typos);
  rememberPriceStats(row?.price_stats);
}

/** The price facet's bucket of `min_price`, from the lower bounds. */
export const bucketOf = (bounds: readonly number[]) =>
  sql.raw(
    `case ${bounds
      .slice(1)
      .map((lower, i) => `when min_price < ${lower} then ${i}`)
      .join(" ")} else ${bounds.length - 1} end`,
  );

/** One group of countsOver: a category, brand and price bucket, and how many products. */
export type CountGroup = {
  /** category id */
  c: string;
  /** brand as written (null or '' for none) */
  b: string | null;
  /** price bucket (index into the bounds) */
  k: number;
  /** products under every filter */
  n: number;
  /** products under every filter but the brand one */
  nb: number;
};

/**
 * The counts behind the total and the facets over `source` (a relation with category_id,
 * brand, min_price, in_brand, for_brand): one hash aggregate by (category, brand, price
 * bucket), a few hundred groups at most, rolled up into the total and each facet by the
 * caller (summarize). Cheaper than aggregating each facet over the rows: one pass, one
 * hash table, and no lower() per row (brands are merged case-insensitively after). `n`
 * counts the rows `in_brand` (every filter holds), `nb` the rows `for_brand` (every filter
 * but the brand one), so a shopper who picked one brand still sees the others to add.
 */
export function countsOver(source: SQL, bounds: readonly number[]): SQL {
  return sql`
    select category_id::text as c, brand as b, ${bucketOf(bounds)} as k,
      count(*) filter (where in_brand)::int as n, count(*) filter (where for_brand)::int as nb
    from ${source} group by 1, 2, 3`;
}

/**
 * A relevance-ranked search in one statement: one row with `matched` (candidates found, at
 * most SEARCH_CANDIDATES + 1), `items` (the page's cards, in rank order, one more than the
 * limit when there is a next page) and `counts` (countsOver's groups).
 *
 * `where` and `whereAnyBrand` are the filters without the text, with and without the brand
 * filter; when they are the same statement the candidates are looked up once.
 */
export function searchStatement(
  q: string,
  where: SQL,
  whereAnyBrand: SQL | null,
  bounds: readonly number[],
  limit: number,
  offset: number,
): SQL {
  const tsq = sql`(select tsq from sq)`;
  // With a brand filter, the brand facet counts the candidates of every brand.
  const brandCounts = whereAnyBrand
    ? sql`, cb as materialized (${candidates(whereAnyBrand, tsq)}),
      counted as (
        select category_id, brand, min_price, true as in_brand, false as for_brand from sc
        union all
        select category_id, brand, min_price, false, true from (select * from cb limit ${CAP}) cb
      )`
    : sql`, counted as (select category_id, brand, min_price, true as in_brand, true as for_brand from sc)`;
  const typo = typoTsquery(q);
  return sql`
    with sq as materialized (${typo.cte}),
    c as materialized (${candidates(where, tsq)}),
    sc as materialized (
      select p.id, p.category_id, p.brand, p.min_price, p.sold_count, ${relevanceScore(q, tsq)} as score
      from (select * from c limit ${CAP}) p
    ),
    top as (
      select id, score, sold_count from sc order by score desc, sold_count desc, id desc
      limit ${limit + 1} offset ${offset}
    )${brandCounts}
    select (select count(*) from c)::int as matched,
      (select coalesce(json_agg(x order by x.score desc, x.sold_count desc, x.id desc), '[]')
        from (select ${cardColumns}, p.sold_count, top.score
          from top join products p on p.id = top.id join sellers s on s.id = p.seller_id) x) as items,
      (select json_agg(r) from (${countsOver(sql`counted`, bounds)}) r) as counts,
      ${typo.typos} as typos,
      ${priceStatsColumn()} as price_stats`;
}

/**
 * The total and facets of a search in another sort (paged by keyset over every match):
 * counted over the same capped candidates, with `matched` as in searchStatement.
 */
export function searchCountsStatement(
  q: string,
  where: SQL,
  whereAnyBrand: SQL | null,
  bounds: readonly number[],
): SQL {
  const tsq = sql`(select tsq from sq)`;
  const counted = whereAnyBrand
    ? sql`(select category_id, brand, min_price, true as in_brand, false as for_brand
          from (select * from c limit ${CAP}) c
        union all
        select category_id, brand, min_price, false, true from (select * from cb limit ${CAP}) cb) u`
    : sql`(select category_id, brand, min_price, true as in_brand, true as for_brand
        from c limit ${CAP}) u`;
  return sql`
    with sq as materialized (${typoTsquery(q).cte}),
    c as materialized (${candidates(where, tsq)})
    ${whereAnyBrand ? sql`, cb as materialized (${candidates(whereAnyBrand, tsq)})` : sql``}
    select (select count(*) from c)::int as matched,
      (select json_agg(r) from (${countsOver(counted, bounds)}) r) as counts`;
}
