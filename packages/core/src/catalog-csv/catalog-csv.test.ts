import { randomUUID } from "node:crypto";
import { catalogImports, inventoryMovements, products, productVariants } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SellerActor } from "../platform/deps";
import { createTestContext, type TestContext } from "../testing";
import { catalogFixture } from "../testing/catalog-fixture";
import { exportCatalogCsv } from "./export-catalog";
import { importCatalogCsv } from "./import-catalog";
import { catalogImportErrorReport, getCatalogImport, listCatalogImports } from "./queries";

let t: TestContext;
let fx: ReturnType<typeof catalogFixture>;
let categorySlug: string;

beforeAll(async () => {
  t = await createTestContext();
  fx = catalogFixture(t.deps);
  categorySlug = (await fx.category(`Kurtas ${randomUUID().slice(0, 6)}`)).slug;
});
afterAll(() => t.close());
// SKUs another shop uses are refused, so each test's SKUs are its own.
let tag = "";
beforeEach(() => {
  tag = randomUUID().slice(0, 6);
});
const plain = (sku: string) => sku.replace(`-${tag}`, "");

async function shop(): Promise<SellerActor> {
  const s = await fx.seller();
  return { userId: s.userId, role: "seller", sessionId: randomUUID(), sellerId: s.id };
}

async function exported(actor: SellerActor): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of exportCatalogCsv(t.deps, actor)) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString("utf8");
}

const HEADER =
  "handle,title,category,brand,description,status,hsn_code,gst_percent,tags,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value,sku,price_rupees,mrp_rupees,weight_grams,stock";
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join("\n"));
const row = (
  handle: string,
  sku: string,
  size: string,
  price = "899.00",
  stock = "5",
  title = "Cotton kurta",
) =>
  `${handle},${title},${categorySlug},Fabindia,"Soft, hand block printed",draft,6109,5,cotton|summer,Size,${size},,,,,${sku}-${tag},${price},999.00,250,${stock}`;
const upload = (actor: SellerActor, bytes: Buffer) =>
  importCatalogCsv(t.deps, actor, { filename: "catalog.csv", bytes });

const variantsOf = (sellerId: string) =>
  t.deps.db
    .select()
    .from(productVariants)
    .where(eq(productVariants.sellerId, sellerId))
    .orderBy(productVariants.sku);

describe("catalog CSV import and export", () => {
  it("creates products and variants from rows grouped by handle, with their stock in the inventory log", async () => {
    const a = await shop();
    const result = await upload(
      a,
      csv(row("kurta", "K-S", "S"), row("kurta", "K-M", "M", "949.50", "0"), row("dupatta", "D-1", "Free")),
    );
    expect(result).toMatchObject({
      status: "done",
      rows: 3,
      processed: 3,
      created: 3,
      updated: 0,
      failed: 0,
    });
    const variants = await variantsOf(a.sellerId);
    expect(variants.map((v) => [plain(v.sku), v.price, v.compareAtPrice, v.stock])).toEqual([
      ["D-1", 89_900, 99_900, 5],
      ["K-M", 94_950, 99_900, 0],
      ["K-S", 89_900, 99_900, 5],
    ]);
    const [kurta] = await t.deps.db.select().from(products).where(eq(products.id, variants[2]!.productId));
    expect(kurta).toMatchObject({
      title: "Cotton kurta",
      gstRateBps: 500,
      tags: ["cotton", "summer"],
      status: "draft",
    });
    expect(kurta!.options).toEqual([{ name: "Size", values: ["S", "M"] }]);
    const log = await t.deps.db
      .select()
      .from(inventoryMovements)
      .where(eq(inventoryMovements.sellerId, a.sellerId));
    expect(log.map((m) => m.delta).sort()).toEqual([5, 5]);
  });

  it("round trip: the export imported back changes nothing, and exports the same again", async () => {
    const a = await shop();
    await upload(
      a,
      csv(row("kurta", "K-S", "S"), row("kurta", "K-M", "M"), row("dupatta", "D-1", "Free", "950")),
    );
    const first = await exported(a);
    expect(first.split("\n")[0]).toBe(HEADER);
    expect(first).toContain(`,K-S-${tag},899.00,999.00,250,5`);
    const again = await upload(a, Buffer.from(first));
    expect(again).toMatchObject({ status: "done", rows: 3, created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(await exported(a)).toBe(first);
  });

  it("a title a spreadsheet would run as a formula is exported as text and imports back as it was", async () => {
    const a = await shop();
    await upload(a, csv(row("sum", "F-1", "S", "899", "5", "=SUM(A1:A9) kurta")));
    const first = await exported(a);
    expect(first).toContain(",'=SUM(A1:A9) kurta,");
    const again = await upload(a, Buffer.from(first));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    const [v] = await variantsOf(a.sellerId);
    const [p] = await t.deps.db.select().from(products).where(eq(products.id, v!.productId));
    expect(p!.title).toBe("=SUM(A1:A9) kurta");
  });

  it("updates by SKU: price, title and stock (through the inventory log); the same file again is a no-op", async () => {
    const a = await shop();
    await upload(a, csv(row("kurta", "K-S", "S"), row("kurta", "K-M", "M")));
    // The handle need not be the slug: the SKUs find the product.
    const file = csv(
      row("any", "K-S", "S", "799.00", "8", "Linen kurta"),
      row("any", "K-M", "M"),
      row("any", "K-L", "L", "899", "2"),
    );
    const result = await upload(a, file);
    expect(result).toMatchObject({ created: 0, updated: 3, failed: 0 });
    const variants = await variantsOf(a.sellerId);
    expect(variants.map((v) => [plain(v.sku), v.price, v.stock])).toEqual([
      ["K-L", 89_900, 2],
      ["K-M", 89_900, 5],
      ["K-S", 79_900, 8],
    ]);
    expect(new Set(variants.map((v) => v.productId)).size).toBe(1);
    const [p] = await t.deps.db.select().from(products).where(eq(products.id, variants[0]!.productId));
    expect(p!.title).toBe("Linen kurta");
    const moves = await t.deps.db
      .select()
      .from(inventoryMovements)
      .where(and(eq(inventoryMovements.sellerId, a.sellerId), eq(inventoryMovements.reason, "CSV import")));
    expect(moves.map((m) => [m.delta, m.resultingStock])).toEqual([[3, 8]]);

    const repeat = await upload(a, file);
    expect(repeat).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(await variantsOf(a.sellerId)).toHaveLength(3);
  });

  it("the same file uploaded twice at once (a double click) creates each product once", async () => {
    const a = await shop();
    const file = csv(
      row("kurta", "K-S", "S"),
      row("kurta", "K-M", "M"),
      row("dupatta", "D-1", "Free", "950"),
    );
    const [one, two] = await Promise.all([upload(a, file), upload(a, file)]);
    expect(one.created + two.created).toBe(3);
    expect(one.unchanged + two.unchanged).toBe(3);
    expect(one.failed + two.failed).toBe(0);
    expect(await variantsOf(a.sellerId)).toHaveLength(3);
    const log = await t.deps.db
      .select()
      .from(inventoryMovements)
      .where(eq(inventoryMovements.sellerId, a.sellerId));
    expect(log).toHaveLength(3);
  });

  it("a bad row skips its whole product and names the row and column; other products apply", async () => {
    const a = await shop();
    const result = await upload(
      a,
      csv(row("kurta", "K-S", "S"), row("kurta", "K-M", "M", "12.505"), row("dupatta", "D-1", "Free")),
    );
    expect(result).toMatchObject({ status: "done", rows: 3, created: 1, failed: 2, errorCount: 1 });
    expect((await variantsOf(a.sellerId)).map((v) => plain(v.sku))).toEqual(["D-1"]);
    const report = await catalogImportErrorReport(t.deps, a, { id: result.id });
    expect(report.body).toBe("row,column,message\n3,price_rupees,Price is rupees like 899 or 899.50\n");
  });

  it("a rule of the product editor (two variants with the same options) is reported on its cell", async () => {
    const a = await shop();
    const result = await upload(a, csv(row("kurta", "K-S", "S"), row("kurta", "K-S2", "S")));
    expect(result).toMatchObject({ created: 0, failed: 2 });
    const report = await catalogImportErrorReport(t.deps, a, { id: result.id });
    expect(report.body).toContain("3,option1_value,Another variant has the same options");
  });

  it("refuses a SKU another shop uses: no takeover, no change to that shop's variant", async () => {
    const a = await shop();
    const b = await shop();
    await upload(a, csv(row("kurta", "SHARED-1", "S")));
    const result = await upload(b, csv(row("mine", "SHARED-1", "S", "1.00")));
    expect(result).toMatchObject({ created: 0, updated: 0, failed: 1 });
    const report = await catalogImportErrorReport(t.deps, b, { id: result.id });
    expect(report.body).toContain("2,sku,This SKU belongs to another shop");
    expect((await variantsOf(a.sellerId))[0]!.price).toBe(89_900);
    expect(await variantsOf(b.sellerId)).toHaveLength(0);
  });

  it("a file without the required columns fails with a message and changes nothing", async () => {
    const a = await shop();
    const result = await upload(a, Buffer.from("title,sku\nKurta,K-1\n"));
    expect(result.status).toBe("failed");
    expect(result.message).toContain("handle, category, price_rupees");
    expect(await variantsOf(a.sellerId)).toHaveLength(0);
  });

  it("an import left running by a process that died reads as stopped after half an hour", async () => {
    const a = await shop();
    const [row] = await t.deps.db
      .insert(catalogImports)
      .values({
        sellerId: a.sellerId,
        userId: a.userId,
        filename: "big.csv",
        fileSha256: "x",
        createdAt: new Date(t.deps.now().getTime() - 31 * 60_000),
      })
      .returning();
    const got = await getCatalogImport(t.deps, a, { id: row!.id });
    expect(got.status).toBe("failed");
    expect(got.message).toContain("Upload the file again");
  });

  it("a shop cannot read another shop's import or its error report", async () => {
    const a = await shop();
    const b = await shop();
    const result = await upload(a, csv(row("kurta", "K-S", "S")));
    await expect(getCatalogImport(t.deps, b, { id: result.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      reason: "catalog_import.not_found",
    });
    await expect(catalogImportErrorReport(t.deps, b, { id: result.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      reason: "catalog_import.not_found",
    });
    expect((await listCatalogImports(t.deps, b, {})).items).toEqual([]);
    expect((await listCatalogImports(t.deps, a, {})).items.map((i) => i.id)).toEqual([result.id]);
  });
});
