import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVerifiedUser, loadConfig, login, setCheckoutSettings } from "@bazaar/core";
import Fastify from "fastify";
import { createServer, seedDemo } from "../src/index";

/**
 * Child process of the shopping benchmarks: the real app over the demo shops, with
 * `BENCH_CUSTOMERS` signed-in customers (each benchmark connection shops as its own
 * customer, as real traffic does) and three variants from two sellers with stock to spare.
 * Prints one JSON line with the addresses, tokens and variant ids.
 */
const customers = Number(process.env.BENCH_CUSTOMERS ?? 200);
const config = loadConfig({
  ...process.env,
  NODE_ENV: "production",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
  DATA_DIR: mkdtempSync(join(tmpdir(), "bazaar-bench-")),
  LOG_LEVEL: "silent",
  BCRYPT_COST: "4",
  SEED_DEMO: "false",
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

const tokens: string[] = [];
for (let i = 0; i < customers; i++) {
  const email = `bench-${i}-${Date.now()}@example.com`;
  await createVerifiedUser(deps, { email, name: `Bench ${i}`, password: "bench-pass-1", role: "customer" });
  tokens.push(
    (await login(deps, { ip: null, userAgent: null }, { email, password: "bench-pass-1" })).accessToken,
  );
}

const api = await server.app.listen({ port: 0, host: "127.0.0.1" });
const bare = Fastify();
bare.get("/bare", async () => ({ ok: true }));
const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });

process.stdout.write(
  `${JSON.stringify({ api, bare: bareUrl, tokens, variants, driver: server.runtime.db.driver })}\n`,
);
process.on("SIGTERM", async () => {
  await bare.close();
  await server.close();
  process.exit(0);
});
