import { parseArgs } from "node:util";
import { createRuntime, loadConfig } from "@bazaar/core";
import cliProgress from "cli-progress";
import { seedBulkCatalog } from "../seed-catalog-bulk";

/**
 * Seeds a large catalogue, for benchmarks and trying the storefront at scale:
 *   pnpm --filter @bazaar/server seed:catalog --products 100000 [--sellers 50]
 * Uses DATABASE_URL when set, else the embedded PGlite under DATA_DIR (stop the server
 * first: PGlite allows one process). Tops up to --products seeded products, so re-running
 * with a larger number adds the difference.
 */
const { values } = parseArgs({
  options: {
    products: { type: "string", default: "10000" },
    sellers: { type: "string", default: "50" },
    quiet: { type: "boolean", default: false },
  },
});
const products = Number(values.products);
const sellers = Number(values.sellers);
if (!Number.isInteger(products) || products < 0 || !Number.isInteger(sellers) || sellers < 1) {
  console.error("usage: seed:catalog [--products N] [--sellers N]");
  process.exit(2);
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const config = loadConfig();
// Bulk inserts and ANALYZE over 100k rows may rightly outlast a request's statement limit.
const unlimited = { ...config.databaseTimeouts, statementMs: 0 };
const runtime = await createRuntime({ ...config, databaseTimeouts: unlimited }, silent, { mode: "server" });
const bars = new Map<string, cliProgress.SingleBar>();
const label = { sellers: "shops   ", images: "images  ", products: "products", vacuum: "vacuum  " };
const started = Date.now();
try {
  const result = await seedBulkCatalog(runtime.deps, {
    products,
    sellers,
    onProgress: ({ phase, done, total }) => {
      if (values.quiet || !process.stderr.isTTY) return;
      let bar = bars.get(phase);
      if (!bar) {
        for (const b of bars.values()) b.stop();
        bar = new cliProgress.SingleBar(
          {
            format: `${label[phase]} |{bar}| {value}/{total} {percentage}% | {duration_formatted} | eta {eta_formatted}`,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
        bars.set(phase, bar);
      }
      bar.setTotal(total);
      bar.update(done);
    },
  });
  for (const b of bars.values()) b.stop();
  const where = config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`;
  console.log(
    `seed:catalog: ${result.added} products added, ${result.total} seeded in all (${where}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} catch (error) {
  for (const b of bars.values()) b.stop();
  console.error(error);
  process.exitCode = 1;
} finally {
  await runtime.close();
}
