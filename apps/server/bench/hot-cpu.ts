import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVerifiedUser, loadConfig } from "@bazaar/core";
import { signInForTest as login } from "@bazaar/core/testing";
import Fastify from "fastify";
import { createServer } from "../src/index";

/**
 * API CPU per request of the hot reads (list hot, detail over 1,000 slugs, auth.me) and of
 * the bare route, measured in this process through Fastify's `inject` (no sockets): what
 * our own code costs, steady even on a machine busy with other work, where req/s and even
 * CPU time under autocannon swing by 2–4×. Each workload runs ROUNDS rounds of N requests,
 * 50 in flight, and the least CPU per request of the rounds is printed (interference only
 * ever adds; the median beside it). Over a database seeded already (DATABASE_URL, e.g. by seed:catalog):
 *   tsx bench/hot-cpu.ts
 */
const N = Number(process.env.BENCH_REQUESTS || 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const config = loadConfig({
  ...process.env,
  NODE_ENV: "test",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
  DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "bazaar-bench-")),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
  BCRYPT_COST: "4",
  SEED_DEMO: "false",
  RUN_JOBS_IN_PROCESS: "true",
  REDIS_URL: undefined,
});
const server = await createServer(config);
const { runtime, app } = server;
type Pool = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };
const pool = (runtime.deps.db as unknown as { $client: Pool }).$client;
const slugs = (
  await pool.query(
    `select p.slug from products p join sellers s on s.id = p.seller_id
     where p.status = 'approved' and s.status = 'approved' and p.min_price is not null
     order by p.id limit 1000`,
  )
).rows.map((r) => String(r.slug));
const category = String(
  (await pool.query("select slug from categories order by slug limit 1")).rows[0]!.slug,
);
const email = `bench-${Date.now()}@example.com`;
await createVerifiedUser(runtime.deps, { email, name: "Bench", password: "bench-pass-1", role: "customer" });
const { accessToken } = await login(
  runtime.deps,
  { ip: null, userAgent: null },
  { email, password: "bench-pass-1" },
);

const bare = Fastify();
bare.get<{ Params: { slug: string } }>(
  "/bare/:slug",
  async (req) =>
    (await pool.query("select id, slug, title, min_price from products where slug = $1", [req.params.slug]))
      .rows[0] ?? null,
);
await bare.ready();

const trpc = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const hot = trpc("catalog.products.list", { category, sort: "price_asc", limit: 20 });
const auth = { authorization: `Bearer ${accessToken}` };
const workloads: [string, typeof app | typeof bare, (i: number) => string, Record<string, string>?][] = [
  ["bare", bare, (i) => `/bare/${slugs[i % slugs.length]}`],
  ["list hot", app, () => hot],
  ["detail", app, (i) => trpc("catalog.products.bySlug", { slug: slugs[i % slugs.length] })],
  ["auth.me", app, () => "/trpc/auth.me", auth],
];
const only = process.argv.slice(2);

async function round(
  target: typeof app | typeof bare,
  url: (i: number) => string,
  headers?: Record<string, string>,
) {
  const start = process.cpuUsage();
  let i = 0;
  const worker = async () => {
    while (i < N) {
      const res = await target.inject({ method: "GET", url: url(i++), headers });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 50 }, worker));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / N;
}

let bareUs = 0;
for (const [name, target, url, headers] of workloads) {
  if (name !== "bare" && only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  await round(target, url, headers); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) runs.push(await round(target, url, headers));
  const best = Math.min(...runs);
  const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  if (name === "bare") bareUs = best;
  console.log(
    `${name.padEnd(9)} ${best.toFixed(0).padStart(5)} µs CPU/request, median ${median.toFixed(0).padStart(4)} (rounds: ${runs.map((x) => x.toFixed(0)).join(" ")})` +
      (name === "bare" ? "" : `  bare/this ${((bareUs / best) * 100).toFixed(0)}%`),
  );
}
await bare.close();
await server.close();
process.exit(0);
