import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVerifiedUser, loadConfig } from "@bazaar/core";
// Signs in as a person would, answering a second factor if the account has one.
import { signInForTest as login } from "@bazaar/core/testing";
import Fastify from "fastify";
import { createServer } from "../src/index";
import { profileIfAsked } from "./lib";

/**
 * Child process of the reads benchmark (bench/reads.ts), over a database already seeded by
 * seed:catalog. Serves, on separate ports: the real app (its in-process cache, or with
 * BENCH_REDIS=1 its cache as configured with REDIS_URL in production), and bare Fastify
 * routes through the app's own pool, the limits the reads are compared with: one indexed
 * query for a product by slug (detail, auth.me), one statement for a page of product cards
 * (`/bare-list`, the lists; see there) and one for a page of search results (`/bare-search`,
 * the searches; see there). Prints one JSON line
 * with the addresses and the inputs the parent needs (slugs, categories, title words, a
 * bearer token), then waits for SIGTERM. `GET <bare>/rss` reports this process's memory.
 */
const config = loadConfig({
  ...process.env,
  // Not "production": that refuses the offline dev payment gateway, and nothing else here differs.
  NODE_ENV: "test",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
  DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "bazaar-bench-")),
  LOG_LEVEL: "silent",
  BCRYPT_COST: "4",
  SEED_DEMO: "false",
  RUN_JOBS_IN_PROCESS: "true",
  // Set by reads.ts under BENCH_REDIS=1: the bench's own Redis database.
  REDIS_URL: process.env.BENCH_REDIS_URL,
});
const server = await createServer(config);
const { runtime } = server;
const rssAtStart = process.memoryUsage().rss;

type Pool = {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
};
// The app's own driver handle: node-postgres Pool or the PGlite instance.
const pool = (runtime.deps.db as unknown as { $client: Pool }).$client;

const slugs = (
  await pool.query(
    `select p.slug from products p join sellers s on s.id = p.seller_id
     where p.status = 'approved' and s.status = 'approved' and p.min_price is not null
     order by p.id limit 1000`,
  )
).rows.map((r) => String(r.slug));
if (slugs.length === 0) throw new Error("no public product to benchmark: run seed:catalog first");
const categories = (await pool.query("select slug from categories order by slug")).rows.map((r) =>
  String(r.slug),
);
// Words of real titles, so a generated search finds something (and its typos something similar).
const words = [
  ...new Set(
    (await pool.query("select title from products order by id limit 3000")).rows.flatMap((r) =>
      String(r.title)
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 4),
    ),
  ),
].sort();

const email = `bench-${Date.now()}@example.com`;
await createVerifiedUser(runtime.deps, { email, name: "Bench", password: "bench-pass-1", role: "customer" });
const { accessToken } = await login(
  runtime.deps,
  { ip: null, userAgent: null },
  { email, password: "bench-pass-1" },
);

const bare = Fastify();
// The limit: one indexed query, the row sent back as JSON.
bare.get<{ Params: { slug: string } }>(
  "/bare/:slug",
  async (req) =>
    (await pool.query("select id, slug, title, min_price from products where slug = $1", [req.params.slug]))
      .rows[0] ?? null,
);

// ---- the bare list route -------------------------------------------------------------------
// The floor for "list hot" and "list varied", as the issue measured them: for the same input
// (category with its subcategories, sort, page size, price ceiling) the same page of cards,
// with the fields the storefront's card shows, from ONE hand-written statement over the
// same partial indexes, a named prepared statement per sort (planned once per connection),
// the rows sent with plain JSON.stringify. The category tree is read once at start, as any
// shop would cache it. It computes no total, facets or next cursor and checks no input: a
// page and nothing else, the least a listing can do.
const tree = (await pool.query("select id, slug, parent_id from categories")).rows as {
  id: string;
  slug: string;
  parent_id: string | null;
}[];
function subtree(slug: string): string[] {
  const root = tree.find((c) => c.slug === slug);
  if (!root) return [];
  const ids = [root.id];
  for (let i = 0; i < ids.length; i++) for (const c of tree) if (c.parent_id === ids[i]) ids.push(c.id);
  return ids;
}
const BARE_ORDER: Record<string, string> = {
  newest: "p.created_at desc, p.id desc",
  price_asc: "p.min_price asc, p.id asc",
  price_desc: "p.min_price desc, p.id desc",
  rating: "p.rating_avg desc, p.rating_count desc, p.id desc",
  best_selling: "p.sold_count desc, p.id desc",
  // "relevance" without a text query: featured first, then best selling.
  relevance: "p.featured desc, p.sold_count desc, p.id desc",
};
// Each category of the subtree read from its own (category, sort…) index, at most a page
// each, then merged: `category_id = any(…)` with the sort on the outside costs 1–4 ms here,
// as the planner walks a whole sort order or sorts the subtree (list-products.ts says why).
const bareListText = (order: string) => `
  select t.id, t.slug, t.title, t.brand, t.min_price as "minPrice", coalesce(t.max_price, t.min_price) as "maxPrice",
    t.card_compare_at_price as "compareAtPrice", 'INR' as currency, t.card_image_url as "imageUrl",
    t.rating_avg as "ratingAvg", t.rating_count as "ratingCount", t.total_stock > 0 as "inStock",
    t.seller_slug as "sellerSlug", t.shop_name as "shopName"
  from unnest($1::uuid[]) as cat(id) cross join lateral (
    select p.id, p.slug, p.title, p.brand, p.min_price, p.max_price, p.card_compare_at_price, p.card_image_url,
      p.rating_avg, p.rating_count, p.total_stock, p.created_at, p.sold_count, p.featured,
      s.slug as seller_slug, s.shop_name
    from products p join sellers s on s.id = p.seller_id
    where p.status = 'approved' and s.status = 'approved' and p.min_price is not null
      and p.category_id = cat.id and p.min_price <= $2
    order by ${order} limit $3
  ) t
  order by ${order.replaceAll("p.", "t.")} limit $3`;
const pgDriver = runtime.db.driver !== "pglite";
/** A bare route's statement: named and prepared (planned once per connection) on PostgreSQL. */
async function bareQuery(name: string, text: string, values: unknown[]): Promise<unknown[]> {
  const { rows } = pgDriver
    ? await (pool as unknown as { query(q: object): Promise<{ rows: unknown[] }> }).query({
        name,
        text,
        values,
      })
    : await pool.query(text, values);
  return rows;
}
bare.get<{ Querystring: { category: string; sort: string; limit: string; maxPrice: string } }>(
  "/bare-list",
  async (req, reply) => {
    const { category, sort, limit, maxPrice } = req.query;
    const text = bareListText(BARE_ORDER[sort] ?? BARE_ORDER.relevance!);
    const rows = await bareQuery(`bare_list_${sort}`, text, [
      subtree(category),
      Number(maxPrice),
      Number(limit),
    ]);
    return reply.type("application/json").send(JSON.stringify({ items: rows }));
  },
);

// ---- the bare search route -----------------------------------------------------------------
// The floor for "search, every query new": for the same text, a page of the same cards from
// ONE hand-written statement, the textbook full-text search: the words as websearch_to_tsquery
// reads them, matched through the same GIN index, every match ranked by ts_rank, a named
// prepared statement. No typo look-up, no candidate cap, no total or facets, no input checked,
// no cache: a shopper's misspelt word simply finds nothing here, and a broad word ranks every
// product that has it.
const bareSearchText = `
  select p.id, p.slug, p.title, p.brand, p.min_price as "minPrice", coalesce(p.max_price, p.min_price) as "maxPrice",
    p.card_compare_at_price as "compareAtPrice", 'INR' as currency, p.card_image_url as "imageUrl",
    p.rating_avg as "ratingAvg", p.rating_count as "ratingCount", p.total_stock > 0 as "inStock",
    s.slug as "sellerSlug", s.shop_name as "shopName"
  from products p join sellers s on s.id = p.seller_id, websearch_to_tsquery('english', $1) q
  where p.status = 'approved' and s.status = 'approved' and p.min_price is not null and p.search_vector @@ q
  order by ts_rank(p.search_vector, q) desc, p.id desc
  limit $2`;
bare.get<{ Querystring: { q: string; limit: string } }>("/bare-search", async (req, reply) => {
  const rows = await bareQuery("bare_search", bareSearchText, [req.query.q, Number(req.query.limit)]);
  return reply.type("application/json").send(JSON.stringify({ items: rows }));
});
bare.get("/rss", async () => ({ rss: process.memoryUsage().rss, rssAtStart }));
// CPU this process has used (µs): the parent reads it around a measurement.
bare.get("/cpu", async () => {
  const { user, system } = process.cpuUsage();
  return { us: user + system };
});
/** Waits until work left behind by the last measurement (requests the load generator gave up on) is done. */
bare.get("/settle", async () => {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const started = performance.now();
    await pool.query("select 1");
    const ms = performance.now() - started;
    const busy = (pool.totalCount ?? 0) - (pool.idleCount ?? 0) + (pool.waitingCount ?? 0);
    if ((ms < 20 && busy === 0) || Date.now() > deadline) return { ms, busy };
    await new Promise((r) => setTimeout(r, 200));
  }
});

// BENCH_PROFILE=<file>: a CPU profile of this process from here to SIGTERM (the last size's, with several).
const stopProfile = await profileIfAsked();
const api = await server.app.listen({ port: 0, host: "127.0.0.1" });
const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(
  `${JSON.stringify({
    api,
    bare: bareUrl,
    accessToken,
    driver: runtime.db.driver,
    poolSize: config.databasePoolSize,
    slugs,
    categories,
    words,
  })}\n`,
);
process.on("SIGTERM", async () => {
  await stopProfile();
  await bare.close();
  await server.close();
  process.exit(0);
});
