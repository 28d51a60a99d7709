import type autocannon from "autocannon";
import {
  connections,
  dropDatabase,
  duration,
  freshDatabaseUrl,
  measure,
  printTable,
  startServer,
} from "./lib";

/**
 * `pnpm bench`: the cart's hot path. Each iteration is what a shopper's click costs:
 * `cart.addItem` (validate, lock the cart, add, re-price the whole cart) then `cart.get`
 * (re-validate and price), each connection as its own customer with a three-line,
 * two-seller cart. Against a bare Fastify route in the same run.
 */
type Info = { api: string; bare: string; tokens: string[]; variants: string[]; driver: string };
const BENCH_DB = "bazaar_bench_shop";
const { child, info } = await startServer<Info>("bench/serve-shop.ts", {
  ...process.env,
  DATABASE_URL: await freshDatabaseUrl(BENCH_DB),
});

type Ctx = { token?: string; adds?: number };
let nextCustomer = 0;
const auth = (ctx: Ctx) => {
  // A new customer every 900 adds keeps each cart under its per-line limit.
  if (!ctx.token || (ctx.adds ?? 0) >= 900) {
    ctx.token = info.tokens[nextCustomer++ % info.tokens.length]!;
    ctx.adds = 0;
  }
  return { authorization: `Bearer ${ctx.token}`, "content-type": "application/json" };
};
const requests: autocannon.Request[] = [
  {
    method: "POST",
    path: "/trpc/cart.addItem",
    setupRequest: (req, context) => {
      const ctx = context as Ctx;
      const headers = auth(ctx);
      ctx.adds = (ctx.adds ?? 0) + 1;
      const variantId = info.variants[ctx.adds % info.variants.length];
      return { ...req, headers, body: JSON.stringify({ json: { variantId, qty: 1 } }) };
    },
  },
  {
    method: "GET",
    path: "/trpc/cart.get",
    setupRequest: (req, context) => ({ ...req, headers: auth(context as Ctx) }),
  },
];

try {
  const rows = [
    await measure("bare Fastify route", { url: `${info.bare}/bare` }),
    await measure("cart.addItem + cart.get", { url: info.api, requests }),
  ];
  printTable(
    `cart — ${info.driver}, ${connections} connections, ${duration}s each, node ${process.version}`,
    rows,
  );
  const pair = rows[1]!;
  console.log(
    `add+get pairs/s: ${(pair.rps / 2).toFixed(0)}; ratio of requests to bare: ${((pair.rps / rows[0]!.rps) * 100).toFixed(1)}%\n`,
  );
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await dropDatabase(BENCH_DB);
}
