import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Cache, type CompiledQuery, compiledBrowseQuery, loadConfig } from "@bazaar/core";
import Fastify from "fastify";
import { buildApp } from "../src/app";
import { type BazaarServer, createServer } from "../src/index";

/**
 * Child process of the catalogue benchmark. Serves, on separate ports over the same
 * database: the real app (in-process cache), the real app with no cache at all, the real
 * app with the Redis cache (when REDIS_URL and DATABASE_URL are set), and bare Fastify
 * routes that send each case's SQL straight to the driver through the app's own pool.
 * Prints one JSON line with the addresses and cases, then waits for SIGTERM.
 */
const env = {
  ...process.env,
  // Not "production": that refuses the offline dev payment gateway, and nothing else here differs.
  NODE_ENV: "test",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
  DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "bazaar-bench-")),
  LOG_LEVEL: "silent",
  SEED_DEMO: "false",
  RUN_JOBS_IN_PROCESS: "true",
};
const redisUrl = process.env.REDIS_URL;
const config = loadConfig({ ...env, REDIS_URL: undefined });
const server = await createServer(config);
const { runtime } = server;
const servers: BazaarServer[] = [server];

const noCache: Cache = {
  wrap: (_ns, _key, _ttl, load) => load(),
  bump: async () => {},
  invalidate: async () => {},
};
const uncached = await buildApp({ ...runtime, deps: { ...runtime.deps, cache: noCache } }, config);

// Redis in its own logical database, and a fresh namespace version, so no entry from an
// earlier run (or anyone else's server) is ever read.
let redisApp: BazaarServer | undefined;
if (redisUrl && config.databaseUrl) {
  const u = new URL(redisUrl);
  u.pathname = "/13";
  redisApp = await createServer(loadConfig({ ...env, REDIS_URL: u.toString() }));
  await redisApp.runtime.deps.cache.bump("catalog");
  servers.push(redisApp);
}

const slugRow = await runtime.deps.db.execute(
  "select p.slug from products p join sellers s on s.id = p.seller_id where p.status = 'approved' and s.status = 'approved' order by p.sold_count desc, p.id limit 1",
);
const slug = (slugRow as unknown as { rows: { slug: string }[] }).rows[0]?.slug;
if (!slug) throw new Error("no public product to benchmark");

const cases = {
  list: {
    title: "list: sarees, price asc, 20",
    path: "catalog.products.list",
    input: { category: "sarees", sort: "price_asc", limit: 20 },
  },
  search: {
    title: 'search: "silk saree"',
    path: "catalog.products.list",
    input: { q: "silk saree", limit: 20 },
  },
  typo: {
    title: 'search: "kurtha" (typo)',
    path: "catalog.products.list",
    input: { q: "kurtha", limit: 20 },
  },
  detail: { title: "bySlug: best seller", path: "catalog.products.bySlug", input: { slug } },
} as const;

const compiled: Record<string, CompiledQuery> = {};
for (const [name, c] of Object.entries(cases)) {
  compiled[name] = await compiledBrowseQuery(
    runtime.deps,
    c.path === "catalog.products.bySlug"
      ? { kind: "detail", input: c.input as { slug: string } }
      : { kind: "list", input: c.input },
  );
}

type Pool = {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
  connect?(): Promise<{ query: Pool["query"]; release(): void }>;
  transaction?<T>(fn: (tx: { query: Pool["query"] }) => Promise<T>): Promise<T>;
};
// The app's own driver handle: node-postgres Pool or the PGlite instance.
const pool = (runtime.deps.db as unknown as { $client: Pool }).$client;
async function runBare(q: CompiledQuery) {
  if (!q.setup) return (await pool.query(q.text, q.params)).rows;
  if (pool.transaction) {
    return pool.transaction(async (tx) => {
      await tx.query(q.setup!);
      return (await tx.query(q.text, q.params)).rows;
    });
  }
  const client = await pool.connect!();
  try {
    await client.query("begin");
    await client.query(q.setup);
    const r = await client.query(q.text, q.params);
    await client.query("commit");
    return r.rows;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

const bare = Fastify();
bare.get<{ Params: { name: string } }>("/bare/:name", async (req) => runBare(compiled[req.params.name]!));
/**
 * Waits until the database work left behind by the last measurement is done (requests the
 * load generator gave up on still run here), so it does not slow the next one: the pool is
 * idle and a trivial query answers at once.
 */
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

// Every route must answer before anything is measured.
const url = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
for (const [name, c] of Object.entries(cases)) {
  for (const [label, app] of [
    ["app", server.app],
    ["no-cache app", uncached],
    ...(redisApp ? [["redis app", redisApp.app] as const] : []),
  ] as const) {
    const res = await app.inject(url(c.path, c.input));
    if (res.statusCode !== 200)
      throw new Error(`${label} ${c.path} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  }
  const res = await bare.inject(`/bare/${name}`);
  if (res.statusCode !== 200)
    throw new Error(`bare ${name} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
}

const address = async (app: { listen(o: { port: number; host: string }): Promise<string> }) =>
  app.listen({ port: 0, host: "127.0.0.1" });
const routes = {
  bare: await address(bare),
  app: await address(server.app),
  uncached: await address(uncached),
  ...(redisApp && { redis: await address(redisApp.app) }),
};
process.stdout.write(
  `${JSON.stringify({
    routes,
    driver: runtime.db.driver,
    poolSize: config.databasePoolSize,
    cases: Object.fromEntries(
      Object.entries(cases).map(([name, c]) => [
        name,
        { title: c.title, trpc: url(c.path, c.input), bare: `/bare/${name}` },
      ]),
    ),
  })}\n`,
);
process.on("SIGTERM", async () => {
  await bare.close();
  await uncached.close();
  for (const s of servers.reverse()) await s.close();
  process.exit(0);
});
