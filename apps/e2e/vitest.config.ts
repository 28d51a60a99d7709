import { defineConfig } from "vitest/config";

// Builds a web app, boots the API on PGlite and drives Chromium: slow by nature.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ["./test/global-setup.ts"],
  },
});
