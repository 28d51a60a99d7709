import { backfillAnalyticsIfEmpty, ConfigError, loadConfig } from "@bazaar/core";
import { createServer } from "./index";
import { DEMO_PASSWORD, demoAccounts, seedDemo } from "./seed";

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

  const server = await createServer(config);
  const log = server.app.log;
  if (await backfillAnalyticsIfEmpty(server.runtime.deps.db))
    log.info("analytics rebuilt from existing orders");
  if (config.seedDemo && (await seedDemo(server.runtime.deps))) log.info("demo data seeded");

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down: finishing in-flight requests and jobs");
    const force = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const address = await server.app.listen({ port: config.port, host: config.host });
  const mode = [
    config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}/pglite`,
    config.runJobsInProcess ? "in-process jobs" : "BullMQ jobs (run apps/worker)",
    config.smtpUrl ? "SMTP email" : `emails as .eml in ${config.dataDir}/outbox`,
  ].join(", ");
  const lines = [
    "",
    `  Bazaar API      ${address}/trpc   (health: ${address}/readyz)`,
    `  Storage & jobs  ${mode}`,
    `  Customer web    ${config.urls.customer}`,
    `  Seller web      ${config.urls.seller}`,
    `  Admin web       ${config.urls.admin}`,
  ];
  if (config.seedDemo) {
    lines.push(`  Demo logins     (password for all: ${DEMO_PASSWORD})`);
    for (const a of demoAccounts) lines.push(`                  ${a.role.padEnd(9)} ${a.email}`);
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
