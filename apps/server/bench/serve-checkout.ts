import { mkdtempSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createVerifiedUser,
  foldPendingSales,
  loadConfig,
  placeOrder,
  setCheckoutSettings,
} from "@bazaar/core";
// Signs in as a person would, answering a second factor if the account has one.
import { signInForTest as login } from "@bazaar/core/testing";
import Fastify from "fastify";
import { createServer, seedDemo } from "../src/index";
import { profileIfAsked } from "./lib";

/**
 * Child process of the checkout benchmark: the real app over the demo shops, with three
 * groups of signed-in customers, each holding an address and a ready cart of three lines
 * from two shops, written straight into the tables (the cart's own code is not what is
 * measured here):
 * - `BENCH_DISTINCT` customers whose carts share no variant and no product with anyone's,
 *   so nothing but the order's own cost is measured (no row lock is contended);
 * - `BENCH_HOT` customers whose carts are three of six hot variants, overlapping in every
 *   order, so every order queues on others' stock rows;
 * - `BENCH_RACERS` customers who each want the one variant with 10 left.
 * Prints one JSON line with tokens and address ids, and a side URL answering this process's
 * CPU time and the count of SQL statements sent so far.
 */
const distinct = Number(process.env.BENCH_DISTINCT || 0);
const hot = Number(process.env.BENCH_HOT || 0);
const racers = Number(process.env.BENCH_RACERS || 0);
const config = loadConfig({
  ...process.env,
  // Not "production": that refuses the offline dev payment gateway, and nothing else here differs.
  NODE_ENV: "test",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
  DATA_DIR: mkdtempSync(join(tmpdir(), "bazaar-bench-")),
  LOG_LEVEL: "silent",
  BCRYPT_COST: "4",
  SEED_DEMO: "false",
});
const server = await createServer(config);
const { deps } = server.runtime;
await seedDemo(deps);

type Rows<T> = { rows: T[] };
const rows = async <T>(q: string) => ((await deps.db.execute(q)) as unknown as Rows<T>).rows;

const [admin] = await rows<{ id: string }>("select id from users where role = 'admin' limit 1");
// Carts in the bench may be large; the platform's limits must not be what is measured.
await setCheckoutSettings(
  deps,
  { userId: admin!.id, role: "admin", sessionId: "bench" },
  { maxQtyPerLine: 1000, maxUnitsPerOrder: 10_000 },
);

/** `n` new approved products of one variant each, copies of an approved product of the shop. */
async function newVariants(shopSlug: string, n: number, stock: number, tag: string): Promise<string[]> {
  if (n === 0) return [];
  const made = await rows<{ id: string }>(`
    with src as (
      select p.* from products p join sellers s on s.id = p.seller_id
      where s.slug = '${shopSlug}' and p.status = 'approved' order by p.slug limit 1
    ),
    ins as (
      insert into products (seller_id, slug, status, title, description, category_id, hsn_code, gst_rate_bps,
        min_price, max_price, total_stock, approved_at)
      select src.seller_id, src.slug || '-${tag}-' || g, 'approved', src.title || ' ${tag} ' || g, src.description,
        src.category_id, src.hsn_code, src.gst_rate_bps, 50000, 50000, ${stock}, now()
      from src, generate_series(1, ${n}) g
      returning id, seller_id, slug
    )
    insert into product_variants (product_id, seller_id, sku, price, stock)
    select id, seller_id, upper(slug), 50000, ${stock} from ins
    returning id`);
  return made.map((r) => r.id);
}

/** `n` customers with a token, an address and a cart holding `lines(i)` (one unit each). */
async function shoppers(n: number, tag: string, lines: (i: number) => string[]) {
  if (n === 0) return [];
  const first = await createVerifiedUser(deps, {
    email: `bench-${tag}-0@example.com`,
    name: "Bench Buyer",
    password: "bench-pass-1",
    role: "customer",
  });
  // One hash for all: the bench measures checkout, not bcrypt.
  await deps.db.execute(`
    insert into users (email, name, password_hash, role, status, email_verified_at)
    select 'bench-${tag}-' || g || '@example.com', 'Bench Buyer', u.password_hash, 'customer', 'active', now()
    from users u, generate_series(1, ${n - 1}) g where u.id = '${first.id}'`);
  const people = await rows<{ id: string; email: string }>(
    `select id, email from users where email like 'bench-${tag}-%' order by email`,
  );
  await deps.db.execute(`
    insert into addresses (user_id, name, phone, line1, city, state, pincode, is_default)
    select id, 'Bench Buyer', '9876543210', '1 MG Road', 'Pune', 'Maharashtra', '411001', true
    from users where email like 'bench-${tag}-%'`);
  await deps.db.execute(`insert into carts (user_id) select id from users where email like 'bench-${tag}-%'`);
  const items = people.flatMap((p, i) => lines(i).map((v, j) => ({ user: p.id, variant: v, j })));
  for (let k = 0; k < items.length; k += 5000) {
    const chunk = JSON.stringify(items.slice(k, k + 5000));
    await deps.db.execute(`
      insert into cart_items (cart_id, variant_id, qty, seen_unit_price, created_at)
      select c.id, x.variant, 1, v.price, now() + x.j * interval '1 ms'
      from jsonb_to_recordset('${chunk}'::jsonb) as x("user" uuid, variant uuid, j int)
      join carts c on c.user_id = x."user" join product_variants v on v.id = x.variant`);
  }
  const addresses = new Map(
    (
      await rows<{ user_id: string; id: string }>(
        `select a.user_id, a.id from addresses a join users u on u.id = a.user_id where u.email like 'bench-${tag}-%'`,
      )
    ).map((a) => [a.user_id, a.id]),
  );
  const out: { token: string; addressId: string; userId: string }[] = [];
  for (const p of people) {
    const { accessToken } = await login(
      deps,
      { ip: null, userAgent: null },
      { email: p.email, password: "bench-pass-1" },
    );
    out.push({ token: accessToken, addressId: addresses.get(p.id)!, userId: p.id });
  }
  return out;
}

const SHOP_A = "ravi-textiles";
const SHOP_B = "meera-handicrafts";
// Distinct: every order three products of its own (two from one shop, one from the other).
const dA = await newVariants(SHOP_A, distinct * 2, 1_000, "d");
const dB = await newVariants(SHOP_B, distinct, 1_000, "d");
const distinctBuyers = await shoppers(distinct, "d", (i) => [dA[2 * i]!, dA[2 * i + 1]!, dB[i]!]);
// Bare: as many carts again, of the same shape and variants of their own, for the bare route.
const bareCount = server.runtime.db.driver === "pglite" ? 0 : distinct;
const bA = await newVariants(SHOP_A, bareCount * 2, 1_000, "b");
const bB = await newVariants(SHOP_B, bareCount, 1_000, "b");
const bareBuyers = await shoppers(bareCount, "b", (i) => [bA[2 * i]!, bA[2 * i + 1]!, bB[i]!]);
// Hot: six variants (three per shop) with stock to spare; each cart three of them.
const hA = await newVariants(SHOP_A, hot ? 3 : 0, 100_000_000, "h");
const hB = await newVariants(SHOP_B, hot ? 3 : 0, 100_000_000, "h");
const hotSet = [...hA, ...hB];
const hotBuyers = await shoppers(hot, "h", (i) => [
  hotSet[i % 6]!,
  hotSet[(i + 1 + (i % 2)) % 6]!,
  hotSet[(i + 3) % 6]!,
]);
// Race: one variant with 10 in stock, one unit in each racer's cart.
const [raceVariant] = await newVariants(SHOP_B, racers ? 1 : 0, 10, "r");
const raceBuyers = await shoppers(racers, "r", () => [raceVariant!]);
// A running store has order history and statistics. The demo has a dozen orders and the rows
// above were written a moment ago (autovacuum analyzes a minute later): measured on that, the
// planner costs the tables as the near-empty ones it last saw, and caches one-page scans (in
// foreign-key checks, prepared statements) that the run then outgrows, scanning thousands of
// rows per order, a cost no store past its first minute pays, and one that came and went with
// autovacuum's timing. So: `BENCH_HISTORY` orders placed first (through the app's own
// placeOrder, not measured), then every table analyzed.
// An empty value (a copied .env.example) is the default, as for every bench knob; 0 is none.
const history = process.env.BENCH_HISTORY ? Number(process.env.BENCH_HISTORY) : 500;
const xA = await newVariants(SHOP_A, history, 1_000, "x");
const xB = await newVariants(SHOP_B, history, 1_000, "x");
const historyBuyers = await shoppers(history, "x", (i) => [xA[i]!, xB[i]!]);
for (let k = 0; k < historyBuyers.length; k += 10)
  await Promise.all(
    historyBuyers
      .slice(k, k + 10)
      .map((b, j) =>
        placeOrder(
          deps,
          { userId: b.userId, role: "customer", sessionId: "bench" },
          { addressId: b.addressId, paymentMethod: "cod", idempotencyKey: `bench-history-${k + j}` },
        ),
      ),
  );
await deps.db.execute("analyze");

// Counts every SQL statement the app sends (an observer on Drizzle's query log), and reports
// it with this process's CPU time on a side port, so the bench can divide both by orders.
let statements = 0;
type DrizzleSession = { logger: { logQuery(q: string, p: unknown[]): void }; options: { logger?: unknown } };
const session = (deps.db as unknown as { session: DrizzleSession }).session;
const logger = { logQuery: () => void statements++ };
session.logger = logger;
session.options.logger = logger;
// Checkout leaves the dashboards' rollups to a fold (core analytics/fold-pending-sales.ts) that
// the worker runs every few seconds. With BullMQ no worker runs here, so this process runs it on
// the worker's schedule: its cost is part of what an order costs, and it competes for the CPU
// as it would in production. In-process jobs run it already.
if (!config.runJobsInProcess)
  setInterval(() => void foldPendingSales(deps.db).catch(() => {}), config.analyticsFoldEveryMs).unref();

// `POST /fold` folds what is still booked, so a run's figures include the fold of its last orders.
const stats = createHttpServer(async (req, res) => {
  if (req.method === "POST") await foldPendingSales(deps.db);
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ statements, cpu: process.cpuUsage(), rss: process.memoryUsage().rss }));
});
await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
const statsUrl = `http://127.0.0.1:${(stats.address() as { port: number }).port}`;

// ---- the bare order route ------------------------------------------------------------------
// The floor for placeOrder on the same database, pool and tables: the least an order can do.
// One transaction over the app's pool: the cart locked and its lines read with their prices,
// the stock taken where enough is left (a conditional update: no unit sold twice), then in
// one statement the order, a part per seller, its items and the cart emptied; commit. Five
// round trips. No authentication (the buyer comes in the body), input check, idempotency,
// coupon, re-pricing notices, stock log, emails, notifications, webhook events or live
// updates, and the JSON answer is the order's id.
type PgClient = {
  query(
    text: string | { name: string; text: string; values: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
  release(): void;
};
const pgPool = (deps.db as unknown as { $client: { connect(): Promise<PgClient> } }).$client;
const BARE_LINES = `select c.id as cart_id, ci.variant_id, ci.qty, v.price, v.product_id, v.seller_id, v.sku, p.title, p.gst_rate_bps
  from carts c join cart_items ci on ci.cart_id = c.id join product_variants v on v.id = ci.variant_id
  join products p on p.id = v.product_id
  where c.user_id = $1 order by v.id for update of c`;
const BARE_TAKE = `update product_variants pv set stock = pv.stock - w.qty
  from unnest($1::uuid[], $2::int[]) as w(id, qty) where pv.id = w.id and pv.stock >= w.qty returning pv.id`;
const BARE_WRITE = `with l as (
    select * from jsonb_to_recordset($4::jsonb) as l(variant_id uuid, product_id uuid, seller_id uuid, qty int,
      price int, sku text, title text, gst_rate_bps int)
  ),
  o as (
    insert into orders (number, customer_id, idempotency_key, payment_method, payment_status, shipping_address,
      subtotal, item_discount, coupon_discount, shipping, gst_included, total)
    select $2, $1, $2, 'cod', 'cod_pending', to_jsonb(a) - 'id' - 'user_id', t.total, 0, 0, 0, 0, t.total
    from addresses a, (select sum(qty * price)::int as total from l) t where a.id = $3 and a.user_id = $1
    returning id
  ),
  s as (
    insert into sub_orders (order_id, seller_id, number, status, seller, subtotal, item_discount, coupon_discount,
      shipping, gst_included, total, commission_bps)
    select o.id, l.seller_id, $2 || '-' || row_number() over (), 'confirmed', '{}', sum(l.qty * l.price), 0, 0, 0, 0,
      sum(l.qty * l.price), 1000
    from o, l group by o.id, l.seller_id
    returning id, order_id, seller_id
  ),
  i as (
    insert into order_items (order_id, sub_order_id, variant_id, product_id, title, variant_label, sku, gst_rate_bps,
      qty, unit_price, effective_unit_price, item_discount, coupon_discount, line_total, gst_included)
    select s.order_id, s.id, l.variant_id, l.product_id, l.title, '', l.sku, l.gst_rate_bps, l.qty, l.price, l.price,
      0, 0, l.qty * l.price, 0
    from s join l on l.seller_id = s.seller_id
  ),
  emptied as (delete from cart_items where cart_id = $5)
  select id from o`;
let bareOrders = 0;
const bare = Fastify();
bare.post<{ Body: { userId: string; addressId: string } }>("/bare-order", async (req, reply) => {
  const { userId, addressId } = req.body;
  const client = await pgPool.connect();
  const q = (name: string, text: string, values: unknown[]) => {
    statements++;
    return client.query({ name, text, values });
  };
  try {
    statements++;
    await client.query("begin");
    const lines = (await q("bare_lines", BARE_LINES, [userId])).rows;
    const taken = await q("bare_take", BARE_TAKE, [
      `{${lines.map((l) => l.variant_id).join(",")}}`,
      `{${lines.map((l) => l.qty).join(",")}}`,
    ]);
    if (!lines.length || taken.rowCount !== lines.length) {
      statements++;
      await client.query("rollback");
      return reply.code(409).send({ error: "out of stock" });
    }
    const number = `BARE-${++bareOrders}-${Date.now()}`;
    const [order] = (
      await q("bare_write", BARE_WRITE, [userId, number, addressId, JSON.stringify(lines), lines[0]!.cart_id])
    ).rows;
    // No order row (an address not the buyer's): fail loudly, so the bench never counts less work as an order.
    if (!order) throw new Error(`bare order for ${userId}: no order written`);
    statements++;
    await client.query("commit");
    return { id: order.id };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
});

// BENCH_PROFILE=<file>: a CPU profile of this process from here to SIGTERM.
const stopProfile = await profileIfAsked();

const api = await server.app.listen({ port: 0, host: "127.0.0.1" });
const bareUrl = bareCount ? await bare.listen({ port: 0, host: "127.0.0.1" }) : null;
process.stdout.write(
  `${JSON.stringify({
    api,
    stats: statsUrl,
    distinct: distinctBuyers,
    bare: bareUrl
      ? { url: bareUrl, buyers: bareBuyers.map((b) => ({ userId: b.userId, addressId: b.addressId })) }
      : null,
    hot: hotBuyers,
    race: raceBuyers,
    raceVariant,
    driver: server.runtime.db.driver,
    jobs: config.runJobsInProcess ? "in-process" : "BullMQ (no worker running)",
  })}\n`,
);
process.on("SIGTERM", async () => {
  await stopProfile();
  stats.close();
  await bare.close();
  await server.close();
  process.exit(0);
});
