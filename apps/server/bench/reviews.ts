import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { dropDatabase, freshDatabaseUrl } from "./lib";

/**
 * `pnpm bench` (after the catalogue): the product page's reviews and the rating sort. Seeds
 * the bulk catalogue (BENCH_PRODUCTS, 100k), gives its best seller 5,000 reviews
 * (BENCH_REVIEWS), then measures side by side in one run on one database: a bare Fastify
 * route sending the same SQL to the driver, and the app (reviews are never cached; the
 * catalogue list is measured cached, labelled so, and with no cache).
 *
 * With DATABASE_URL it works in a fresh database `bazaar_bench_reviews` (dropped at the end
 * unless BENCH_KEEP=1); otherwise PGlite under a temporary DATA_DIR. Knobs: BENCH_PRODUCTS,
 * BENCH_REVIEWS, BENCH_CONNECTIONS (20), BENCH_SECONDS (10).
 */
const products = Number(process.env.BENCH_PRODUCTS || 100_000);
const connections = Number(process.env.BENCH_CONNECTIONS || 20);
const duration = Number(process.env.BENCH_SECONDS || 10);
const BENCH_DB = "bazaar_bench_reviews";

const dataDir = mkdtempSync(join(tmpdir(), "bazaar-bench-reviews-"));
const childEnv: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: await freshDatabaseUrl(BENCH_DB),
  REDIS_URL: undefined,
  RUN_JOBS_IN_PROCESS: "true",
};

function run(args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: "inherit", env: childEnv });
    p.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`)),
    );
  });
}

type Served = {
  routes: Record<"bare" | "app" | "uncached", string>;
  driver: string;
  poolSize: number;
  reviews: number;
  headers: Record<string, string>;
  cases: Record<string, { title: string; trpc: string; bare: string; signedIn: boolean }>;
};
async function serve(): Promise<{ child: ChildProcess; served: Served }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/serve-reviews.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: childEnv,
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, served: JSON.parse(first) };
}

type Row = { route: string; rps: number; p50: number; p90: number; p99: number };
async function measure(route: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  await autocannon({ url, connections, duration: 2, headers });
  const r = await autocannon({ url, connections, duration, headers });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${route} ${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { route, rps: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99 };
}

try {
  console.log(`\nseeding ${products.toLocaleString("en-IN")} products…`);
  await run(["src/cli/seed-catalog.ts", "--products", String(products), "--quiet"]);
  const { child, served } = await serve();
  try {
    const { routes } = served;
    const results: { title: string; rows: Row[] }[] = [];
    for (const [name, c] of Object.entries(served.cases)) {
      const headers = c.signedIn ? served.headers : {};
      const rows = [await measure("bare SQL route", `${routes.bare}${c.bare}`)];
      if (name === "ratingSort") {
        rows.push(await measure("app, cached", `${routes.app}${c.trpc}`));
        rows.push(await measure("app, no cache", `${routes.uncached}${c.trpc}`));
      } else rows.push(await measure("app", `${routes.app}${c.trpc}`, headers));
      results.push({ title: c.title, rows });
      process.stdout.write(`  measured ${name}\n`);
    }
    const lines = [
      `reviews: one product with ${served.reviews.toLocaleString("en-IN")} reviews, catalogue of ${products.toLocaleString("en-IN")} products — ${served.driver === "pglite" ? "PGlite, one connection" : `PostgreSQL, pool ${served.poolSize}`}, ${connections} connections, ${duration} s each, node ${process.version}`,
      `${"case".padEnd(32)} ${"route".padEnd(16)} ${"req/s".padStart(8)} ${"p50".padStart(6)} ${"p90".padStart(6)} ${"p99".padStart(6)} ms  vs bare`,
    ];
    for (const { title, rows } of results)
      rows.forEach((r, i) => {
        lines.push(
          `${(i === 0 ? title : "").padEnd(32)} ${r.route.padEnd(16)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(6)} ${String(r.p90).padStart(6)} ${String(r.p99).padStart(6)}     ${i === 0 ? "" : `${((r.rps / rows[0]!.rps) * 100).toFixed(0)}%`}`,
        );
      });
    console.log(`\n${lines.join("\n")}\n`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
} finally {
  await dropDatabase(BENCH_DB);
  rmSync(dataDir, { recursive: true, force: true });
}
