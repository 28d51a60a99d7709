import autocannon from "autocannon";
import { connections, dropDatabase, freshDatabaseUrl, printTable, startServer } from "./lib";

/**
 * `pnpm bench`: checkout on the real app. (1) placeOrder throughput: every request is a
 * different customer checking out a ready three-line, two-seller cart by cash on delivery
 * (one transaction: re-price, take stock, write the order, empty the cart). (2) The race:
 * BENCH_RACERS customers (200) send placeOrder at the same instant for a variant with 10
 * in stock; exactly 10 must win and every other must hear `checkout.out_of_stock`.
 */
type Buyer = { token: string; addressId: string };
type Info = { api: string; ready: Buyer[]; race: Buyer[]; raceVariant: string; driver: string };
const orders = Number(process.env.BENCH_ORDERS || 1500);
const racers = Number(process.env.BENCH_RACERS || 200);
const BENCH_DB = "bazaar_bench_checkout";

console.log(`preparing ${orders} carts and ${racers} racers…`);
const { child, info } = await startServer<Info>("bench/serve-shop.ts", {
  ...process.env,
  DATABASE_URL: await freshDatabaseUrl(BENCH_DB),
  BENCH_CUSTOMERS: "0",
  BENCH_SHOPPERS: String(orders),
  BENCH_RACERS: String(racers),
});

const place = (b: Buyer, i: number) => ({
  method: "POST" as const,
  path: "/trpc/checkout.placeOrder",
  headers: { authorization: `Bearer ${b.token}`, "content-type": "application/json" },
  body: JSON.stringify({
    json: { addressId: b.addressId, paymentMethod: "cod", idempotencyKey: `bench-order-${i}` },
  }),
});

try {
  let next = 0;
  const failures: string[] = [];
  const r = await autocannon({
    url: info.api,
    connections,
    amount: info.ready.length,
    requests: [
      {
        setupRequest: (req) => ({ ...req, ...place(info.ready[next]!, next++) }),
        onResponse: (status, body) => {
          if (status !== 200) failures.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`placeOrder: ${r.non2xx} non-2xx, ${r.errors} errors; first: ${failures[0] ?? "none"}`);
  printTable(
    `checkout.placeOrder — ${info.driver}, ${connections} connections, 3 lines from 2 sellers, node ${process.version}`,
    [
      {
        title: "checkout.placeOrder",
        rps: r.requests.average,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        total: r.requests.total,
      },
    ],
  );
  console.log(
    `orders/s: ${(r.requests.total / (r.duration || 1)).toFixed(0)} over ${r.duration.toFixed(1)} s`,
  );

  // The race: all at once, one connection each.
  const started = performance.now();
  const answers = await Promise.all(
    info.race.map(async (b, i) => {
      const req = place(b, 1_000_000 + i);
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
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await dropDatabase(BENCH_DB);
}
