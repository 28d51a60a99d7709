import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { dropDatabase, freshDatabaseUrl } from "./lib";

/**
 * `pnpm bench` (after auth.me): the public catalogue at 10k and 100k products. For each
 * case (a category page sorted by price, a text search, a misspelt search, a product page)
 * it measures, in one run and on one database: a bare Fastify route sending the same SQL
 * straight to the driver, the app with its cache, the app with the Redis cache (when
 * REDIS_URL and DATABASE_URL are set) and the app with no cache at all.
 *
 * With DATABASE_URL it works in a fresh database `bazaar_bench` created through that
 * connection (dropped at the end unless BENCH_KEEP=1); otherwise in PGlite under a temporary
 * DATA_DIR. Knobs: BENCH_SIZES (10000,100000), BENCH_CONNECTIONS (50), BENCH_SECONDS (10).
 */
const sizes = (process.env.BENCH_SIZES || "10000,100000").split(",").map(Number);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const duration = Number(process.env.BENCH_SECONDS || 10);
const BENCH_DB = "bazaar_bench";

const dataDir = mkdtempSync(join(tmpdir(), "bazaar-bench-catalog-"));
const childEnv: Record<string, string | undefined> = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: undefined,
  RUN_JOBS_IN_PROCESS: "true",
};
childEnv.DATABASE_URL = await freshDatabaseUrl(BENCH_DB);

function run(args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const env = { ...childEnv, REDIS_URL: undefined };
    const p = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: "inherit", env });
    p.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`)),
    );
  });
}

type Served = {
  routes: Record<"bare" | "app" | "uncached" | "redis", string | undefined>;
  driver: string;
  poolSize: number;
  cases: Record<string, { title: string; trpc: string; bare: string }>;
};
async function serve(): Promise<{ child: ChildProcess; served: Served }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/serve-catalog.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: childEnv,
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, served: JSON.parse(first) };
}

type Row = { route: string; rps: number; p50: number; p90: number; p99: number; timeouts: number };
let settleUrl = "";
async function measure(route: string, url: string): Promise<Row> {
  // Requests cut off at the end of a run still run in the server: let them finish first.
  await autocannon({ url, connections, duration: 2 });
  await fetch(settleUrl);
  const r = await autocannon({ url, connections, duration });
  await fetch(settleUrl);
  // A slow route may time out (10 s) under this load: counted and shown, not fatal.
  if (r.non2xx > 0 || r.errors > r.timeouts)
    throw new Error(`${route} ${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return {
    route,
    rps: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    timeouts: r.timeouts,
  };
}

const summary: string[] = [];
try {
  for (const size of sizes) {
    console.log(`\nseeding ${size.toLocaleString("en-IN")} products…`);
    await run(["src/cli/seed-catalog.ts", "--products", String(size)]);
    const { child, served } = await serve();
    try {
      const { routes } = served;
      settleUrl = `${routes.bare}/settle`;
      const results: { title: string; rows: Row[] }[] = [];
      for (const [name, c] of Object.entries(served.cases)) {
        const rows = [await measure("bare SQL route", `${routes.bare}${c.bare}`)];
        rows.push(await measure("app, cached", `${routes.app}${c.trpc}`));
        if (routes.redis) rows.push(await measure("app, Redis cache", `${routes.redis}${c.trpc}`));
        rows.push(await measure("app, no cache", `${routes.uncached}${c.trpc}`));
        results.push({ title: c.title, rows });
        process.stdout.write(`  measured ${name}\n`);
      }
      const head = `catalogue at ${size.toLocaleString("en-IN")} products — ${served.driver === "pglite" ? "PGlite, one connection" : `PostgreSQL, pool ${served.poolSize}`}, ${connections} connections, ${duration} s each, node ${process.version}`;
      const lines = [
        head,
        `${"case".padEnd(28)} ${"route".padEnd(18)} ${"req/s".padStart(8)} ${"p50".padStart(6)} ${"p90".padStart(6)} ${"p99".padStart(6)} ms  vs bare  timeouts`,
      ];
      for (const { title, rows } of results) {
        const bareRps = rows[0]!.rps;
        rows.forEach((r, i) => {
          lines.push(
            `${(i === 0 ? title : "").padEnd(28)} ${r.route.padEnd(18)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(6)} ${String(r.p90).padStart(6)} ${String(r.p99).padStart(6)}     ${(i === 0 ? "" : `${((r.rps / bareRps) * 100).toFixed(0)}%`).padEnd(8)} ${r.timeouts || ""}`,
          );
        });
      }
      const find = (title: string, route: string) =>
        results.find((x) => x.title.startsWith(title))?.rows.find((r) => r.route === route);
      const ratio = (title: string) =>
        (find(title, "app, cached")!.rps / find(title, "bare SQL route")!.rps) * 100;
      lines.push(
        `targets: list ${ratio("list").toFixed(0)}% of bare (≥ 60%), detail ${ratio("bySlug").toFixed(0)}% of bare (≥ 60%), search p99 ${find('search: "silk', "app, cached")!.p99} ms (< 50 ms)`,
      );
      console.log(`\n${lines.join("\n")}\n`);
      summary.push(lines.join("\n"));
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
  if (summary.length > 1) console.log(`\n${summary.join("\n\n")}\n`);
} finally {
  await dropDatabase(BENCH_DB);
  rmSync(dataDir, { recursive: true, force: true });
}
