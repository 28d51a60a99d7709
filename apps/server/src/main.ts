import { backfillAnalyticsIfEmpty, ConfigError, loadConfig, userExists } from "@bazaar/core";
import { startFromTemplate } from "./embedded-template";
import { isSeedingChild, needsSeedingChild, runSeedingChild, seedNewDatabase } from "./first-start";
import { createServer } from "./index";
import { DEMO_PASSWORD, demoAccounts, seedDemo } from "./seed";
import { startupFailure } from "./startup-error";

/** A setting at fault is named in one line; anything else is a bug and printed whole. */
function exitOnStartupFailure(error: unknown, config: ReturnType<typeof loadConfig>): never {
  console.error(startupFailure(error, config) ?? error);
  process.exit(1);
}

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

  // First start on PGlite: a child creates, migrates and seeds the database, so the memory
  // that took stays out of this long-running process (first-start.ts).
  if (isSeedingChild()) {
    await seedNewDatabase(config).catch((error) => exitOnStartupFailure(error, config));
    process.exit(0);
  }
  if (needsSeedingChild(config)) {
    const code = await runSeedingChild();
    if (code !== 0) process.exit(code);
  }
  // A new embedded database with no demo wanted: the build's migrated copy, not initdb.
  startFromTemplate(config);

  let server: Awaited<ReturnType<typeof createServer>>;
  try {
    server = await createServer(config);
  } catch (error) {
    exitOnStartupFailure(error, config);
  }
  const log = server.app.log;
  if (await backfillAnalyticsIfEmpty(server.runtime.deps.db))
    log.info("analytics rebuilt from existing orders");
  // On PostgreSQL the same: a new database is seeded by a child while this process waits.
  if (
    config.seedDemo &&
    config.databaseUrl &&
    !(await userExists(server.runtime.deps.db, demoAccounts[0].email))
  ) {
    const code = await runSeedingChild();
    if (code !== 0) process.exit(code);
  }
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

  const address = await server.app
    .listen({ port: config.port, host: config.host })
    .catch((error) => exitOnStartupFailure(error, config));
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
