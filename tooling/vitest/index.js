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
  },
});
