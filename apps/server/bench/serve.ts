import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVerifiedUser, loadConfig, login } from "@bazaar/core";
import Fastify from "fastify";
import { createServer } from "../src/index";

/**
 * Child process of the benchmark: the real app and a bare Fastify route, side by side, so
 * the load generator (the parent) does not share this event loop.
 */
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
const email = `bench-${Date.now()}@example.com`;
await createVerifiedUser(server.runtime.deps, {
  email,
  name: "Bench",
  password: "bench-pass-1",
  role: "customer",
});
const { accessToken } = await login(
  server.runtime.deps,
  { ip: null, userAgent: null },
  { email, password: "bench-pass-1" },
);
const api = await server.app.listen({ port: 0, host: "127.0.0.1" });

const bare = Fastify();
bare.get("/bare", async () => ({ ok: true }));
const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });

process.stdout.write(
  `${JSON.stringify({ api, bare: bareUrl, accessToken, driver: server.runtime.db.driver })}\n`,
);
process.on("SIGTERM", async () => {
  await bare.close();
  await server.close();
  process.exit(0);
});
