import { createHash } from "node:crypto";
import type { Database } from "@bazaar/db";
import type { ProductCardDto } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect, PgTransaction } from "drizzle-orm/pg-core";
import { invalidField } from "../../errors";
import type { Deps } from "../../platform/deps";
import { rowsOf } from "../../platform/raw-rows";

/**
 * SQL shared by the public catalogue reads. Written with Drizzle's `sql` template: every
 * value is a placeholder; the only raw text is from the constant tables below.
 *
 * Public means `products.status = 'approved'` and the seller's `sellers.status = 'approved'`,
 * and a price (at least one active variant). Queries alias products `p` and sellers `s`.
 */
export type BrowseDeps = Pick<Deps, "db" | "cache" | "now">;

export { CACHE_NS } from "../storefront-cache";
export const TTL = { list: 120, facets: 300, detail: 300, categories: 600, suggest: 120 } as const;

/**
 * How similar a suggestion's label must be to the text to rank as a near match (word
 * similarity: "kurtha" to "Kurta" is 0.57, "sarre" to "Saree" 0.50). Compared as a value,
 * no session setting needed.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.45;

export const publicWhere = sql`p.status = 'approved' and s.status = 'approved' and p.min_price is not null`;
export const fromPublic = sql`products p join sellers s on s.id = p.seller_id`;

/**
 * Words for the fuzzy half of a match: letters and digits, three or more (shorter ones
 * have too few trigrams to tell anything apart), not excluded with a leading minus.
 */
export function fuzzyWords(q: string): string[] {
  return [...new Set(withoutExcludedWords(q).match(/[\p{L}\p{N}]{3,}/gu) ?? [])].slice(0, 6);
}

/** An excluded word or phrase where a word may start: `-word`, `-"two words"` (unclosed: to the end). */
const EXCLUDED = /(?:^|\s)-("[^"]*"?|[^\s"]+)/g;

/** The query less what it excludes: what a positive half of a match reads. */
export const withoutExcludedWords = (q: string): string => q.replace(EXCLUDED, " ");

/**
 * What a query excludes, as text for websearch_to_tsquery, or null. The fuzzy half of a
 * match is ANDed with it (withoutExcluded): else `teapot -brass` still found the brass
 * teapot through the fuzzy `teapot` alone.
 */
export function excludedText(q: string): string | null {
  const parts = [...q.matchAll(EXCLUDED)].map((m) => `-${m[1]}`);
  return parts.length ? parts.join(" ") : null;
}

/** `fuzzy` (a tsquery) without what `q` excludes. */
export const withoutExcluded = (fuzzy: SQL, q: string): SQL => {
  const excluded = excludedText(q);
  return excluded ? sql`(${fuzzy} && websearch_to_tsquery('english', ${excluded}))` : fuzzy;
};

/** Nearest vocabulary words tried for each word of a query (see searchTsquery). */
export const FUZZY_ALTERNATIVES = 3;

/**
 * The full-text query of a search, typos included: the query as a shopper writes it
 * (`websearch_to_tsquery`: phrases, `-word`), or every word of it, each as itself or one of
 * its nearest words in the title and brand vocabulary (`search_words`, through its trigram
 * index: `kurtha` → kurta, `sarre` → saree). Each word must match, as in the exact half:
 * `silk sarre` means silk and saree. One tsquery, so the whole match is one look-up in the
 * products' GIN index, whatever the typos; the alternatives are capped per word, so a typo
 * never widens the search to a scan of similar titles.
 */
export const searchTsquery = (q: string): SQL => {
  // Each a scalar subquery, so it is built once per statement: written inline, the rank
  // expression rebuilt it (dictionary look-ups and all) for every row it scored.
  const exact = sql`websearch_to_tsquery('english', ${q})`;
  const words = fuzzyWords(q);
  if (words.length === 0) return sql`(select ${exact})`;
  const alternatives = words.map(
    (w) =>
      sql`(select '(' || string_agg(x, ' | ') || ')' from (select ${w}::text as x union
        (select sw.word from search_words sw where sw.word % ${w}
          order by sw.word <-> ${w} limit ${FUZZY_ALTERNATIVES})) a)`,
  );
  const fuzzy = sql`to_tsquery('english', concat_ws(' & ', ${sql.join(alternatives, sql`, `)}))`;
  return sql`(select ${exact} || ${withoutExcluded(fuzzy, q)})`;
};

export const matchWhere = (q: string) => sql`p.search_vector @@ ${searchTsquery(q)}`;
/**
 * Title hits outrank brand and description hits: ts_rank weighs A (title) 1.0, C
 * (description) 0.2; word similarity to the title ranks the nearer spelling first.
 */
export const relevanceScore = (q: string, tsquery: SQL = searchTsquery(q)) =>
  sql`(ts_rank(p.search_vector, ${tsquery}) + word_similarity(${q}, p.title))`;

/**
 * Matches a search ranks and counts, at most: the first this many public matches (in the
 * order the index yields them) are scored, paged and counted. A broad word at 100k products
 * matches thousands; scoring all of them cost more than the whole page should.
 */
export const SEARCH_CANDIDATES = 200;

/**
 * The columns a product card needs, all on the product and seller rows: the compare-at
 * price (of the cheapest active variant) and the lowest-positioned image are kept on the
 * product by triggers (migration 0027), so a page of 40 cards makes no 80 look-ups.
 */
export const cardColumns = sql`p.id, p.slug, p.title, p.brand, p.min_price, p.max_price, p.rating_avg,
  p.rating_count, p.total_stock, s.slug as seller_slug, s.shop_name,
  p.card_compare_at_price as compare_at_price, p.card_image_url as image_url`;

export type CardRow = {
  id: string;
  slug: string;
  title: string;
  brand: string | null;
  min_price: number;
  max_price: number | null;
  rating_avg: number;
  rating_count: number;
  total_stock: number;
  seller_slug: string;
  shop_name: string;
  compare_at_price: number | null;
  image_url: string | null;
};

export const toCard = (r: CardRow): ProductCardDto => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  brand: r.brand,
  minPrice: r.min_price,
  maxPrice: r.max_price ?? r.min_price,
  compareAtPrice: r.compare_at_price,
  currency: "INR",
  imageUrl: r.image_url,
  ratingAvg: Number(r.rating_avg),
  ratingCount: r.rating_count,
  inStock: r.total_stock > 0,
  seller: { slug: r.seller_slug, shopName: r.shop_name },
});

const dialect = new PgDialect({ casing: "snake_case" });
type NodePgPool = {
  totalCount: number;
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
};

/**
 * Rows of a hot read whose SQL text is the same for every input (only parameters differ)
 * as a named prepared statement: on node-postgres each connection parses and plans it once
 * and then only binds, which for the product page saves the planning of a dozen subqueries
 * on every miss. On PGlite, or inside a transaction, a plain query.
 */
export async function preparedRows<T>(
  db: Database,
  name: string,
  query: SQL,
  /** `query` as text and parameters, when the caller built them already (a search's is long). */
  compiled?: { sql: string; params: unknown[] },
): Promise<T[]> {
  const client = (db as unknown as { $client?: NodePgPool }).$client;
  if (db instanceof PgTransaction || typeof client?.totalCount !== "number") return rowsOf<T>(db, query);
  const { sql: text, params } = compiled ?? dialect.sqlToQuery(query);
  return (await client.query({ name, text, values: params })).rows as T[];
}

/**
 * A short, stable cache key for a normalised input: the JSON itself when short (most
 * inputs; hashing cost more than the rest of a cache hit), a hash when long queries or
 * brand lists would make it long.
 */
export function cacheKey(kind: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length <= 160) return `${kind}:${json}`;
  return `${kind}:#${createHash("sha1").update(json).digest("base64url")}`;
}

/**
 * Lower-case, trimmed, single-spaced: "Silk  Saree " and "silk saree" share results and cache
 * entries. A run of minus signs where a word may start (`--kurta`, `- - kurta`) is what
 * websearch_to_tsquery reads it as, one "not" per sign, so an even run is none and an odd run
 * one, written against the word it excludes (`- kurta` → `-kurta`, as the parser reads it
 * too): each sign costs the parser a level of its stack, and past 32 it fails (XX000
 * "tsquery stack too small") on text any visitor can type. Inside a word (`a--b`) dashes
 * only split it.
 */
export const normalizeQuery = (q: string | undefined) => {
  const n = q
    ?.replace(/\s+/g, " ")
    .replace(
      /(^| )-(?: ?-)* ?/g,
      (run, before: string) => before + ((run.split("-").length - 1) % 2 ? "-" : ""),
    )
    .replace(/ +/g, " ")
    .trim()
    .toLowerCase();
  return n ? n : undefined;
};

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ---- cursors --------------------------------------------------------------------------------

/** A sort column: the SQL expression and the type its text form is cast back to. */
type SortKey = { expr: string; type: "int" | "float8" | "timestamptz" | "boolean" };
/** Every column of a sort goes the same way, so a row comparison expresses "after the cursor". */
type KeysetSort = { dir: "asc" | "desc"; keys: SortKey[] };

/**
 * Deterministic sorts page by keyset on (sort value…, id). `popular` is what "relevance"
 * means without a query: featured first, then best selling.
 */
export const KEYSET_SORTS = {
  newest: { dir: "desc", keys: [{ expr: "p.created_at", type: "timestamptz" }] },
  price_asc: { dir: "asc", keys: [{ expr: "p.min_price", type: "int" }] },
  price_desc: { dir: "desc", keys: [{ expr: "p.min_price", type: "int" }] },
  rating: {
    dir: "desc",
    keys: [
      { expr: "p.rating_avg", type: "float8" },
      { expr: "p.rating_count", type: "int" },
    ],
  },
  best_selling: { dir: "desc", keys: [{ expr: "p.sold_count", type: "int" }] },
  popular: {
    dir: "desc",
    keys: [
      { expr: "p.featured", type: "boolean" },
      { expr: "p.sold_count", type: "int" },
    ],
  },
} as const satisfies Record<string, KeysetSort>;
export type KeysetSortName = keyof typeof KEYSET_SORTS;

/** Keyset position: the sort values as PostgreSQL prints them (exact, microseconds kept) and the id. */
export type KeysetCursor = { s: KeysetSortName; k: string[]; id: string };
/** Relevance position: an offset (see list-products.ts for why). */
export type OffsetCursor = { s: "relevance"; o: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT4 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** As PostgreSQL prints a timestamptz (DateStyle ISO): `2026-01-07 10:20:30.123456+00`. */
const TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(:?\d{2}){0,2})?$/;

/** A real calendar date and time in the platform's years: what `::timestamptz` will accept. */
function saneTimestamp(v: string): boolean {
  const m = TIMESTAMPTZ.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const realDate = at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return realDate && y >= 2000 && y < 2100 && Number(m[9] ?? 0) <= 15;
}

/**
 * Each sort value is checked to be what its SQL cast accepts, in range: `9999999999::int`
 * or `'0x10'::float8` would be a database error (a 500), not a bad cursor (a 400).
 */
const VALUE: Record<SortKey["type"], (v: string) => boolean> = {
  int: (v) => /^-?\d{1,10}$/.test(v) && Number(v) >= INT4.min && Number(v) <= INT4.max,
  // Decimal only, and no exponent PostgreSQL would call out of range (1e400, or 1e-400 underflowing).
  float8: (v) => {
    const m = /^-?\d{1,20}(\.\d{1,20})?(?:e([+-]?\d{1,3}))?$/i.exec(v);
    return !!m && Math.abs(Number(m[2] ?? 0)) <= 300;
  },
  timestamptz: saneTimestamp,
  boolean: (v) => v === "true" || v === "false",
};

export const encodeCursor = (c: KeysetCursor | OffsetCursor) =>
  Buffer.from(JSON.stringify(c)).toString("base64url");

const badCursor = () =>
  invalidField(
    "cursor",
    "pagination.bad_cursor",
    "This page link is out of date. Start from the first page.",
  );

/** Decodes and checks a cursor against the sort in use; values are checked before SQL casts them. */
export function decodeCursor(
  raw: string | undefined,
  sort: KeysetSortName | "relevance",
): KeysetCursor | OffsetCursor | undefined {
  if (!raw) return undefined;
  let c: { s?: unknown; o?: number; k?: unknown; id?: unknown };
  try {
    c = JSON.parse(Buffer.from(raw, "base64url").toString());
  } catch {
    throw badCursor();
  }
  if (!c || typeof c !== "object" || c.s !== sort) throw badCursor();
  if (sort === "relevance") {
    const o = c.o;
    if (typeof o !== "number" || !Number.isInteger(o) || o < 0 || o > 100_000) throw badCursor();
    return { s: "relevance", o };
  }
  const keys = KEYSET_SORTS[sort].keys;
  const k = c.k;
  if (
    !Array.isArray(k) ||
    k.length !== keys.length ||
    !keys.every((key, i) => typeof k[i] === "string" && VALUE[key.type](k[i])) ||
    typeof c.id !== "string" ||
    !UUID.test(c.id)
  )
    throw badCursor();
  return { s: sort, k, id: c.id };
}

/** `k0, k1…`: the sort values as text, selected beside the card columns to build the next cursor. */
export function keyColumns(sort: KeysetSortName): SQL {
  return sql.raw(KEYSET_SORTS[sort].keys.map((k, i) => `${k.expr}::text as k${i}`).join(", "));
}

export function keysetOrder(sort: KeysetSortName): SQL {
  const { dir, keys } = KEYSET_SORTS[sort];
  return sql.raw([...keys.map((k) => `${k.expr} ${dir}`), `p.id ${dir}`].join(", "));
}

/** `(a, b, p.id) > ($1::int, $2::int, $3::uuid)`: rows strictly after the cursor in sort order. */
export function keysetAfter(sort: KeysetSortName, c: KeysetCursor): SQL {
  const { dir, keys } = KEYSET_SORTS[sort];
  const left = sql.raw(`(${[...keys.map((k) => k.expr), "p.id"].join(", ")})`);
  const values = sql.join(
    [...keys.map((key, i) => sql`${c.k[i]}::${sql.raw(key.type)}`), sql`${c.id}::uuid`],
    sql`, `,
  );
  return sql`${left} ${sql.raw(dir === "asc" ? ">" : "<")} (${values})`;
}
