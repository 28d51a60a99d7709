import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  categoryTree,
  createShopForSeed,
  createVerifiedUser,
  listProducts,
  productBySlug,
  searchSuggest,
} from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import { seedBulkCatalog } from "../src/seed-catalog-bulk";
import { CATALOG_TREE, generateProduct, LEAVES, productPng } from "../src/seed-catalog-data";
import { DEMO_PRODUCT_COUNT, seedDemoCatalog } from "../src/seed-catalog-demo";

/**
 * Seeding looks at the whole catalogue (is it empty? how many products are there?), so each
 * test that seeds gets a database of its own.
 */
async function ownCatalog(): Promise<TestContext> {
  const t = await createTestContext();
  onTestFinished(() => t.close());
  return t;
}

async function shop(t: TestContext, name: string, slug: string) {
  const email = `${slug}@example.com`;
  const user = await createVerifiedUser(t.deps, { email, name, password: "pass-word-1", role: "seller" });
  const { seller } = await createShopForSeed(t.deps, {
    userId: user.id,
    shopName: name,
    slug,
    contactEmail: email,
    contactPhone: "9829012345",
    pickupAddress: {
      name,
      phone: "9829012345",
      line1: "1 MG Road",
      city: "Jaipur",
      state: "Rajasthan",
      pincode: "302001",
    },
    bankAccount: { holder: name, number: "123456789012", ifsc: "SBIN0031234" },
  });
  return seller;
}

describe("catalogue data", () => {
  it("is a tree of about 30 categories with Indian retail words", () => {
    const count = CATALOG_TREE.length + LEAVES.length;
    expect(count).toBeGreaterThanOrEqual(28);
    expect(count).toBeLessThanOrEqual(34);
    const words = LEAVES.flatMap((l) => [...l.nouns, ...l.kinds]).join(" ");
    for (const w of ["Kurta", "Saree", "Dupatta", "Jhumka", "Masala", "Tea", "Brass", "Handloom"])
      expect(words).toContain(w);
  });

  it("generates the same product for the same number, priced in whole rupees ending in 99", () => {
    expect(generateProduct(42)).toEqual(generateProduct(42));
    // Every kind of product, in every leaf.
    for (let n = 1; n <= LEAVES.length * 3; n++) {
      const p = generateProduct(n);
      expect(p.variants).toHaveLength(3);
      expect(new Set(p.variants.map((v) => v.sku)).size).toBe(3);
      for (const [i, v] of p.variants.entries()) {
        expect(Number.isInteger(v.price)).toBe(true);
        expect((v.price / 100) % 50).toBe(49);
        if (i > 0) expect(v.price).toBeGreaterThan(p.variants[i - 1]!.price);
        if (v.compareAtPrice !== null) expect(v.compareAtPrice).toBeGreaterThan(v.price);
      }
    }
  });

  it("draws real PNGs", () => {
    const png = productPng([200, 40, 70], 3, 32);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(32); // IHDR width
    expect(png.readUInt32BE(20)).toBe(32);
  });
});

describe("seedDemoCatalog", () => {
  it("fills the demo shops with a few hundred public products, variants, stock and images", async () => {
    const t = await ownCatalog();
    const ravi = await shop(t, "Ravi Textiles", "ravi-textiles");
    const meera = await shop(t, "Meera Handicrafts", "meera-handicrafts");
    const added = await seedDemoCatalog(t.deps, { sellerIds: [ravi.id, meera.id] });
    expect(added).toBe(DEMO_PRODUCT_COUNT);

    const tree = await categoryTree(t.deps);
    expect(tree.map((c) => c.slug)).toEqual(CATALOG_TREE.map((r) => r.slug));
    const all = await listProducts(t.deps, { limit: 60 });
    expect(all.total).toBe(DEMO_PRODUCT_COUNT);
    expect(all.facets.categories).toHaveLength(CATALOG_TREE.length);
    expect(all.items.some((i) => i.compareAtPrice !== null)).toBe(true);

    // Textiles to the first shop, crafts, home and pantry to the second.
    const sarees = await listProducts(t.deps, { category: "sarees", limit: 60 });
    expect(sarees.items.every((i) => i.seller.slug === "ravi-textiles")).toBe(true);
    const brass = await listProducts(t.deps, { category: "brassware", limit: 60 });
    expect(brass.items.every((i) => i.seller.slug === "meera-handicrafts")).toBe(true);
    expect((await listProducts(t.deps, { featured: true })).total).toBeGreaterThanOrEqual(10);

    const card = all.items[0]!;
    expect(card.imageUrl).toMatch(/^http:\/\/api\.test\/media\/demo\/.+-1\.png$/);
    const file = join(t.mediaDir, card.imageUrl!.replace("http://api.test/media/", ""));
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");

    const page = await productBySlug(t.deps, { slug: card.slug });
    expect(page.images).toHaveLength(2);
    expect(page.variants.length).toBeGreaterThanOrEqual(2);
    expect(page.variants.map((v) => v.position)).toEqual([...page.variants.keys()]);
    expect(page.category.path.length).toBe(2);
    expect(page.hsnCode).toMatch(/^\d{4}$/);

    expect((await searchSuggest(t.deps, { q: "sare" })).length).toBeGreaterThan(0);
    expect((await listProducts(t.deps, { q: "jhumkaa" })).total).toBeGreaterThan(0);
  });

  it("does nothing the second time, or without shops", async () => {
    const t = await ownCatalog();
    const ravi = await shop(t, "Ravi Textiles", "ravi-textiles");
    expect(await seedDemoCatalog(t.deps, { sellerIds: [ravi.id], count: 12 })).toBe(12);
    const [first] = (await listProducts(t.deps, { limit: 1 })).items;
    const shops = await t.deps.db.query.sellers.findMany({ columns: { id: true } });
    expect(await seedDemoCatalog(t.deps, { sellerIds: shops.map((s) => s.id) })).toBe(0);
    expect(await seedDemoCatalog(t.deps, { sellerIds: [] })).toBe(0);
    expect((await listProducts(t.deps, { limit: 1 })).items[0]!.id).toBe(first!.id);
  });
});

describe("seedBulkCatalog", () => {
  it("adds shops and products up to the number asked, and tops up on a re-run", async () => {
    const t = await ownCatalog();
    const before = (await listProducts(t.deps, {})).total;
    const phases = new Set<string>();
    const first = await seedBulkCatalog(t.deps, {
      products: 150,
      sellers: 3,
      batchSize: 40,
      onProgress: (e) => phases.add(e.phase),
    });
    expect(first).toEqual({ added: 150, total: 150 });
    expect([...phases]).toEqual(["sellers", "images", "products", "vacuum"]);
    expect((await listProducts(t.deps, {})).total).toBe(before + 150);
    const again = await seedBulkCatalog(t.deps, { products: 180, sellers: 3 });
    expect(again).toEqual({ added: 30, total: 180 });
    expect((await listProducts(t.deps, {})).total).toBe(before + 180);

    const shops = await t.deps.db.query.sellers.findMany({
      where: (s, { like }) => like(s.contactEmail, "%@seed.bazaar.local"),
    });
    expect(shops).toHaveLength(3);
    expect(shops.every((s) => s.status === "approved")).toBe(true);
    const seeded = await listProducts(t.deps, { seller: shops[0]!.slug, limit: 60 });
    expect(seeded.items.length).toBeGreaterThan(0);
    const page = await productBySlug(t.deps, { slug: seeded.items[0]!.slug });
    expect(page.variants).toHaveLength(3);
    expect(page.images).toHaveLength(1);
    expect(existsSync(join(t.mediaDir, page.images[0]!.url.replace("http://api.test/media/", "")))).toBe(
      true,
    );
  });
});
