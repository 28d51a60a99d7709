import { products } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelMyOrder } from "../orders";
import { createTestContext, orderFixture, type TestContext } from "../testing";
import { catalogFixture } from "../testing/catalog-fixture";
import { listProducts } from "./browse/list-products";
import { productBySlug } from "./browse/product-by-slug";

let t: TestContext;
let o: ReturnType<typeof orderFixture>;
beforeAll(async () => {
  t = await createTestContext();
  o = orderFixture(t);
});
afterAll(() => t.close());

/**
 * A title changed behind the cache's back (no invalidation): a page still showing the old
 * title was served from the cache, one showing the new title was read again.
 */
const retitle = (id: string, title: string) =>
  t.deps.db.update(products).set({ title }).where(eq(products.id, id));

describe("storefront cache: what an order invalidates", () => {
  it("an order for product A drops the pages showing A and keeps the others cached (B's list page, C's page)", async () => {
    const shop = await o.shop("Invalidation Looms");
    const a = await o.variant(shop, 90_000, 2, "Indigo Kurta A");
    const b = await o.variant(shop, 10_000, 5, "Madder Dupatta B");
    const buyer = await o.customer();
    const onlyB = { seller: shop.slug, maxPrice: 20_000 };
    const onlyA = { seller: shop.slug, minPrice: 50_000 };
    const byB = await listProducts(t.deps, onlyB);
    const byA = await listProducts(t.deps, onlyA);
    expect(byB.items.map((i) => i.title)).toEqual(["Madder Dupatta B"]);
    expect(byA.items.map((i) => ({ title: i.title, inStock: i.inStock }))).toEqual([
      { title: "Indigo Kurta A", inStock: true },
    ]);
    // C: another category, so A is not among its page's related products (B's page has A there).
    const fx = catalogFixture(t.deps);
    const c = await fx.product({
      seller: shop,
      category: await fx.category("Brassware"),
      title: "Brass Lota C",
      variants: [{ price: 30_000, stock: 3 }],
    });
    const pageC = await productBySlug(t.deps, { slug: c.slug });
    const pageB = await productBySlug(t.deps, { slug: b.product.slug });
    expect(pageB.related.map((r) => r.id)).toContain(a.product.id);
    expect((await productBySlug(t.deps, { slug: a.product.slug })).variants[0]!.stock).toBe(2);

    await retitle(b.product.id, "Madder Dupatta B (renamed)");
    await retitle(c.id, "Brass Lota C (renamed)");
    await retitle(a.product.id, "Indigo Kurta A (renamed)");
    await o.checkout(buyer, [[a.id, 2]]);

    // B's list page and C's product page: still the cached ones.
    expect((await listProducts(t.deps, onlyB)).items.map((i) => i.title)).toEqual(["Madder Dupatta B"]);
    expect(await productBySlug(t.deps, { slug: c.slug })).toEqual(pageC);
    // B's page shows A's card among related products, so it was read again.
    const pageB2 = await productBySlug(t.deps, { slug: b.product.slug });
    expect(pageB2.title).toBe("Madder Dupatta B (renamed)");
    expect(pageB2.related.find((r) => r.id === a.product.id)?.inStock).toBe(false);
    // A's: read again, sold out.
    expect(
      (await listProducts(t.deps, onlyA)).items.map((i) => ({ title: i.title, inStock: i.inStock })),
    ).toEqual([{ title: "Indigo Kurta A (renamed)", inStock: false }]);
    const pageA = await productBySlug(t.deps, { slug: a.product.slug });
    expect(pageA.variants[0]!.stock).toBe(0);
    // An in-stock listing no longer shows A, even where the cached page did.
    expect(
      (await listProducts(t.deps, { seller: shop.slug, inStock: true })).items.map((i) => i.id).sort(),
    ).toEqual([b.product.id, c.id].sort());
  });

  it("a cancellation puts A back in stock on its pages, and B's page stays cached", async () => {
    const shop = await o.shop("Restock Looms");
    const a = await o.variant(shop, 90_000, 1, "Ikat Saree A");
    const b = await o.variant(shop, 10_000, 5, "Ikat Stole B");
    const buyer = await o.customer();
    const order = await o.checkout(buyer, [[a.id, 1]]);
    const onlyB = { seller: shop.slug, maxPrice: 20_000 };
    expect((await listProducts(t.deps, { seller: shop.slug, inStock: true })).items.map((i) => i.id)).toEqual(
      [b.product.id],
    );
    await listProducts(t.deps, onlyB);
    await retitle(b.product.id, "Ikat Stole B (renamed)");

    await cancelMyOrder(t.deps, buyer.actor, { orderId: order.id, reason: "Ordered by mistake" });

    expect((await productBySlug(t.deps, { slug: a.product.slug })).variants[0]!.stock).toBe(1);
    expect(
      (await listProducts(t.deps, { seller: shop.slug, inStock: true })).items.map((i) => i.id).sort(),
    ).toEqual([a.product.id, b.product.id].sort());
    expect((await listProducts(t.deps, onlyB)).items.map((i) => i.title)).toEqual(["Ikat Stole B"]);
  });
});
