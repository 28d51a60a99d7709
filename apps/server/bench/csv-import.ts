import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Deps, importCatalogCsv } from "@bazaar/core";
import { categories, createDb, products, sellers, users } from "@bazaar/db";
import { CATALOG_CSV_COLUMNS } from "@bazaar/schemas";
import { eq, sql } from "drizzle-orm";
import { dropDatabase, freshDatabaseUrl } from "./lib";

/**
 * `tsx bench/csv-import.ts`: a seller's catalog CSV of BENCH_CSV_ROWS (10,000) rows —
 * 2,500 products × 4 sizes — imported three times through importCatalogCsv (the use case
 * behind the upload route): first creating everything, then the same file again (nothing
 * changes), then with every price and stock changed (updates, stock through the inventory
 * log). Prints rows/s for each. Target: 10,000 rows < 60 s on PostgreSQL.
 *
 * With DATABASE_URL a fresh database `bazaar_bench_csv` (dropped at the end unless
 * BENCH_KEEP=1); otherwise PGlite in a temporary directory.
 */
const ROWS = Number(process.env.BENCH_CSV_ROWS || 10_000);
const SIZES = ["S", "M", "L", "XL"];
const BENCH_DB = "bazaar_bench_csv";

const url = await freshDatabaseUrl(BENCH_DB);
const dataDir = url ? null : mkdtempSync(join(tmpdir(), "bazaar-bench-csv-"));
const handle = await createDb(url ? { url, poolSize: 4 } : { dataDir: dataDir! });
await handle.migrate();
const db = handle.db;

const noop = () => {};
const deps = {
  db,
  now: () => new Date(),
  cache: { bump: async () => {} },
  log: { debug: noop, info: noop, warn: noop, error: (o: object, m?: string) => console.error(m, o) },
} as unknown as Deps;

const [user] = await db
  .insert(users)
  .values({ email: "bench-csv@example.com", name: "Bench shop", passwordHash: "x", role: "seller" })
  .returning();
const [seller] = await db
  .insert(sellers)
  .values({
    userId: user!.id,
    shopName: "Bench shop",
    slug: "bench-shop",
    contactEmail: user!.email,
    contactPhone: "+919876543210",
    pickupAddress: {
      name: "B",
      phone: "+919876543210",
      line1: "1 MG Road",
      city: "Jaipur",
      state: "Rajasthan",
      pincode: "302001",
    },
    bankAccountHolder: "B",
    bankAccountEncrypted: "x",
    bankAccountLast4: "1234",
    bankIfsc: "HDFC0001234",
    status: "approved",
  })
  .returning();
await db.insert(categories).values({ name: "Kurtas", slug: "bench-kurtas" });
const actor = {
  userId: user!.id,
  role: "seller" as const,
  sessionId: crypto.randomUUID(),
  sellerId: seller!.id,
};

function file(pricePlus: number, stockPlus: number): Buffer {
  const lines = [CATALOG_CSV_COLUMNS.join(",")];
  for (let r = 0; r < ROWS; r++) {
    const p = Math.floor(r / SIZES.length);
    const size = SIZES[r % SIZES.length]!;
    const cells: Record<string, string> = {
      handle: `kurta-${p}`,
      title: `Cotton kurta ${p}`,
      category: "bench-kurtas",
      brand: "Bench",
      description: "Hand block printed cotton",
      hsn_code: "6109",
      gst_percent: "5",
      tags: "cotton|summer",
      option1_name: "Size",
      option1_value: size,
      sku: `K${p}-${size}`,
      price_rupees: `${500 + (p % 400) + pricePlus}.00`,
      mrp_rupees: "",
      weight_grams: "250",
      stock: String(10 + stockPlus),
    };
    lines.push(CATALOG_CSV_COLUMNS.map((c) => cells[c] ?? "").join(","));
  }
  return Buffer.from(lines.join("\n"));
}

async function run(title: string, bytes: Buffer) {
  const t0 = performance.now();
  const r = await importCatalogCsv(deps, actor, { filename: "bench.csv", bytes });
  const s = (performance.now() - t0) / 1000;
  console.log(
    `${title.padEnd(24)} ${String(r.rows).padStart(6)} rows ${s.toFixed(1).padStart(6)} s ${(r.rows / s).toFixed(0).padStart(6)} rows/s  created ${r.created} updated ${r.updated} unchanged ${r.unchanged} failed ${r.failed}`,
  );
  if (r.failed > 0 || r.status !== "done")
    throw new Error(`${title}: ${r.failed} rows failed (${r.message ?? ""})`);
}

console.log(
  `catalog CSV import, ${url ? "PostgreSQL" : "PGlite"}, ${ROWS} rows (${ROWS / SIZES.length} products)`,
);
await run("create", file(0, 0));
await run("same file again", file(0, 0));
await run("prices and stock", file(7, 3));
const [count] = await db
  .select({ n: sql<number>`count(*)::int` })
  .from(products)
  .where(eq(products.sellerId, seller!.id));
console.log(`products in the shop: ${count!.n}`);

await handle.close();
await dropDatabase(BENCH_DB);
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
