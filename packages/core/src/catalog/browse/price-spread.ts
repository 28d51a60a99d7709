import { type SQL, sql } from "drizzle-orm";

/**
 * How wide a search's price range is, from PostgreSQL's own histogram of `min_price`
 * (pg_stats: about 100 equal-count buckets), remembered in the process.
 *
 * Why: a search's statement is prepared, and its generic plan knows neither the words nor
 * the bounds. Written as an index condition, a price range is ANDed into the text match's
 * bitmap: right for a narrow range (a range nothing is in answers at once), ruinous for a
 * wide one (a ceiling above every price read all 100k entries of the price index, ~5 ms a
 * search). Written as a plain filter, the reverse: a narrow range makes the candidates'
 * scan read every match to find the few in range. So a range covering at least
 * WIDE_SHARE of the products is a filter, any other an index condition: two statements,
 * each with the plan that suits it.
 *
 * The histogram is read by a search's own statement (one scalar subquery, ~0.3 ms) when
 * the process has none or it is older than PRICE_STATS_TTL_MS; a range is never taken as
 * wide without one (fresh databases, PGlite before ANALYZE): the index condition is the
 * safe way round.
 */
export const PRICE_STATS_TTL_MS = 10 * 60_000;
export const WIDE_SHARE = 0.5;

let bounds: number[] = [];
let until = 0;

/** A column for the search's statement: the histogram's text when wanted, else null. */
export function priceStatsColumn(now = Date.now()): SQL {
  if (until > now) return sql`null::text`;
  // '{}' when there is no histogram: asked, and nothing to know.
  return sql`coalesce((select histogram_bounds::text from pg_stats
    where schemaname = current_schema() and tablename = 'products' and attname = 'min_price'), '{}')`;
}

/** What a statement returned in its priceStatsColumn (null: it did not ask). */
export function rememberPriceStats(text: string | null | undefined, now = Date.now()): void {
  if (typeof text !== "string") return;
  const parsed = (text ?? "").replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
  bounds = parsed.length >= 2 && parsed.every(Number.isFinite) ? parsed : [];
  until = now + PRICE_STATS_TTL_MS;
}

/** For tests: forget the histogram. */
export function forgetPriceStats(): void {
  bounds = [];
  until = 0;
}

/** Whether the range [minPrice, maxPrice] holds at least WIDE_SHARE of the products, as far as known. */
export function wideRange(f: { minPrice?: number; maxPrice?: number }): boolean {
  if (f.minPrice === undefined && f.maxPrice === undefined) return false;
  if (bounds.length < 2) return false;
  const lo = f.minPrice ?? Number.NEGATIVE_INFINITY;
  const hi = f.maxPrice ?? Number.POSITIVE_INFINITY;
  // Bucket i runs from bounds[i] to bounds[i + 1] and holds 1/(n - 1) of the rows.
  let inside = 0;
  for (let i = 0; i + 1 < bounds.length; i++) if (bounds[i]! >= lo && bounds[i + 1]! <= hi) inside++;
  return inside / (bounds.length - 1) >= WIDE_SHARE;
}
