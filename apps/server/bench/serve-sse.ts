import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, startConversation } from "@bazaar/core";
// Signs in as a person would, answering a second factor if the account has one.
import { signInForTest as login } from "@bazaar/core/testing";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { createServer, DEMO_PASSWORD, seedDemo } from "../src/index";

/**
 * Child process of the SSE fan-out benchmark: the real app, the demo seed, one conversation
 * between customer1 and the shop of one of its products, a session of customer1 for every
 * stream, and a side route reporting this process's memory (after a GC) and CPU time so the
 * parent can measure what each open stream and each delivery costs.
 */
const config = loadConfig({
  ...process.env,
  NODE_ENV: "test",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
  DATA_DIR: mkdtempSync(join(tmpdir(), "bazaar-bench-sse-")),
  LOG_LEVEL: "silent",
  BCRYPT_COST: "4",
  SEED_DEMO: "false",
});
const server = await createServer(config);
const deps = server.runtime.deps;
await seedDemo(deps);

const origin = { ip: null, userAgent: "bench" };
// Every stream is a separate sign-in (its own session, checked before each event it
// delivers), as separate devices and tabs are; the login limits are for people, not for this.
const unlimited = {
  ...deps,
  limiter: { consume: async () => ({ remaining: 1 }), check: async () => {}, reset: async () => {} },
};
const buyerTokens: string[] = [];
for (let i = 0; i < Number(process.env.BENCH_SUBSCRIBERS || 1000); i++)
  buyerTokens.push(
    (await login(unlimited, origin, { email: "customer1@bazaar.local", password: DEMO_PASSWORD }))
      .accessToken,
  );
const [product] = (
  (await deps.db.execute(sql`
    select p.id, u.email from products p
    join sellers s on s.id = p.seller_id join users u on u.id = s.user_id
    where p.status = 'approved' and s.status = 'approved' order by p.created_at limit 1`)) as unknown as {
    rows: { id: string; email: string }[];
  }
).rows;
const seller = await login(unlimited, origin, { email: product!.email, password: DEMO_PASSWORD });
const me = await deps.db.execute(sql`select id from users where email = 'customer1@bazaar.local'`);
const buyerId = (me as unknown as { rows: { id: string }[] }).rows[0]!.id;
const started = await startConversation(
  deps,
  { userId: buyerId, role: "customer", sessionId: "bench" },
  { subject: { type: "product", productId: product!.id }, body: "Is this in stock?" },
);

const api = await server.app.listen({ port: 0, host: "127.0.0.1" });
const side = Fastify();
side.get("/memory", async () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000 };
});
const sideUrl = await side.listen({ port: 0, host: "127.0.0.1" });

process.stdout.write(
  `${JSON.stringify({
    api,
    side: sideUrl,
    buyerTokens,
    sellerToken: seller.accessToken,
    conversationId: started.conversation.id,
    driver: server.runtime.db.driver,
  })}\n`,
);
process.on("SIGTERM", async () => {
  await side.close();
  await server.close();
  process.exit(0);
});
