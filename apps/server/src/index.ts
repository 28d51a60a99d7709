import { type Config, createRuntime, type Runtime } from "@bazaar/core";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { buildApp } from "./app";

export { buildApp, REFRESH_COOKIE } from "./app";
export { DEMO_PASSWORD, seedDemo } from "./seed";
export { serveWebApp, type WebApp as StaticWebApp, webApps } from "./web-static";

export type BazaarServer = { app: FastifyInstance; runtime: Runtime; close(): Promise<void> };

/** Runtime plus HTTP app for one process; `close` drains requests first, then jobs and connections. */
export async function createServer(config: Config): Promise<BazaarServer> {
  const logger = pino({
    level: config.logLevel,
    redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
  });
  const runtime = await createRuntime(config, logger, { mode: "server" });
  const app = await buildApp(runtime, config, logger);
  return {
    app,
    runtime,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}
