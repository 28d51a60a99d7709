import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { connections, dropDatabase, freshDatabaseUrl, type Row, startServer } from "./lib";

/**
 * `pnpm bench`: checkout on the real app, every request a different customer placing a ready
 * three-line, two-shop cart by cash on delivery (one transaction: re-price, take stock, write
 * the order, empty the cart).
 * (0) bare, the floor (PostgreSQL only): as many carts as (1), of the same shape, ordered
 *     through a bare route in the same process over the same pool (serve-checkout.ts
 *     `/bare-order`): one transaction of five round trips that takes the stock and writes
 *     the order, its parts and items, and nothing else an order does here;
 * (1) distinct variants: no two orders share a variant or a product, so no row lock is
 *     contended and the figure is the cost of an order itself;
 * (2) hot variants: every cart is three of six variants, overlapping, so orders queue on
 *     each other's stock rows;
 * (3) the race: BENCH_RACERS customers (200) at the same instant for a variant with 10 left;
 *     exactly 10 must win and every other hear `checkout.out_of_stock`.
 * For (0), (1) and (2) it prints, side by side in one table, orders/s, p50/p99, SQL statements per
 * request (authentication included) and the CPU each order cost the API process and
 * PostgreSQL's backends. On a shared machine the throughput follows the load (printed with
 * the heading); the statements and CPU per order are the figures to compare between runs.
 * They include each order's share of the dashboards' fold (run on the worker's schedule during
 * the run, and once more at its end for the last orders), which checkout leaves to a job.
 *
 * Before measuring, the server places `BENCH_HISTORY` orders (500) and analyzes the tables, so
 * the run starts from a store with history and statistics, not the bare demo.
 *
 * With REDIS_URL the server runs as in production: jobs go to BullMQ (a Redis database of the
 * bench's own, emptied before and after; no worker runs, so no email is rendered anywhere
 * during the run). Without it, jobs run in the API process as on the embedded default.
 */
type Buyer = { token: string; addressId: string };
type Info = {
  api: string;
  stats: string;
  distinct: Buyer[];
  /** The bare order route and its own buyers (PostgreSQL only; null on PGlite). */
  bare: { url: string; buyers: { userId: string; addressId: string }[] } | null;
  hot: Buyer[];
  race: Buyer[];
  driver: string;
  jobs: string;
};
type Stats = { statements: number; cpu: { user: number; system: number } };
const distinct = Number(process.env.BENCH_ORDERS || 1500);
const hot = Number(process.env.BENCH_HOT_ORDERS || 1000);
const racers = Number(process.env.BENCH_RACERS || 200);
const BENCH_DB = "bazaar_bench_checkout";
const redisUrl = process.env.REDIS_URL ? benchRedis(process.env.REDIS_URL) : undefined;

console.log(`preparing ${distinct} distinct-variant carts, ${hot} hot-variant carts and ${racers} racers…`);
const databaseUrl = await freshDatabaseUrl(BENCH_DB);
flushRedis();
const { child, info } = await startServer<Info>("bench/serve-checkout.ts", {
  ...process.env,
  DATABASE_URL: databaseUrl,
  ...(redisUrl ? { REDIS_URL: redisUrl, RUN_JOBS_IN_PROCESS: "false" } : { RUN_JOBS_IN_PROCESS: "true" }),
  BENCH_DISTINCT: String(distinct),
  BENCH_HOT: String(hot),
  BENCH_RACERS: String(racers),
});

const place = (b: Buyer, key: string) => ({
  method: "POST" as const,
  path: "/trpc/checkout.placeOrder",
  headers: { authorization: `Bearer ${b.token}`, "content-type": "application/json" },
  body: JSON.stringify({ json: { addressId: b.addressId, paymentMethod: "cod", idempotencyKey: key } }),
});

const stats = async (method = "GET"): Promise<Stats> =>
  (await fetch(info.stats, { method })).json() as Promise<Stats>;

type Request = { method: "POST"; path: string; headers: Record<string, string>; body: string };

/** Places one order for each buyer, `connections` at a time; every request must succeed. */
async function run(title: string, buyers: Buyer[]) {
  return load(title, info.api, buyers.length, (i) =>
    place(buyers[i]!, `bench-${title.replace(/\W+/g, "-")}-${i}`),
  );
}

/** `amount` requests to `url`, `connections` at a time, request i from `request(i)`. */
async function load(title: string, url: string, amount: number, request: (i: number) => Request) {
  const admin = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
  // Dropped with the bench database in `finally` if the run fails: that must not hide the failure.
  admin?.on("error", () => {});
  await admin?.connect();
  const pgBefore = admin ? await backendCpu(admin) : null;
  const before = await stats();
  let next = 0;
  const failures: string[] = [];
  // autocannon notices that `amount` is reached only on its once-a-second tick, so its
  // duration is whole seconds plus the tail: the rate is timed here to the last answer.
  const started = performance.now();
  let lastAnswer = started;
  const r = await autocannon({
    url,
    connections,
    amount,
    requests: [
      {
        setupRequest: (req) => ({ ...req, ...request(next++) }),
        onResponse: (status, body) => {
          lastAnswer = performance.now();
          if (status !== 200) failures.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  // The run's last orders are added to the dashboards' rollups before CPU is read, as the
  // worker's next fold would add them: what an order costs includes its share of the folds.
  const after = await stats("POST");
  const pgAfter = admin ? await backendCpu(admin) : null;
  await admin?.end();
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${title}: ${r.non2xx} non-2xx, ${r.errors} errors; first: ${failures[0] ?? "none"}`);
  const n = r.requests.total;
  const row: Row = {
    title,
    rps: n / ((lastAnswer - started) / 1000 || 1),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    total: n,
  };
  const apiMs = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000 / n;
  const pgMs = pgBefore && pgAfter ? cpuDelta(pgBefore, pgAfter) / n : null;
  const statementsPer = (after.statements - before.statements) / n;
  return { row, statementsPer, apiMs, pgMs };
}

try {
  const results = [];
  const bare = info.bare;
  if (bare?.buyers.length)
    results.push(
      await load("bare: least an order does", bare.url, bare.buyers.length, (i) => ({
        method: "POST",
        path: "/bare-order",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(bare.buyers[i]),
      })),
    );
  if (info.distinct.length) results.push(await run("distinct variants", info.distinct));
  if (info.hot.length) results.push(await run("hot variants (6)", info.hot));
  // One table, the two workloads side by side: speed, then what each order cost.
  console.log(
    `\ncheckout.placeOrder — ${info.driver}, ${connections} connections, 3 lines from 2 sellers, jobs ${info.jobs}, node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    "workload                  orders/s  p50 ms  p99 ms  orders  statements/order  API CPU ms/order  PG CPU ms/order",
  );
  for (const { row, statementsPer, apiMs, pgMs } of results)
    console.log(
      `${row.title.padEnd(25)} ${row.rps.toFixed(0).padStart(8)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${String(row.total).padStart(7)} ${statementsPer.toFixed(1).padStart(17)} ${apiMs.toFixed(1).padStart(17)} ${(pgMs === null ? "n/a" : pgMs.toFixed(1)).padStart(16)}`,
    );

  // The race: all at once, one connection each.
  if (info.race.length) {
    const started = performance.now();
    const answers = await Promise.all(
      info.race.map(async (b, i) => {
        const req = place(b, `bench-race-${i}`);
        const res = await fetch(`${info.api}${req.path}`, {
          method: "POST",
          headers: req.headers,
          body: req.body,
        });
        const body = (await res.json()) as { error?: { json?: { data?: { reason?: string } } } };
        return res.ok ? "won" : (body.error?.json?.data?.reason ?? `http ${res.status}`);
      }),
    );
    const ms = performance.now() - started;
    const tally: Record<string, number> = {};
    for (const a of answers) tally[a] = (tally[a] ?? 0) + 1;
    console.log(`\nrace: ${racers} buyers, 10 units → ${JSON.stringify(tally)} in ${ms.toFixed(0)} ms`);
    if (tally.won !== 10 || tally["checkout.out_of_stock"] !== racers - 10)
      throw new Error("the race oversold or lost a sale");
    console.log("race: exactly 10 sold, every other buyer told out_of_stock\n");
  }
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await dropDatabase(BENCH_DB);
  flushRedis();
}

/** The bench's own Redis database (index 9 unless BENCH_REDIS_DB says), so its queues touch no one's. */
function benchRedis(url: string): string {
  const u = new URL(url);
  u.pathname = `/${process.env.BENCH_REDIS_DB || 9}`;
  return u.toString();
}

function flushRedis() {
  if (redisUrl) spawnSync("redis-cli", ["-u", redisUrl, "flushdb"], { stdio: "ignore" });
}

/** CPU ticks (1/100 s) used so far by each PostgreSQL backend serving the bench database. */
async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // Another machine's server, or the backend just ended: not counted.
    }
  }
  return ticks;
}

/** Milliseconds of backend CPU between two readings (a backend that started meanwhile counts from 0). */
function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks * 10;
}
