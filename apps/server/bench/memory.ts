import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { RUNTIME_ENV, SERVER_FLAGS } from "../../../scripts/node-flags.mjs";
import { DEMO_PASSWORD } from "../src/seed";
import { dropDatabase, freshDatabaseUrl } from "./lib";

/**
 * `pnpm bench`: the memory and start time of the API users run (#14) — the BUILT server
 * (`node <SERVER_FLAGS> dist/main.js` with RUNTIME_ENV, both from scripts/node-flags.mjs, as
 * `npm start` launches it), with SEED_DEMO=true on a new database and LOG_LEVEL=warn, in up
 * to three configurations: PostgreSQL with Redis (when REDIS_URL is set; a Redis database of
 * the bench's own, index 11 unless BENCH_REDIS_DB says, emptied before and after; jobs go to
 * BullMQ as under `npm start`, whose worker is not started here), PostgreSQL without Redis
 * (when DATABASE_URL is set; a new `bazaar_bench_memory` database each time), and the
 * embedded default (PGlite, DATABASE_URL unset, a temporary DATA_DIR). For each:
 *
 *   first start   spawn to the first 200 from /readyz, demo data seeded (by a child process,
 *                 whose memory is not the API's); RSS at ready and 3 s later
 *   warm start    stopped and started again on the same data: the same figures
 *   load          five phases at c=20 (BENCH_SECONDS, 5 s each, no warm-up): list hot (three
 *                 inputs), list varied, detail over every demo slug, search with every query
 *                 new, auth.me with a bearer token; req/s, p99 and RSS after each, and the
 *                 peak RSS sampled every 100 ms during the load
 *
 * RSS is the API process's own, read from /proc/<pid>/status (Linux only). The goals of #14
 * are printed beside the figures: RSS < 150 MB on PostgreSQL and < 300 MB embedded, after
 * start and under load; ready in < 2 s warm; first start with demo seeding < 15 s.
 *
 * bench/reads.ts prints the RSS of its own bench server (tsx, bare routes inside, no demo
 * data): a figure for comparing its runs, not the one users see; this bench's is.
 *
 * The server is built first (`pnpm run build`) when dist/main.js is missing or older than any
 * of its sources (the inputs scripts/run.mjs hashes; a modification time, not a hash, so a
 * touched file rebuilds too: a needless build costs ~15 s, a stale one a wrong figure), or
 * always with BENCH_BUILD=1. Alone: `pnpm --filter @bazaar/server bench:memory`. Knobs:
 * BENCH_MEMORY_CONFIGS (`pg-redis,pg,embedded`), BENCH_MEMORY_CONNECTIONS (20), BENCH_SECONDS
 * (5), BENCH_KEEP=1 (keeps the database). Servers run in process groups of their own, killed
 * whole (the first start's seeding child too) when the bench fails or is interrupted.
 */
if (process.platform !== "linux") {
  console.log("bench/memory.ts reads RSS from /proc and runs on Linux only; skipped");
  process.exit(0);
}

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(serverDir, "../..");
const seconds = Number(process.env.BENCH_SECONDS || 5);
const connections = Number(process.env.BENCH_MEMORY_CONNECTIONS || 20);
const BENCH_DB = "bazaar_bench_memory";
const GOAL = { pgMb: 150, embeddedMb: 300, warmS: 2, firstS: 15 };

type ConfigName = "pg-redis" | "pg" | "embedded";
type Config = { name: ConfigName; title: string; goalMb: number };
const wanted = new Set((process.env.BENCH_MEMORY_CONFIGS || "pg-redis,pg,embedded").split(","));
const configs: Config[] = [
  ...(process.env.DATABASE_URL && process.env.REDIS_URL
    ? [{ name: "pg-redis" as const, title: "PostgreSQL + Redis", goalMb: GOAL.pgMb }]
    : []),
  ...(process.env.DATABASE_URL ? [{ name: "pg" as const, title: "PostgreSQL", goalMb: GOAL.pgMb }] : []),
  { name: "embedded" as const, title: "embedded (PGlite)", goalMb: GOAL.embeddedMb },
].filter((c) => wanted.has(c.name));

const redisUrl = (() => {
  if (!process.env.REDIS_URL) return undefined;
  const u = new URL(process.env.REDIS_URL);
  u.pathname = `/${process.env.BENCH_REDIS_DB || 11}`;
  return u.toString();
})();
const flushRedis = () => {
  if (redisUrl) spawnSync("redis-cli", ["-u", redisUrl, "flushdb"], { stdio: "ignore" });
};

// ---- cleanup, on failure and on Ctrl-C too -------------------------------------------------
const servers = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let databaseMade = false;
/** The server and whatever it started (a seeding child): its own process group, by its id. */
const killGroup = (c: ChildProcess) => {
  try {
    process.kill(-c.pid!, "SIGKILL");
  } catch {
    // Gone already.
  }
};
process.on("exit", () => {
  for (const c of servers) killGroup(c);
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, async () => {
    for (const c of servers) killGroup(c);
    if (databaseMade) await dropDatabase(BENCH_DB).catch(() => {});
    flushRedis();
    process.exit(130);
  });

// ---- build -------------------------------------------------------------------------------
const BUILD_INPUTS = [
  "apps/server/src",
  "apps/server/package.json",
  ...["api", "core", "db", "jobs", "schemas"].map((p) => `packages/${p}`),
  "scripts/bundle.mjs",
];
const SKIP = new Set(["node_modules", "dist", ".turbo", ".data", "coverage", ".tmp"]);
/** The newest modification time under `path`, directories included (a deleted file changes its folder's). */
function newest(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  let t = st.mtimeMs;
  if (st.isDirectory())
    for (const name of readdirSync(path)) if (!SKIP.has(name)) t = Math.max(t, newest(join(path, name)));
  return t;
}
function buildIfStale() {
  const dist = join(serverDir, "dist/main.js");
  const built = statSync(dist, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...BUILD_INPUTS.map((p) => newest(join(root, p))));
  if (process.env.BENCH_BUILD !== "1" && built > sources) {
    console.log("dist/main.js is newer than its sources: not rebuilt (BENCH_BUILD=1 forces a build)");
    return;
  }
  console.log(built ? "sources changed since dist/main.js was built: building…" : "building the server…");
  const r = spawnSync("pnpm", ["run", "build"], { cwd: serverDir, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`the server's build failed (exit ${r.status ?? r.signal})`);
}

/** `pnpm start` spells the flags out (package.json cannot import them): say when they drift. */
function checkStartScript() {
  const pkg = JSON.parse(readFileSync(join(serverDir, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const missing = SERVER_FLAGS.filter((f) => !pkg.scripts.start.split(/\s+/).includes(f));
  if (missing.length > 0)
    console.log(
      `warning: apps/server's "start" script lacks ${missing.join(" ")} (scripts/node-flags.mjs); this bench measures npm start's flags`,
    );
}

// ---- the server ----------------------------------------------------------------------------
type Server = { child: ChildProcess; pid: number; api: string; readyS: number; output: () => string };

/** A port free right now: a child server cannot be given port 0 and tell us which it took. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

async function start(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_FLAGS, join(serverDir, "dist/main.js")], {
    cwd: serverDir,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  servers.add(child);
  child.once("exit", () => servers.delete(child));
  let out = "";
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  for (;;) {
    if (exited(child)) {
      killGroup(child);
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out}`,
      );
    }
    const ready = await fetch(`${api}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (performance.now() - started > 180_000) {
      killGroup(child);
      throw new Error(`the server was not ready after 180 s:\n${out}`);
    }
    await sleep(50);
  }
  return { child, pid: child.pid!, api, readyS: (performance.now() - started) / 1000, output: () => out };
}

/** SIGTERM as in production (drains requests and jobs), SIGKILL if it takes over 20 s. */
async function stop(s: Server) {
  if (exited(s.child)) return;
  const gone = new Promise((r) => s.child.once("exit", r));
  s.child.kill("SIGTERM");
  const timer = setTimeout(() => killGroup(s.child), 20_000);
  await gone;
  clearTimeout(timer);
}

/** The process's resident memory now and its high-water mark, in MB, from /proc (Linux). */
function memory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const mb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
  return { rss: mb("VmRSS"), hwm: mb("VmHWM") };
}

// ---- the load --------------------------------------------------------------------------------
const trpc = (path: string, input?: unknown) =>
  `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;
async function get<T>(api: string, path: string): Promise<T> {
  const r = await fetch(api + path);
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { result: { data: { json: T } } }).result.data.json;
}

type CategoryNode = { slug: string; children?: CategoryNode[] };
/** What the phases ask for: the demo catalogue's categories, slugs and title words, and a token. */
async function inputs(api: string) {
  const categories: string[] = [];
  const walk = (nodes: CategoryNode[]) => {
    for (const n of nodes) {
      categories.push(n.slug);
      if (n.children) walk(n.children);
    }
  };
  walk(await get<CategoryNode[]>(api, trpc("catalog.categories")));
  const slugs: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const r = await get<{ items: { slug: string }[]; nextCursor?: string | null }>(
      api,
      trpc("catalog.products.list", { limit: 60, sort: "newest", ...(cursor && { cursor }) }),
    );
    slugs.push(...r.items.map((i) => i.slug));
    cursor = r.nextCursor ?? undefined;
    if (!cursor) break;
  }
  const words = [
    ...new Set(slugs.flatMap((s) => s.split("-").filter((w) => w.length >= 4 && !/\d/.test(w)))),
  ];
  const login = await fetch(`${api}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email: "customer1@bazaar.local", password: DEMO_PASSWORD } }),
  });
  const token = ((await login.json()) as { result?: { data?: { json?: { accessToken?: string } } } }).result
    ?.data?.json?.accessToken;
  if (!token) throw new Error("could not sign in as customer1@bazaar.local: is the demo data seeded?");
  if (categories.length === 0 || slugs.length === 0 || words.length === 0)
    throw new Error(`the demo catalogue looks empty: ${categories.length} categories, ${slugs.length} slugs`);
  return { categories, slugs, words, token };
}

const SORTS = ["relevance", "newest", "price_asc", "price_desc", "rating", "best_selling"];
type Phase = { title: string; next: () => string; headers?: Record<string, string> };
function phases(x: Awaited<ReturnType<typeof inputs>>): Phase[] {
  let n = 0;
  const hot = [
    trpc("catalog.products.list", {}),
    trpc("catalog.products.list", { q: "cotton" }),
    trpc("catalog.categories"),
  ];
  return [
    { title: "list hot (3 inputs)", next: () => hot[n++ % 3]! },
    {
      // Every request a new input: category × sort × page size, and a price ceiling never used before.
      title: "list varied",
      next: () => {
        const i = n++;
        const c = x.categories.length;
        return trpc("catalog.products.list", {
          category: x.categories[i % c],
          sort: SORTS[Math.floor(i / c) % SORTS.length],
          limit: 10 + (i % 50),
          maxPrice: 90_000_000 + i,
        });
      },
    },
    {
      title: "detail over all slugs",
      next: () => trpc("catalog.products.bySlug", { slug: x.slugs[n++ % x.slugs.length] }),
    },
    {
      title: "search every query new",
      next: () => {
        const i = n++;
        const a = x.words[i % x.words.length];
        const b = x.words[Math.floor(i / 7) % x.words.length];
        return trpc("catalog.products.list", {
          q: i % 2 ? `${a} ${b}` : a,
          limit: 20,
          maxPrice: 50_000_000 + i,
        });
      },
    },
    { title: "auth.me", next: () => "/trpc/auth.me", headers: { authorization: `Bearer ${x.token}` } },
  ];
}

// ---- one configuration ------------------------------------------------------------------------
type Result = {
  config: Config;
  first?: { readyS: number; rss: number; settled: number };
  warm?: { readyS: number; rss: number; settled: number };
  peak?: number;
  hwm?: number;
  failed?: string;
};
const mb = (n: number) => `${n.toFixed(0)} MB`;

async function envFor(config: Config, dataDir: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...RUNTIME_ENV,
    SEED_DEMO: "true",
    LOG_LEVEL: "warn",
    DATA_DIR: dataDir,
  };
  // As `npm start` runs it: development unless the operator says otherwise, jobs as configured.
  for (const k of ["NODE_ENV", "RUN_JOBS_IN_PROCESS", "DATABASE_URL", "REDIS_URL", "PORT", "HOST"])
    delete env[k];
  if (config.name !== "embedded") {
    env.DATABASE_URL = await freshDatabaseUrl(BENCH_DB);
    databaseMade = true;
  }
  if (config.name === "pg-redis") {
    env.REDIS_URL = redisUrl;
    flushRedis();
  }
  return env;
}

async function measureConfig(config: Config): Promise<Result> {
  const result: Result = { config };
  const dataDir = mkdtempSync(join(tmpdir(), "bazaar-bench-memory-"));
  tempDirs.add(dataDir);
  let server: Server | undefined;
  try {
    console.log(`\n${config.title}`);
    const env = await envFor(config, dataDir);
    for (const kind of ["first", "warm"] as const) {
      server = await start(env);
      const rss = memory(server.pid).rss;
      await sleep(3000);
      const settled = memory(server.pid).rss;
      result[kind] = { readyS: server.readyS, rss, settled };
      console.log(
        `  ${kind === "first" ? "first start (demo seeding)" : "warm start"} ready in ${server.readyS.toFixed(1)} s; RSS ${mb(rss)} at ready, ${mb(settled)} 3 s later`,
      );
      if (kind === "first") {
        await stop(server);
        server = undefined;
      }
    }
    const s = server!;
    const x = await inputs(s.api);
    console.log(
      `  load: ${x.categories.length} categories, ${x.slugs.length} slugs, ${x.words.length} title words; c=${connections}, ${seconds} s a phase`,
    );
    let peak = memory(s.pid).rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memory(s.pid).rss);
    }, 100);
    try {
      for (const p of phases(x)) {
        const r = await autocannon({
          url: s.api,
          connections,
          duration: seconds,
          ...(p.headers && { headers: p.headers }),
          requests: [{ setupRequest: (req) => ({ ...req, path: p.next() }) }],
        });
        const bad = r.non2xx + r.errors;
        console.log(
          `  ${p.title.padEnd(24)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p99 ${String(r.latency.p99).padStart(4)} ms  RSS ${mb(memory(s.pid).rss).padStart(6)}${bad ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : ""}`,
        );
        if (bad)
          throw new Error(
            `${p.title}: ${r.non2xx} non-2xx, ${r.errors} errors; the figures would not be the app's`,
          );
      }
    } finally {
      clearInterval(sampler);
    }
    result.peak = Math.max(peak, memory(s.pid).rss);
    await sleep(2000);
    const after = memory(s.pid);
    result.hwm = after.hwm;
    console.log(
      `  peak RSS under load ${mb(result.peak)}; 2 s after the load ${mb(after.rss)}; high-water mark since start ${mb(after.hwm)}`,
    );
  } catch (error) {
    result.failed = error instanceof Error ? error.message : String(error);
    console.log(`  FAILED: ${result.failed}`);
    if (server) console.log(`  server output (tail):\n${server.output()}`);
  } finally {
    if (server) await stop(server);
    if (config.name !== "embedded") await dropDatabase(BENCH_DB).catch(() => {});
    if (config.name === "pg-redis") flushRedis();
    rmSync(dataDir, { recursive: true, force: true });
    tempDirs.delete(dataDir);
  }
  return result;
}

// ---- run -------------------------------------------------------------------------------------------
checkStartScript();
buildIfStale();
const results: Result[] = [];
for (const config of configs) results.push(await measureConfig(config));

const secs = (s: number | undefined) => (s === undefined ? "-" : `${s.toFixed(1)} s`);
const mbs = (n: number | undefined) => (n === undefined ? "-" : mb(n));
const header = `${"configuration".padEnd(20)} ${"first ready".padStart(11)} ${"RSS first (ready/+3 s)".padStart(22)} ${"warm ready".padStart(10)} ${"RSS warm (ready/+3 s)".padStart(21)} ${"peak load".padStart(9)} ${"RSS goal".padStart(8)}   goals missed`;
const row = (r: Result) => {
  const missed: string[] = [];
  const top = Math.max(
    r.first?.rss ?? 0,
    r.first?.settled ?? 0,
    r.warm?.rss ?? 0,
    r.warm?.settled ?? 0,
    r.peak ?? 0,
  );
  if (top >= r.config.goalMb) missed.push(`RSS ${mb(top)}`);
  if (r.first && r.first.readyS >= GOAL.firstS) missed.push("first start");
  if (r.warm && r.warm.readyS >= GOAL.warmS) missed.push("warm start");
  const pair = (x: Result["first"]) => (x ? `${x.rss.toFixed(0)} / ${x.settled.toFixed(0)} MB` : "-");
  return `${r.config.title.padEnd(20)} ${secs(r.first?.readyS).padStart(11)} ${pair(r.first).padStart(22)} ${secs(r.warm?.readyS).padStart(10)} ${pair(r.warm).padStart(21)} ${mbs(r.peak).padStart(9)} ${`< ${r.config.goalMb}`.padStart(8)}   ${r.failed ? "FAILED (see above)" : missed.join(", ") || "none"}`;
};
console.log(
  `\nmemory and start of the built API (node ${SERVER_FLAGS.join(" ")} dist/main.js, ${Object.entries(
    RUNTIME_ENV,
  )
    .map(([k, v]) => `${k}=${v}`)
    .join(
      " ",
    )}), demo data, LOG_LEVEL=warn, load c=${connections} ${seconds} s × 5 phases, node ${process.version}`,
);
console.log(
  `goals (#14): RSS as in the column, after start and under load; first start with demo seeding < ${GOAL.firstS} s; warm start < ${GOAL.warmS} s`,
);
console.log(header);
for (const r of results) console.log(row(r));
if (results.some((r) => r.failed)) process.exit(1);
