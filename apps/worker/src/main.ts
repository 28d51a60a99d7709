import { ConfigError, createRuntime, loadConfig } from "@bazaar/core";
import pino from "pino";

/**
 * The job worker, run as its own process when Redis (and PostgreSQL) are configured.
 * Without them the server runs every job in-process and this process is not needed.
 */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!config.redisUrl || !config.databaseUrl) {
    console.error(
      "The worker needs REDIS_URL and DATABASE_URL. Without them the server runs jobs in-process; start only the server.",
    );
    process.exit(1);
  }
  const log = pino({ level: config.logLevel, base: { service: "worker" } });
  const runtime = await createRuntime({ ...config, runJobsInProcess: false }, log, { mode: "worker" });
  log.info(
    "worker started: emails, media cleanup, sale boundaries, webhooks, refunds, catalog CSV imports, order expiry and payment reconciliation",
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "worker shutting down: finishing active jobs");
    await runtime.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
