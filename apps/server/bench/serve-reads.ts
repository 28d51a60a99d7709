import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVerifiedUser, loadConfig } from "@bazaar/core";
// Signs in as a person would, answering a second factor if the account has one.
import { signInForTest as login } from "@bazaar/core/testing";
import Fastify from "fastify";
import { createServer } from "../src/index";

/**
 * Child process of the reads benchmark (bench/reads.ts), over a database already seeded by
 * seed:catalog. Serves, on separate ports: the real app (its in-process cache as in
 * production), and a bare Fastify route that runs one indexed query (a product by slug)
 * through the app's own pool, the limit every read is compared with. Prints one JSON line
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
  REDIS_URL: undefined,
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
  await bare.close();
  await server.close();
  process.exit(0);
});
