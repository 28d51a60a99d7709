import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addCartItem, createVerifiedUser, loadConfig, setCheckoutSettings } from "@bazaar/core";
// Signs in as a person would, answering a second factor if the account has one.
import { signInForTest as login } from "@bazaar/core/testing";
import { addresses } from "@bazaar/db";
import Fastify from "fastify";
import { createServer, seedDemo } from "../src/index";

/**
 * Child process of the shopping benchmarks: the real app over the demo shops, with
 * `BENCH_CUSTOMERS` signed-in customers (each benchmark connection shops as its own
 * customer, as real traffic does) and three variants from two sellers with stock to spare.
 * With `BENCH_SHOPPERS`, that many more customers each hold an address and a ready cart
 * (those three variants: three lines, two sellers) for the checkout benchmark, and with
 * `BENCH_RACERS`, that many hold one unit of a variant that has only 10 in stock.
 * Prints one JSON line with the addresses, tokens and ids.
 */
const customers = Number(process.env.BENCH_CUSTOMERS || 200);
const shoppers = Number(process.env.BENCH_SHOPPERS || 0);
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
  // In process even with Redis: jobs left in a shared queue would be run later by a worker.
  RUN_JOBS_IN_PROCESS: "true",
});
const server = await createServer(config);
const { deps } = server.runtime;
await seedDemo(deps);

const picked = await deps.db.execute(`
  select v.id, s.slug from product_variants v
  join products p on p.id = v.product_id join sellers s on s.id = p.seller_id
  where p.status = 'approved' and v.active and s.slug in ('ravi-textiles', 'meera-handicrafts')
  order by s.slug desc, v.price, v.id`);
const rows = (picked as unknown as { rows: { id: string; slug: string }[] }).rows;
const variants = [
  ...rows.filter((r) => r.slug === "ravi-textiles").slice(0, 2),
  ...rows.filter((r) => r.slug === "meera-handicrafts").slice(0, 1),
].map((r) => r.id);
if (variants.length < 3) throw new Error("demo catalogue lacks the variants the bench needs");
await deps.db.execute(
  `update product_variants set stock = 100000000 where id in ('${variants.join("','")}')`,
);
// Carts in the bench grow for the whole run; the limits must not be what is measured.
const [admin] = (
  (await deps.db.execute("select id from users where role = 'admin' limit 1")) as unknown as {
    rows: { id: string }[];
  }
).rows;
await setCheckoutSettings(
  deps,
  { userId: admin!.id, role: "admin", sessionId: "bench" },
  { maxQtyPerLine: 1000, maxUnitsPerOrder: 10_000 },
);

async function customer(i: number) {
  const email = `bench-${i}-${Date.now()}@example.com`;
  const user = await createVerifiedUser(deps, {
    email,
    name: `Bench ${i}`,
    password: "bench-pass-1",
    role: "customer",
  });
  const { accessToken } = await login(
    deps,
    { ip: null, userAgent: null },
    { email, password: "bench-pass-1" },
  );
  return { userId: user.id, token: accessToken };
}
async function withAddress(c: { userId: string; token: string }) {
  const [a] = await deps.db
    .insert(addresses)
    .values({
      userId: c.userId,
      name: "Bench Buyer",
      phone: "9876543210",
      line1: "1 MG Road",
      city: "Pune",
      state: "Maharashtra",
      pincode: "411001",
    })
    .returning();
  return { token: c.token, addressId: a!.id, userId: c.userId };
}

const tokens: string[] = [];
for (let i = 0; i < customers; i++) tokens.push((await customer(i)).token);

const ready: { token: string; addressId: string }[] = [];
for (let i = 0; i < shoppers; i++) {
  const c = await withAddress(await customer(customers + i));
  for (const variantId of variants) await addCartItem(deps, { userId: c.userId }, { variantId, qty: 1 });
  ready.push({ token: c.token, addressId: c.addressId });
}

const race: { token: string; addressId: string }[] = [];
let raceVariant: string | null = null;
if (racers > 0) {
  raceVariant = rows.find((r) => !variants.includes(r.id))!.id;
  await deps.db.execute(`update product_variants set stock = 10 where id = '${raceVariant}'`);
  for (let i = 0; i < racers; i++) {
    const c = await withAddress(await customer(customers + shoppers + i));
    await addCartItem(deps, { userId: c.userId }, { variantId: raceVariant, qty: 1 });
    race.push({ token: c.token, addressId: c.addressId });
  }
}

const api = await server.app.listen({ port: 0, host: "127.0.0.1" });
const bare = Fastify();
bare.get("/bare", async () => ({ ok: true }));
const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });

process.stdout.write(
  `${JSON.stringify({ api, bare: bareUrl, tokens, variants, ready, race, raceVariant, driver: server.runtime.db.driver })}\n`,
);
process.on("SIGTERM", async () => {
  await bare.close();
  await server.close();
  process.exit(0);
});
