import { defineConfig } from "vitest/config";
// Plain JS: vitest loads configs with Node, which cannot import TypeScript from a workspace package.

/**
 * Shared test settings. Tests run real SQL (PGlite, or PostgreSQL when DATABASE_URL is
 * set) and a real SMTP server, so set-up hooks get more time than the default 10 s.
 */
export const baseConfig = defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Both cores, no more: each worker opens its own database.
    maxWorkers: 2,
    // Files and the tests in them run in a new order each time, so a test that leans on what
    // another left behind fails early. Vitest prints the seed; `--sequence.seed=<seed>`
    // replays one package, TEST_SEED=<seed> gives every package that seed (`pnpm test`).
    sequence: {
      shuffle: true,
      ...(process.env.TEST_SEED && { seed: Number(process.env.TEST_SEED) }),
    },
  },
});
