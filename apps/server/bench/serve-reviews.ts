import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Cache,
  type CompiledQuery,
  compiledBrowseQuery,
  compiledReviewQueries,
  createVerifiedUser,
  loadConfig,
} from "@bazaar/core";
// Signs in as a person would, answering a second factor if the account has one.
import { signInForTest as login } from "@bazaar/core/testing";
import Fastify from "fastify";
import { buildApp } from "../src/app";
import { createServer } from "../src/index";

/**
 * Child process of the reviews benchmark. Over the bulk catalogue already seeded, gives the
 * best-selling product 5,000 reviews (BENCH_REVIEWS), then serves on separate ports: the
 * real app, the real app with no cache, and bare Fastify routes sending each case's SQL
 * straight to the driver through the app's pool. Prints one JSON line, waits for SIGTERM.
 */
const REVIEWS = Number(process.env.BENCH_REVIEWS || 5000);
const env = {
  ...process.env,
  NODE_ENV: "test",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
  DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "bazaar-bench-")),
  LOG_LEVEL: "silent",
  SEED_DEMO: "false",
  RUN_JOBS_IN_PROCESS: "true",
  REDIS_URL: undefined,
};
const config = loadConfig(env);
const server = await createServer(config);
const { deps } = server.runtime;
const noCache: Cache = {
  wrap: (_ns, _key, _ttl, load) => load(),
  bump: async () => {},
  invalidate: async () => {},
};
const uncached = await buildApp({ ...server.runtime, deps: { ...deps, cache: noCache } }, config);

type Pool = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };
const pool = (deps.db as unknown as { $client: Pool }).$client;
const one = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows[0] as T;

const product = await one<{ id: string; seller_id: string; media_id: string | null }>(
  `select p.id, p.seller_id, (select media_id from product_images where product_id = p.id limit 1) as media_id
   from products p join sellers s on s.id = p.seller_id
   where p.status = 'approved' and s.status = 'approved' order by p.sold_count desc, p.id limit 1`,
);
if (!product) throw new Error("no public product to benchmark");

// 5,000 buyers and their reviews in two set-based statements: a spread of stars (mostly
// good), helpful counts, a photo on every tenth and a shop reply on every seventh; created
// a minute apart, at whole milliseconds. Not verified purchases (no orders behind them):
// what is measured is reading them.
await pool.query(
  `insert into users (email, name, password_hash, role)
   select 'bench-reviewer-' || g || '@seed.bazaar.local', 'Reviewer ' || chr(65 + g % 26) || ' Bench', 'x', 'customer'
   from generate_series(1, $1::int) g
   on conflict do nothing`,
  [REVIEWS],
);
await pool.query(
  `insert into reviews (product_id, seller_id, customer_id, rating, title, body, photo_ids, helpful_count,
     seller_reply, seller_replied_at, created_at, updated_at)
   select $1::uuid, $2::uuid, u.id,
     (array[5,5,5,4,4,4,3,2,1,5])[1 + (hashtext(u.id::text) & 1023) % 10],
     'Review title ' || n, 'A review body with a few sentences about the product, number ' || n || '.',
     case when n % 10 = 0 and $3::text is not null then jsonb_build_array($3::text) else '[]'::jsonb end,
     (hashtext(u.email) & 1023) % 200,
     case when n % 7 = 0 then 'Thank you for your review!' end,
     case when n % 7 = 0 then date_trunc('milliseconds', now()) end,
     date_trunc('milliseconds', now()) - n * interval '1 minute',
     date_trunc('milliseconds', now()) - n * interval '1 minute'
   from (select id, email, row_number() over (order by email) as n from users
         where email like 'bench-reviewer-%@seed.bazaar.local') u
   on conflict do nothing`,
  [product.id, product.seller_id, product.media_id],
);
// The product's stars, as reviews/ratings.ts keeps them.
await pool.query(
  `update products p set rating_avg = coalesce(a.avg, 0), rating_count = a.n
   from (select count(*)::int as n, avg(rating)::float8 as avg from reviews
         where product_id = $1 and status = 'published') a where p.id = $1`,
  [product.id],
);
await pool.query("analyze reviews");
await pool.query("analyze users");

// A signed-in shopper, for the list that also says which reviews the caller voted for.
const email = `bench-shopper-${Date.now()}@example.com`;
const password = "bench-pass-word-1";
await createVerifiedUser(deps, { email, name: "Bench Shopper", password, role: "customer" });
const { accessToken, user } = await login(deps, { ip: null, userAgent: "bench" }, { email, password });

const list = (sort: string, viewer: string | null = null) => ({
  path: "reviews.list",
  input: { productId: product.id, sort, limit: 10 },
  bare: compiledReviewQueries({ productId: product.id, sort: sort as "helpful", limit: 10 }, viewer).list,
  signedIn: viewer !== null,
});
const ratingSort = await compiledBrowseQuery(deps, { kind: "list", input: { sort: "rating", limit: 20 } });
const cases: Record<
  string,
  {
    title: string;
    path: string;
    input: unknown;
    bare: Pick<CompiledQuery, "text" | "params">;
    signedIn: boolean;
  }
> = {
  helpful: { title: "reviews.list helpful", ...list("helpful") },
  newest: { title: "reviews.list newest", ...list("newest") },
  highest: { title: "reviews.list highest", ...list("highest") },
  lowest: { title: "reviews.list lowest", ...list("lowest") },
  helpfulSignedIn: { title: "reviews.list helpful, signed in", ...list("helpful", user.id) },
  summary: {
    title: "reviews.summary",
    path: "reviews.summary",
    input: { productId: product.id },
    bare: compiledReviewQueries({ productId: product.id }).summary,
    signedIn: false,
  },
  ratingSort: {
    title: "catalog list, sort rating",
    path: "catalog.products.list",
    input: { sort: "rating", limit: 20 },
    bare: ratingSort,
    signedIn: false,
  },
};

const bare = Fastify();
bare.get<{ Params: { name: string } }>("/bare/:name", async (req) => {
  const q = cases[req.params.name]!.bare;
  return (await pool.query(q.text, q.params)).rows;
});
bare.get("/settle", async () => {
  await pool.query("select 1");
  return {};
});

const url = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const headers = { authorization: `Bearer ${accessToken}` };
for (const [name, c] of Object.entries(cases)) {
  for (const app of [server.app, uncached]) {
    const res = await app.inject({ url: url(c.path, c.input), headers: c.signedIn ? headers : {} });
    if (res.statusCode !== 200)
      throw new Error(`${c.path} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  }
  const res = await bare.inject(`/bare/${name}`);
  if (res.statusCode !== 200)
    throw new Error(`bare ${name} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
}

const address = (app: { listen(o: { port: number; host: string }): Promise<string> }) =>
  app.listen({ port: 0, host: "127.0.0.1" });
const routes = {
  bare: await address(bare),
  app: await address(server.app),
  uncached: await address(uncached),
};
process.stdout.write(
  `${JSON.stringify({
    routes,
    driver: server.runtime.db.driver,
    poolSize: config.databasePoolSize,
    reviews: REVIEWS,
    headers,
    cases: Object.fromEntries(
      Object.entries(cases).map(([name, c]) => [
        name,
        { title: c.title, trpc: url(c.path, c.input), bare: `/bare/${name}`, signedIn: c.signedIn },
      ]),
    ),
  })}\n`,
);
process.on("SIGTERM", async () => {
  await bare.close();
  await uncached.close();
  await server.close();
  process.exit(0);
});
