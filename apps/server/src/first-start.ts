import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Config, createRuntime } from "@bazaar/core";
import pino from "pino";
import { startFromTemplate } from "./embedded-template";
import { seedDemo } from "./seed";

/** Given to the child that prepares a new embedded database: it seeds, then exits. */
export const SEED_ONLY_FLAG = "--seed-only";
export const isSeedingChild = () => process.argv.includes(SEED_ONLY_FLAG);

/**
 * True on the first start on the embedded database: PGlite has no data directory yet and
 * the demo is wanted. Then createdb, migrations and seeding run in a child process first.
 *
 * Why a child: PGlite's WebAssembly memory only ever grows. initdb and the seed (a few
 * hundred products, images, demo orders and reviews) grew it to ~450 MB, and the server
 * kept that for its whole life (RSS 385 MB after a first start vs 260 MB after any later
 * one). The child's memory goes when it exits; the server then opens a warm directory.
 * (On PostgreSQL main.ts asks the database instead: a new one is seeded by a child too,
 * 212 → 146 MB after a first start.)
 */
export function needsSeedingChild(config: Config): boolean {
  if (!config.seedDemo || config.databaseUrl || isSeedingChild()) return false;
  return !existsSync(join(config.dataDir, "pglite", "PG_VERSION"));
}

/**
 * Runs this same program with --seed-only; resolves with its exit code. With V8's baseline
 * WebAssembly compiler only: PGlite's code is run for seconds here, not for days, so
 * optimising it costs more than it saves (initdb and migrations ~4.7 → ~2.9 s of CPU).
 */
export function runSeedingChild(): Promise<number> {
  return new Promise((resolve) => {
    const args = [...process.execArgv, "--liftoff-only", ...process.argv.slice(1), SEED_ONLY_FLAG];
    const child = spawn(process.execPath, args, {
      // Its one-line failures (and warnings) are the server's own: shown as they are.
      stdio: "inherit",
    });
    // A Ctrl-C during seeding reaches both: the parent waits for the child to stop first.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(signal ? 1 : (code ?? 1));
    });
  });
}

/** The child's work: the runtime without the HTTP app, the demo seeded, its emails sent. */
export async function seedNewDatabase(config: Config): Promise<void> {
  const log = pino({ level: config.logLevel });
  if (startFromTemplate(config)) log.info("the new database is a copy of the build's migrated template");
  const runtime = await createRuntime(config, log, { mode: "server" });
  try {
    await seedDemo(runtime.deps);
    // The seed's emails are jobs: written to the outbox before this process exits.
    await runtime.drainJobs();
  } finally {
    await runtime.close();
  }
}
