import { products, productVariants, sellers } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { productBySlug } from "./product-by-slug";

let t: TestContext;
let fx: ReturnType<typeof catalogFixture>;
let women: { id: string; slug: string };
let sarees: { id: string; slug: string };
let silk: { id: string; slug: string };
let shop: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestContext();
  fx = catalogFixture(t.deps);
  women = await fx.category("Women");
  sarees = await fx.category("Sarees", women);
  silk = await fx.category("Silk Sarees", sarees);
  shop = await fx.seller({ name: "Lakshmi Silks" });
});
afterAll(() => t.close());

const bySlug = (slug: string) => productBySlug(t.deps, { slug });

describe("productBySlug", () => {
  it("returns the product page: ordered active variants and images, seller, rating, category path", async () => {
    const p = await fx.product({
      seller: shop,
      category: silk,
      title: "Kanjeevaram Silk Saree",
      brand: "Lakshmi",
      description: "Pure mulberry silk with zari border.",
      variants: [
        { price: 1_250_000, stock: 2, compareAtPrice: 1_500_000 },
        { price: 1_100_000, stock: 0, compareAtPrice: 1_300_000 },
        { price: 900_000, stock: 9, active: false },
      ],
      images: ["http://m.test/front.png", "http://m.test/back.png"],
      ratingAvg: 4.7,
      ratingCount: 31,
      tags: ["silk", "wedding"],
    });
    // Positions decide the order, not insertion.
    await t.deps.db.update(productVariants).set({ position: 5 }).where(eq(productVariants.price, 1_250_000));
    const d = await bySlug(p.slug);
    expect(d).toMatchObject({
      id: p.id,
      slug: p.slug,
      title: "Kanjeevaram Silk Saree",
      brand: "Lakshmi",
      description: "Pure mulberry silk with zari border.",
      minPrice: 1_100_000,
      maxPrice: 1_250_000,
      compareAtPrice: 1_300_000,
      currency: "INR",
      imageUrl: "http://m.test/front.png",
      ratingAvg: 4.7,
      ratingCount: 31,
      inStock: true,
      seller: { slug: shop.slug, shopName: "Lakshmi Silks" },
      tags: ["silk", "wedding"],
      gstRateBps: 1800,
      category: {
        id: silk.id,
        slug: silk.slug,
        name: "Silk Sarees",
        path: [
          { slug: women.slug, name: "Women" },
          { slug: sarees.slug, name: "Sarees" },
          { slug: silk.slug, name: "Silk Sarees" },
        ],
      },
    });
    expect(d.variants.map((v) => v.price)).toEqual([1_100_000, 1_250_000]);
    expect(d.variants[0]).toEqual({
      id: expect.any(String),
      sku: expect.any(String),
      optionValues: { Size: "M" },
      price: 1_100_000,
      compareAtPrice: 1_300_000,
      stock: 0,
      weightGrams: null,
      position: 1,
      salePrice: null,
      saleEndsAt: null,
    });
    expect(d.images.map((i) => [i.url, i.position])).toEqual([
      ["http://m.test/front.png", 0],
      ["http://m.test/back.png", 1],
    ]);
  });

  it("relates up to 8 public products of the same category, best sellers first, never itself", async () => {
    const main = await fx.product({ seller: shop, category: sarees, title: "Banarasi Saree" });
    for (let i = 0; i < 10; i++)
      await fx.product({ seller: shop, category: sarees, title: `Related Saree ${i}`, soldCount: i });
    await fx.product({
      seller: shop,
      category: sarees,
      title: "Draft Saree",
      status: "draft",
      soldCount: 99,
    });
    const hidden = await fx.seller({ name: "Suspended", status: "suspended" });
    await fx.product({ seller: hidden, category: sarees, title: "Suspended Saree", soldCount: 99 });
    await fx.product({ seller: shop, category: women, title: "Other Category", soldCount: 99 });
    const d = await bySlug(main.slug);
    expect(d.related.map((r) => r.title)).toEqual([9, 8, 7, 6, 5, 4, 3, 2].map((i) => `Related Saree ${i}`));
    expect(d.related[0]).toMatchObject({ currency: "INR", seller: { slug: shop.slug }, minPrice: 99_900 });
  });

  it("is NOT_FOUND for missing, unapproved, archived or suspended-seller products", async () => {
    const draft = await fx.product({ seller: shop, category: sarees, title: "Draft", status: "draft" });
    const pending = await fx.product({
      seller: shop,
      category: sarees,
      title: "Pending",
      status: "pending_review",
    });
    const archived = await fx.product({
      seller: shop,
      category: sarees,
      title: "Archived",
      status: "archived",
    });
    const pendingShop = await fx.seller({ status: "pending" });
    const ofPending = await fx.product({ seller: pendingShop, category: sarees, title: "Of pending shop" });
    for (const slug of ["no-such-product", draft.slug, pending.slug, archived.slug, ofPending.slug]) {
      await expect(bySlug(slug)).rejects.toMatchObject({ code: "NOT_FOUND", reason: "product.not_found" });
    }
  });

  it("hides a product as soon as its seller is suspended, and shows it again on reinstatement", async () => {
    const other = await fx.seller({ name: "Soon Suspended" });
    const p = await fx.product({ seller: other, category: sarees, title: "Chanderi Saree" });
    await expect(bySlug(p.slug)).resolves.toMatchObject({ title: "Chanderi Saree" });
    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, other.id));
    await t.deps.cache.bump("catalog");
    await expect(bySlug(p.slug)).rejects.toMatchObject({ reason: "product.not_found" });
    await t.deps.db.update(sellers).set({ status: "approved" }).where(eq(sellers.id, other.id));
    await t.deps.cache.bump("catalog");
    await expect(bySlug(p.slug)).resolves.toMatchObject({ title: "Chanderi Saree" });
  });

  it("caches pages, including not-found answers, until the catalogue changes", async () => {
    const p = await fx.product({
      seller: shop,
      category: sarees,
      title: "Paithani Saree",
      status: "pending_review",
    });
    await expect(bySlug(p.slug)).rejects.toMatchObject({ reason: "product.not_found" });
    await t.deps.db.update(products).set({ status: "approved" }).where(eq(products.id, p.id));
    await expect(bySlug(p.slug)).rejects.toMatchObject({ reason: "product.not_found" });
    await t.deps.cache.bump("catalog");
    expect((await bySlug(p.slug)).minPrice).toBe(99_900);
    await t.deps.db.update(products).set({ minPrice: 89_900 }).where(eq(products.id, p.id));
    await t.deps.cache.bump("catalog");
    expect((await bySlug(p.slug)).minPrice).toBe(89_900);
  });

  it("rejects a blank or overlong slug", async () => {
    await expect(bySlug("  ")).rejects.toBeInstanceOf(ZodError);
    await expect(bySlug("x".repeat(201))).rejects.toBeInstanceOf(ZodError);
  });
});
