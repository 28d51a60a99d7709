import { createHash } from "node:crypto";
import type { Database } from "@bazaar/db";
import type { SQL } from "drizzle-orm";
import { PgDialect, PgTransaction } from "drizzle-orm/pg-core";
import type { ListQuery } from "./list-filters";
import type { KeysetCursor, KeysetSortName } from "./queries";

/**
 * A browse page's statement (no text query) built into SQL text once per shape, not once
 * per request: which filters are present, the sort, one category or a subtree, a cursor or
 * not. Only the values differ between requests of a shape, and building the text with
 * Drizzle (a few hundred template pieces for a subtree page) was about half of the API's
 * own work on a page the cache did not have.
 *
 * The shape is built once from stand-in values, each a unique marker (a string, a number
 * no filter takes, an array compared by identity); where a marker lands among the built
 * statement's parameters says which input fills that place. So the text and the order of
 * its parameters are exactly what `pageQuery` builds (a test compares them over every
 * shape), with no second copy of the SQL to keep in step.
 */
export type PageInput = { f: ListQuery; sort: KeysetSortName; limit: number; cursor?: KeysetCursor };
type Build = (f: ListQuery, sort: KeysetSortName, limit: number, cursor: KeysetCursor | undefined) => SQL;
type Shape = { name: string; text: string; fill: ((p: PageInput) => unknown)[] };

/** Shapes kept, at most; past it a page is built as before (each is a prepared statement per connection). */
const MAX_SHAPES = 128;
const shapes = new Map<string, Shape>();
const dialect = new PgDialect({ casing: "snake_case" });

const CATEGORY = "\u0000category";
const SUBTREE = ["\u0000subtree-a", "\u0000subtree-b"];
const SELLER = "\u0000seller";
const BRANDS = ["\u0000brand"];
// Filters compare with these; no input reaches them (prices and ratings are never negative).
const MIN_PRICE = -1_000_000_011;
const MAX_PRICE = -1_000_000_013;
const MIN_RATING = -1_000_000_017;
const LIMIT = 1_000_000_007;
const KEYS = ["\u0000k0", "\u0000k1"];
const CURSOR_ID = "\u0000id";

const markers = new Map<unknown, (p: PageInput) => unknown>([
  [CATEGORY, (p) => p.f.categoryIds![0]],
  [SUBTREE, (p) => p.f.categoryIds],
  [SELLER, (p) => p.f.seller],
  [BRANDS, (p) => p.f.brands],
  [MIN_PRICE, (p) => p.f.minPrice],
  [MAX_PRICE, (p) => p.f.maxPrice],
  [MIN_RATING, (p) => p.f.minRating],
  // The statement reads one row past the page to know whether another follows.
  [LIMIT + 1, (p) => p.limit + 1],
  [KEYS[0], (p) => p.cursor!.k[0]],
  [KEYS[1], (p) => p.cursor!.k[1]],
  [CURSOR_ID, (p) => p.cursor!.id],
]);

function shapeKey({ f, sort, cursor }: PageInput): string {
  const ids = f.categoryIds;
  return [
    sort,
    ids ? (ids.length === 1 ? "c" : "t") : "",
    f.seller ? "s" : "",
    f.brands ? "b" : "",
    f.minPrice !== undefined ? "l" : "",
    f.maxPrice !== undefined ? "h" : "",
    f.minRating ? "r" : "",
    f.inStock ? "i" : "",
    f.featured ? "f" : "",
    cursor ? "k" : "",
  ].join("");
}

function buildShape(p: PageInput, build: Build): Shape {
  const { f, sort, cursor } = p;
  const ids = f.categoryIds;
  const stand: ListQuery = {
    ...(ids ? { categoryIds: ids.length === 1 ? [CATEGORY] : SUBTREE } : {}),
    ...(f.seller ? { seller: SELLER } : {}),
    ...(f.brands ? { brands: BRANDS } : {}),
    ...(f.minPrice !== undefined ? { minPrice: MIN_PRICE } : {}),
    ...(f.maxPrice !== undefined ? { maxPrice: MAX_PRICE } : {}),
    ...(f.minRating ? { minRating: MIN_RATING } : {}),
    ...(f.inStock ? { inStock: true as const } : {}),
    ...(f.featured ? { featured: true as const } : {}),
  };
  const standCursor = cursor ? { s: sort, k: KEYS.slice(0, cursor.k.length), id: CURSOR_ID } : undefined;
  const { sql: text, params } = dialect.sqlToQuery(build(stand, sort, LIMIT, standCursor));
  // A parameter that is no marker is a constant of the statement, sent as it is.
  const fill = params.map((v) => markers.get(v) ?? (() => v));
  const name = `list_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
  return { name, text, fill };
}

/** The statement for a browse page: its name, text and parameters (undefined past MAX_SHAPES). */
export function compiledPage(
  p: PageInput,
  build: Build,
): { name: string; text: string; params: unknown[] } | undefined {
  if (p.f.q) return undefined;
  const key = shapeKey(p);
  let shape = shapes.get(key);
  if (!shape) {
    if (shapes.size >= MAX_SHAPES) return undefined;
    shape = buildShape(p, build);
    shapes.set(key, shape);
  }
  const params = new Array(shape.fill.length);
  for (let i = 0; i < params.length; i++) params[i] = shape.fill[i]!(p);
  return { name: shape.name, text: shape.text, params };
}

type NodePgPool = {
  totalCount: number;
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
};

/**
 * A browse page's rows through its shape's prepared statement on node-postgres; undefined
 * where that does not apply (PGlite, inside a transaction, a text search, past the cap),
 * for the caller to build and run the page as any other listing.
 */
export function pageRows<T>(db: Database, p: PageInput, build: Build): Promise<T[]> | undefined {
  const client = (db as unknown as { $client?: NodePgPool }).$client;
  if (db instanceof PgTransaction || typeof client?.totalCount !== "number") return undefined;
  const c = compiledPage(p, build);
  if (!c) return undefined;
  return client.query({ name: c.name, text: c.text, values: c.params }).then((r) => r.rows as T[]);
}
