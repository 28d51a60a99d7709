import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createDb } from "@bazaar/db";
import autocannon from "autocannon";

/**
 * `pnpm bench`: the reads where a cache cannot (or can only partly) help, each against a bare
 * Fastify route doing that workload's work through the same pool, in one run on one database
 * (as issue #14 measured them; the "baseline" column names each row's):
 *
 *   slug         one indexed query, a product by slug: the baseline of detail and auth.me
 *   list page    one hand-written statement for the same page of cards, over the same indexes
 *                (serve-reads.ts `/bare-list`: no total, facets or cursor), fed the row's own
 *                inputs: the baseline of list hot and list varied. "vs slug" keeps their
 *                ratio to the slug route too, the figure this bench printed before.
 *   search       one hand-written full-text statement for a page of the same cards, over the
 *                same GIN index (serve-reads.ts `/bare-search`: every match ranked, no typo
 *                look-up, no cap, total or facets), fed the same texts at the same
 *                concurrency: the baseline of the searches.
 *
 *   list hot        the same category page every time (a cache hit, labelled so)
 *   list varied     every request a new input: 1,000 templates (category × sort × page size)
 *                   whose price ceiling changes every 1,000 requests, so the page is always
 *                   a miss and a filter set's facets are shared by the pages that use it
 *   detail          product pages over 1,000 slugs
 *   search          every query new (text from real titles, typos, a never-repeated filter),
 *                   at c=10 and c=50, at every size in BENCH_SIZES
 *   auth.me         with a bearer token
 *   memory          this bench server's RSS after start and after the load (tsx, bare routes in
 *                   it, no demo data: for comparing runs; the built server users run, against
 *                   the goals of #14, is bench/memory.ts's)
 *   placeOrder      bench/checkout.ts, run as its own section (BENCH_PLACE_ORDER=0 skips it:
 *                   `pnpm bench` runs checkout.ts after the memory bench instead)
 *
 * Beside req/s and latency, CPU per request: the API process's (bare route included) and
 * the bench database's PostgreSQL backends' (from /proc). On a machine shared with other
 * work, req/s follow the neighbours; CPU per request does not.
 *
 * With DATABASE_URL the catalogue lives in `bazaar_bench_<n>k`, created and seeded through
 * seed:catalog (which tops up, so a kept database is reused: BENCH_KEEP=1 keeps it); else
 * PGlite under a temporary DATA_DIR. Knobs: BENCH_SIZES (10000; add 100000 for the large
 * search, or set BENCH_100K=1), BENCH_SECONDS (8), BENCH_DB_PREFIX (`bazaar_bench_`: another
 * prefix keeps a run's databases apart from another bench on the same server), BENCH_ONLY
 * (`search`: the bare route and the search rows only; `list`: the list rows and their bare
 * routes only).
 */
const sizes = (process.env.BENCH_SIZES || (process.env.BENCH_100K === "1" ? "10000,100000" : "10000"))
  .split(",")
  .map(Number);
const duration = Number(process.env.BENCH_SECONDS || 8);
const mainConnections = Number(process.env.BENCH_CONNECTIONS || 50);
const dbPrefix = process.env.BENCH_DB_PREFIX || "bazaar_bench_";
/** BENCH_ONLY=search: only the search rows (and no placeOrder), for iterating on search alone. */
const only = process.env.BENCH_ONLY;
const runs = (row: "search" | "list" | "other") => !only || only === row;
/**
 * BENCH_REDIS=1: the app runs with REDIS_URL as in production (its storefront cache behind
 * Redis), on a Redis database of the bench's own (index 10 unless BENCH_REDIS_DB says),
 * emptied before each size, so it touches no one's keys.
 */
const benchRedisUrl = (() => {
  if (process.env.BENCH_REDIS !== "1") return undefined;
  if (!process.env.REDIS_URL) throw new Error("BENCH_REDIS=1 needs REDIS_URL");
  const u = new URL(process.env.REDIS_URL);
  u.pathname = `/${process.env.BENCH_REDIS_DB || 10}`;
  return u.toString();
})();

type Info = {
  api: string;
  bare: string;
  accessToken: string;
  driver: string;
  poolSize: number;
  slugs: string[];
  categories: string[];
  words: string[];
};
type Row = {
  title: string;
  rps: number;
  p50: number;
  p99: number;
  /** CPU per request, µs: the API process (bare route included), and this database's backends. */
  apiUs: number;
  dbUs: number | null;
  bare?: number;
  /** The bare route's CPU per request (API + DB), µs. */
  bareCpu?: number;
  /** Which bare route `bare` is: "slug", "list page" or "search". */
  baseline?: string;
  /** req/s of the slug route, for a row whose own baseline is another. */
  slugBare?: number;
  goal?: string;
};

/**
 * CPU ticks of the PostgreSQL backends serving database `name` (Linux /proc; null where
 * it cannot be read, e.g. PGlite or a remote server). Other databases' backends (other
 * tests on the same server) are not counted, so the figure holds on a busy machine where
 * requests per second do not.
 */
function dbTicks(name: string | undefined): Map<number, number> | null {
  if (!name) return null;
  try {
    const ticks = new Map<number, number>();
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        if (!cmd.startsWith("postgres: ") || !cmd.includes(` ${name} `)) continue;
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
      } catch {
        // The process ended between listing and reading.
      }
    }
    return ticks;
  } catch {
    return null;
  }
}
const TICK_US = 10_000; // USER_HZ is 100 on Linux
function ticksBetween(a: Map<number, number> | null, b: Map<number, number> | null): number | null {
  if (!a || !b) return null;
  let sum = 0;
  for (const [pid, t] of b) sum += t - (a.get(pid) ?? 0);
  return sum * TICK_US;
}
let benchDbName: string | undefined;

async function databaseFor(size: number): Promise<string | undefined> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return undefined;
  const name = `${dbPrefix}${Math.round(size / 1000)}k`;
  const admin = await createDb({ url: adminUrl, poolSize: 1 });
  const exists = (await admin.db.execute(
    `select 1 from pg_database where datname = '${name}'`,
  )) as unknown as {
    rows: unknown[];
  };
  if (exists.rows.length === 0) await admin.db.execute(`create database ${name}`);
  await admin.close();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabaseFor(size: number) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl || process.env.BENCH_KEEP === "1") return;
  const admin = await createDb({ url: adminUrl, poolSize: 1 });
  await admin.db.execute(`drop database if exists ${dbPrefix}${Math.round(size / 1000)}k with (force)`);
  await admin.close();
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: "inherit", env });
    p.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; info: Info }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/serve-reads.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env,
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, info: JSON.parse(first) };
}

const trpc = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/**
 * Warm-up (2 s), then the measured run, each request's path from `next` (a counter that never
 * repeats within a run, so distinct-input workloads stay distinct through the warm-up too).
 */
async function measure(
  settle: string,
  title: string,
  url: string,
  next: () => string,
  opts: { connections?: number; headers?: Record<string, string> } = {},
): Promise<Row> {
  const base = {
    url,
    connections: opts.connections ?? mainConnections,
    headers: opts.headers,
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: next() }) }],
  };
  await autocannon({ ...base, duration: 2 });
  await fetch(settle);
  const cpu = async () =>
    ((await (await fetch(settle.replace(/\/settle$/, "/cpu"))).json()) as { us: number }).us;
  const api0 = await cpu();
  const db0 = dbTicks(benchDbName);
  const r = await autocannon({ ...base, duration });
  await fetch(settle);
  const apiUs = (await cpu()) - api0;
  const dbUs = ticksBetween(db0, dbTicks(benchDbName));
  if (r.non2xx > 0 || r.errors > r.timeouts)
    throw new Error(`${title}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  const n = Math.max(1, r.requests.total);
  return {
    title,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    apiUs: apiUs / n,
    dbUs: dbUs === null ? null : dbUs / n,
  };
}

const SORTS = ["price_asc", "price_desc", "newest", "rating", "best_selling", "relevance"] as const;

type ListInput = { category: string; sort: (typeof SORTS)[number]; limit: number; maxPrice?: number };

/** Request i of "list varied": template i mod 1,000; the price ceiling moves every 1,000. */
function listVaried(
  info: Info,
  path: (input: ListInput) => string = (x) => trpc("catalog.products.list", x),
) {
  let i = 0;
  const c = info.categories.length;
  return () => {
    const t = i % 1000;
    const pass = Math.floor(i++ / 1000);
    return path({
      category: info.categories[t % c]!,
      sort: SORTS[Math.floor(t / c) % SORTS.length]!,
      limit: 10 + (Math.floor(t / (c * SORTS.length)) % 40),
      maxPrice: 90_000_000 + pass,
    });
  };
}

/** The bare list route's path for a list input (no ceiling: one above every price). */
const bareList = (x: ListInput) =>
  `/bare-list?category=${encodeURIComponent(x.category)}&sort=${x.sort}&limit=${x.limit}&maxPrice=${x.maxPrice ?? 2 ** 31 - 1}`;

/** A misspelling a shopper might make: a letter doubled, dropped or two swapped. */
function typo(w: string, n: number): string {
  const at = 1 + (n % Math.max(1, w.length - 2));
  switch (n % 3) {
    case 0:
      return w.slice(0, at) + w[at] + w.slice(at);
    case 1:
      return w.slice(0, at) + w.slice(at + 1);
    default:
      return w.slice(0, at) + (w[at + 1] ?? "") + w[at] + w.slice(at + 2);
  }
}

/**
 * Search inputs, every one new: one or two title words, a third of them misspelt, and a
 * price ceiling never used before (a no-op filter that makes the cache key new even when
 * the text repeats), sorted by relevance.
 */
function searchNew(
  info: Info,
  start: number,
  path: (q: string, n: number) => string = (q, n) =>
    trpc("catalog.products.list", { q, limit: 20, maxPrice: 50_000_000 + n }),
) {
  let i = start;
  const w = info.words;
  return () => {
    const n = i++;
    const a = w[n % w.length]!;
    const b = w[Math.floor(n / 7) % w.length]!;
    return path(n % 3 === 0 ? `${a} ${b}` : n % 3 === 1 ? a : typo(a, Math.floor(n / 3)), n);
  };
}

/** The bare search route's path for a search's text (the price ceiling is the app's cache buster only). */
const bareSearch = (q: string) => `/bare-search?q=${encodeURIComponent(q)}&limit=20`;

function cycle<T>(items: T[], f: (x: T) => string) {
  let i = 0;
  return () => f(items[i++ % items.length]!);
}

const fmt = (r: Row) =>
  `${r.title.padEnd(44)} ${(r.baseline ?? "").padEnd(9)} ${(r.bare ? r.bare.toFixed(0) : "").padStart(7)} ${r.rps.toFixed(0).padStart(7)} ${(r.bare ? `${((r.rps / r.bare) * 100).toFixed(0)}%` : "").padStart(6)} ${(r.slugBare ? `${((r.rps / r.slugBare) * 100).toFixed(0)}%` : "").padStart(7)} ${String(r.p50).padStart(6)} ${String(r.p99).padStart(7)} ${r.apiUs.toFixed(0).padStart(8)} ${(r.dbUs === null ? "-" : r.dbUs.toFixed(0)).padStart(7)} ${(r.bareCpu ? `${((r.bareCpu / (r.apiUs + (r.dbUs ?? 0))) * 100).toFixed(0)}%` : "").padStart(8)}   ${r.goal ?? ""}`;

const dataDir = mkdtempSync(join(tmpdir(), "bazaar-bench-reads-"));
const sections: string[] = [];
let searchCounter = 0;
try {
  for (const [index, size] of sizes.entries()) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: join(dataDir, String(size)),
      DATABASE_URL: await databaseFor(size),
      RUN_JOBS_IN_PROCESS: "true",
      REDIS_URL: undefined,
      BENCH_REDIS_URL: benchRedisUrl,
    };
    benchDbName = env.DATABASE_URL ? new URL(env.DATABASE_URL).pathname.slice(1) : undefined;
    console.log(`\nseeding ${size.toLocaleString("en-IN")} products…`);
    await run(["src/cli/seed-catalog.ts", "--products", String(size), "--quiet"], env);
    if (benchRedisUrl) spawnSync("redis-cli", ["-u", benchRedisUrl, "flushdb"], { stdio: "ignore" });
    const { child, info } = await serve(env);
    try {
      const settle = `${info.bare}/settle`;
      const rows: Row[] = [];
      const m = (title: string, next: () => string, o?: Parameters<typeof measure>[4]) =>
        measure(settle, title, info.api, next, o).then((r) => {
          rows.push(r);
          process.stdout.write(`  ${title}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms\n`);
          return r;
        });
      const bareRow = await measure(
        settle,
        "bare: product by slug (one indexed query)",
        info.bare,
        cycle(info.slugs, (s) => `/bare/${s}`),
      );
      rows.push(bareRow);
      const bare = bareRow.rps;
      const bareCpu = bareRow.apiUs + (bareRow.dbUs ?? 0);
      const slugBaseline = { bare, bareCpu, baseline: "slug" };
      const first = index === 0 && runs("other");
      // Each list row against the bare list route fed the same inputs (see the header).
      const againstBareList = async (title: string, own: Row, bareNext: () => string) => {
        const b = await measure(settle, `bare: ${title}`, info.bare, bareNext);
        rows.splice(rows.indexOf(own), 0, b);
        Object.assign(own, {
          bare: b.rps,
          bareCpu: b.apiUs + (b.dbUs ?? 0),
          baseline: "list page",
          slugBare: bare,
          goal: "≥ 60%",
        });
      };
      if (index === 0 && (runs("other") || runs("list"))) {
        const hotInput: ListInput = { category: info.categories[0]!, sort: "price_asc", limit: 20 };
        const hot = trpc("catalog.products.list", hotInput);
        const hotPage = bareList(hotInput);
        await againstBareList(
          "list page, the hot input",
          await m("list hot (cache hit)", () => hot),
          () => hotPage,
        );
      }
      if (runs("other") || runs("list"))
        await againstBareList(
          "list page, the varied inputs",
          await m("list varied (page always a miss)", listVaried(info)),
          listVaried(info, bareList),
        );
      if (first) {
        Object.assign(
          await m(
            "detail over 1,000 slugs",
            cycle(info.slugs, (slug) => trpc("catalog.products.bySlug", { slug })),
          ),
          { ...slugBaseline, goal: "≥ 50%" },
        );
      }
      for (const c of runs("search") ? [10, 50] : []) {
        // The bare route first, fed the very texts the app is then sent.
        const b = await measure(
          settle,
          `bare: search page, the same texts, c=${c}`,
          info.bare,
          searchNew(info, searchCounter, bareSearch),
          { connections: c },
        );
        rows.push(b);
        const r = await m(`search, every query new, c=${c}`, searchNew(info, searchCounter), {
          connections: c,
        });
        searchCounter += 1_000_000;
        Object.assign(r, {
          bare: b.rps,
          bareCpu: b.apiUs + (b.dbUs ?? 0),
          baseline: "search",
          slugBare: bare,
          goal: "p99 < 50 ms",
        });
      }
      if (first) {
        Object.assign(
          await m("auth.me (bearer)", () => "/trpc/auth.me", {
            headers: { authorization: `Bearer ${info.accessToken}` },
          }),
          { ...slugBaseline, goal: "≥ 50%" },
        );
      }
      const mem = (await (await fetch(`${info.bare}/rss`)).json()) as { rss: number; rssAtStart: number };
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
      const lines = [
        `reads at ${size.toLocaleString("en-IN")} products — ${info.driver === "pglite" ? "PGlite" : `PostgreSQL, pool ${info.poolSize}`}${benchRedisUrl ? ", REDIS_URL set (BENCH_REDIS=1)" : ""}, c=${mainConnections} unless noted, ${duration} s each, node ${process.version}`,
        `${"workload".padEnd(44)} ${"baseline".padEnd(9)} ${"bare".padStart(7)} ${"req/s".padStart(7)} ${"ratio".padStart(6)} ${"vs slug".padStart(7)} ${"p50".padStart(6)} ${"p99 ms".padStart(7)} ${"API µs".padStart(8)} ${"DB µs".padStart(7)} ${"CPU ratio".padStart(8)}   goal`,
        ...rows.map(fmt),
        `memory of this bench's server (tsx, bare routes in it; the built server against the goals: bench/memory.ts): ${mb(mem.rssAtStart)} after start, ${mb(mem.rss)} after the load`,
      ];
      console.log(`\n${lines.join("\n")}\n`);
      sections.push(lines.join("\n"));
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
} finally {
  for (const size of sizes) await dropDatabaseFor(size);
  rmSync(dataDir, { recursive: true, force: true });
}
if (sections.length > 1) console.log(`\n${sections.join("\n\n")}\n`);

// ---- placeOrder ---------------------------------------------------------------------------
// Checkout's own bench (distinct and hot variants), in this run, after the reads.
if (process.env.BENCH_PLACE_ORDER !== "0" && runs("other")) {
  console.log("\nplaceOrder (bench/checkout.ts)");
  await run(["bench/checkout.ts"], process.env);
}
