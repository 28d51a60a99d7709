import { createRuntime, loadConfig, rebuildAnalytics } from "@bazaar/core";

/**
 * Recomputes the dashboards' rollups from the raw order rows:
 *   pnpm --filter @bazaar/server analytics:rebuild
 * Run it once after deploying migration 0010 (orders placed before it are not in the rollups
 * until then), after a bulk import, or to repair drift. Writers wait while it runs.
 */
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const runtime = await createRuntime(loadConfig(), silent, { mode: "server" });
try {
  const started = Date.now();
  const counts = await rebuildAnalytics(runtime.deps.db);
  console.log(
    `analytics rebuilt: ${counts.subOrders} sub-orders, ${counts.lines} order lines in ${Date.now() - started} ms`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await runtime.close();
}
