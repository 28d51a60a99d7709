import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Deps,
  getAdminDashboard,
  getAdminHome,
  getAdminTopCategories,
  getAdminTopShops,
  getSellerDashboard,
  getSellerTopProducts,
  rebuildAnalytics,
} from "@bazaar/core";
import { createDb } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { dropDatabase, freshDatabaseUrl } from "./lib";
import { seedOrders } from "./seed-orders";

/**
 * `pnpm bench` (last): the seller and admin dashboards over a long order history. Seeds
 * BENCH_ORDER_LINES (1,000,000) order lines over two years with SQL, rebuilds the rollups from
 * the raw rows (timed), then calls every dashboard query BENCH_ITERATIONS (300) times, one at a
 * time, each with a different shop and end date (nothing is cached in the app; PostgreSQL's
 * buffer cache is warm), and prints p50/p99 beside a bare `select 1` through the same driver.
 * Target: every dashboard query p99 < 100 ms.
 *
 * With DATABASE_URL it works in a fresh database `bazaar_bench_analytics` (dropped at the end
 * unless BENCH_KEEP=1; BENCH_REUSE=1 measures again on a kept one); otherwise PGlite in a
 * temporary directory (slow to seed: lower the lines).
 */
const lines = Number(process.env.BENCH_ORDER_LINES || 1_000_000);
const iterations = Number(process.env.BENCH_ITERATIONS || 300);
const BENCH_DB = "bazaar_bench_analytics";
const DAYS = 730;

/** BENCH_REUSE=1: measure again on the database a BENCH_KEEP=1 run left (migrated, not re-seeded). */
const reuse = process.env.BENCH_REUSE === "1" && !!process.env.DATABASE_URL;
const keptUrl = () => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${BENCH_DB}`;
  return u.toString();
};
const url = reuse ? keptUrl() : await freshDatabaseUrl(BENCH_DB);
const dataDir = url ? null : mkdtempSync(join(tmpdir(), "bazaar-bench-analytics-"));
const seedHandle = await createDb(url ? { url, poolSize: 1, timeouts: { statementMs: 0 } } : { dataDir });
await seedHandle.migrate();

const t0 = Date.now();
const seeded = reuse
  ? (
      (await seedHandle.db.execute(
        sql`select (select count(*) from orders)::int as orders, (select count(*) from sub_orders)::int as "subOrders"`,
      )) as unknown as { rows: { orders: number; subOrders: number }[] }
    ).rows[0]!
  : await seedOrders(seedHandle.db, { lines, sellers: 500, customers: 100_000, days: DAYS });
const seedMs = Date.now() - t0;
const t1 = Date.now();
const rebuilt = reuse ? { lines: 0 } : await rebuildAnalytics(seedHandle.db);
const rebuildMs = Date.now() - t1;
await seedHandle.db.execute(sql`vacuum analyze`);
if (url) await seedHandle.close();

const handle = url ? await createDb({ url, poolSize: 4 }) : seedHandle;
const db = handle.db;
const deps = { db, now: () => new Date() } as unknown as Deps;
const admin = { userId: "00000000-0000-0000-0000-000000000001", role: "admin" as const, sessionId: "bench" };
const sellerIds = (
  (await db.execute(sql`select id from sellers order by id`)) as unknown as { rows: { id: string }[] }
).rows.map((r) => r.id);

const day = (offset: number) =>
  new Date(Date.now() + 330 * 60_000 - offset * 86_400_000).toISOString().slice(0, 10);
/** The i-th call's range: `days` long, ending on a different recent day each time. */
const range = (i: number, days: number) => ({ from: day((i % 30) + days - 1), to: day(i % 30) });
const seller = (i: number) => ({
  userId: admin.userId,
  role: "seller" as const,
  sessionId: "bench",
  sellerId: sellerIds[(i * 7) % sellerIds.length]!,
});

type Case = { title: string; call: (i: number) => Promise<unknown> };
const cases: Case[] = [
  { title: "baseline: select 1", call: () => db.execute(sql`select 1`) },
  {
    title: "seller dashboard 30 d by day",
    call: (i) => getSellerDashboard(deps, seller(i), { ...range(i, 30), granularity: "day" }),
  },
  {
    title: "seller dashboard 365 d by week",
    call: (i) => getSellerDashboard(deps, seller(i), { ...range(i, 365), granularity: "week" }),
  },
  {
    title: "seller dashboard 2 y by month",
    call: (i) => getSellerDashboard(deps, seller(i), { ...range(i, 731), granularity: "month" }),
  },
  {
    title: "seller top products 30 d",
    call: (i) => getSellerTopProducts(deps, seller(i), { ...range(i, 30), limit: 10 }),
  },
  {
    title: "seller top products 2 y",
    call: (i) => getSellerTopProducts(deps, seller(i), { ...range(i, 731), limit: 10 }),
  },
  {
    title: "admin dashboard 30 d by day",
    call: (i) => getAdminDashboard(deps, admin, { ...range(i, 30), granularity: "day" }),
  },
  {
    title: "admin dashboard 2 y by month",
    call: (i) => getAdminDashboard(deps, admin, { ...range(i, 731), granularity: "month" }),
  },
  {
    title: "admin top shops 30 d",
    call: (i) => getAdminTopShops(deps, admin, { ...range(i, 30), limit: 10 }),
  },
  {
    title: "admin top shops 2 y",
    call: (i) => getAdminTopShops(deps, admin, { ...range(i, 731), limit: 10 }),
  },
  {
    title: "admin top categories 30 d",
    call: (i) => getAdminTopCategories(deps, admin, { ...range(i, 30), limit: 10 }),
  },
  {
    title: "admin top categories 2 y",
    call: (i) => getAdminTopCategories(deps, admin, { ...range(i, 731), limit: 10 }),
  },
  { title: "admin home (today, 7 d, 30 d)", call: () => getAdminHome(deps, admin) },
];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const rows: { title: string; p50: number; p99: number; max: number }[] = [];
try {
  for (const c of cases) {
    for (let i = 0; i < 20; i++) await c.call(i + 1000); // warm-up: JIT, pool, plans
    const ms: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      await c.call(i);
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    rows.push({ title: c.title, p50: pct(ms, 50), p99: pct(ms, 99), max: ms[ms.length - 1]! });
  }
  const where = url ? "PostgreSQL" : "PGlite";
  console.log(
    `\nanalytics dashboards — ${where}, ${lines.toLocaleString("en-IN")} order lines (${seeded.subOrders.toLocaleString("en-IN")} sub-orders, ${seeded.orders.toLocaleString("en-IN")} orders, 500 shops, ${DAYS} days), ${iterations} calls each, one at a time, node ${process.version}`,
  );
  if (!reuse)
    console.log(
      `seeded in ${(seedMs / 1000).toFixed(1)} s; rollups rebuilt from raw rows in ${(rebuildMs / 1000).toFixed(1)} s (${rebuilt.lines.toLocaleString("en-IN")} lines)`,
    );
  console.log(
    `${"query".padEnd(32)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)}`,
  );
  for (const r of rows)
    console.log(
      `${r.title.padEnd(32)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)}`,
    );
  const worst = rows.slice(1).reduce((a, b) => (b.p99 > a.p99 ? b : a));
  console.log(
    `target: every dashboard query p99 < 100 ms — worst ${worst.title} ${worst.p99.toFixed(1)} ms: ${worst.p99 < 100 ? "met" : "MISSED"}`,
  );
} finally {
  await handle.close();
  if (!reuse) await dropDatabase(BENCH_DB);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
