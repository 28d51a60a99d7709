import { type Database, products } from "@bazaar/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { listProducts } from "./list-products";
import { SEARCH_CANDIDATES } from "./queries";

let t: TestContext;
let category: { id: string; slug: string };
let other: { id: string; slug: string };
let shop: { id: string; slug: string };

/**
 * A broad word: more description-only matches than the candidate cap, inserted before the
 * few products that have the word in their title, so the index's physical order would put
 * the title matches last.
 */
beforeAll(async () => {
  t = await createTestContext();
  const fx = catalogFixture(t.deps);
  category = await fx.category("Teaware");
  other = await fx.category("Kitchen");
  shop = await fx.seller({ name: "Broad Word Traders" });
  const n = SEARCH_CANDIDATES + 40;
  await t.deps.db.insert(products).values(
    Array.from({ length: n }, (_, i) => ({
      sellerId: shop.id,
      slug: `plain-mug-${i}`,
      title: `Plain Mug ${i}`,
      description: "Goes well with a teapot.",
      categoryId: i % 2 ? category.id : other.id,
      brand: i % 3 ? "Clayworks" : "Potters Guild",
      status: "approved" as const,
      minPrice: 10_000 + i,
      maxPrice: 10_000 + i,
      totalStock: 5,
    })),
  );
  for (const [i, title] of ["Brass Teapot", "Copper Teapot", "Glass Teapot"].entries())
    await fx.product({
      seller: shop,
      category,
      title,
      brand: "Kettle Co",
      variants: [{ price: 30_000 + i }],
    });
});
afterAll(() => t.close());

/** The deps with every statement the database runs counted. */
function counting(): { deps: TestContext["deps"]; statements: () => number } {
  let n = 0;
  const db = new Proxy(t.deps.db, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (key === "execute" && typeof v === "function")
        return (...args: unknown[]) => {
          n++;
          return v.apply(target, args);
        };
      // On PostgreSQL a named prepared statement goes to the pool directly (queries.ts).
      if (key === "$client" && v && typeof v === "object")
        return new Proxy(v, {
          get(pool, k, r) {
            const f = Reflect.get(pool, k, r);
            if (k !== "query" || typeof f !== "function") return f;
            return (...args: unknown[]) => {
              n++;
              return f.apply(pool, args);
            };
          },
        });
      return v;
    },
  }) as Database;
  return { deps: { ...t.deps, db }, statements: () => n };
}

describe("listProducts: a broad search", () => {
  it("ranks the title matches first though hundreds of description-only matches came before them", async () => {
    const page = await listProducts(t.deps, { q: "teapot", limit: 5 });
    expect(
      page.items
        .slice(0, 3)
        .map((i) => i.title)
        .sort(),
    ).toEqual(["Brass Teapot", "Copper Teapot", "Glass Teapot"]);
    expect(page.items[3]?.title).toMatch(/^Plain Mug/);
  });

  it("leaves out what a query excludes, typo-tolerant half included", async () => {
    const titles = async (q: string) =>
      (await listProducts(t.deps, { q, limit: 5 })).items.map((i) => i.title);
    expect(await titles("teapot")).toContain("Brass Teapot");
    for (const q of ["teapot -brass", 'teapot -"brass"', "teapott -brass"]) {
      const found = await titles(q);
      expect(found, q).toContain("Copper Teapot");
      expect(found, q).not.toContain("Brass Teapot");
    }
    // An excluded phrase excludes it whole: its last word is not a word the match needs.
    const found = await titles('teapott -"glass mug"');
    expect(found).toEqual(expect.arrayContaining(["Brass Teapot", "Copper Teapot", "Glass Teapot"]));
  });

  it("answers a query with a long run of minus signs, as the one or no 'not' it means", async () => {
    const page = (q: string) => listProducts(t.deps, { q, limit: 5 });
    const plain = await page("teapot");
    expect(plain.items.length).toBeGreaterThan(0);
    // 40 signs: an even run, so no "not" at all (the parser fails past 32 stacked ones).
    expect((await page(`${"-".repeat(40)}teapot`)).items).toEqual(plain.items);
    // 33 spaced signs: an odd run, one "not".
    const titles = (await page(`teapot ${"- ".repeat(33)}brass`)).items.map((i) => i.title);
    expect(titles).toContain("Copper Teapot");
    expect(titles).not.toContain("Brass Teapot");
  });

  it("says its total is a lower bound past the candidate cap, and counts facets over the candidates", async () => {
    const page = await listProducts(t.deps, { q: "teapot", limit: 5 });
    expect(page.total).toBe(SEARCH_CANDIDATES);
    expect(page.totalIsLowerBound).toBe(true);
    const brands = Object.fromEntries(page.facets.brands.map((b) => [b.brand, b.count]));
    expect(brands["Kettle Co"]).toBe(3);
    expect(page.facets.brands.reduce((s, b) => s + b.count, 0)).toBe(SEARCH_CANDIDATES);
    // The same search sorted by price counts the same candidates.
    const byPrice = await listProducts(t.deps, { q: "teapot", sort: "price_asc", limit: 5 });
    expect(byPrice.total).toBe(SEARCH_CANDIDATES);
    expect(byPrice.totalIsLowerBound).toBe(true);
  });

  it("gives an exact total when the matches fit under the cap", async () => {
    const page = await listProducts(t.deps, { q: "teapot", brand: ["kettle co"] });
    expect(page.total).toBe(3);
    expect(page.totalIsLowerBound).toBe(false);
    // The brand facet still counts the other brands' candidates, to add them.
    expect(page.facets.brands.map((b) => b.brand)).toContain("Clayworks");
    const narrow = await listProducts(t.deps, { q: "copper" });
    expect([narrow.total, narrow.totalIsLowerBound]).toEqual([1, false]);
    const browse = await listProducts(t.deps, { category: category.slug });
    expect(browse.totalIsLowerBound).toBe(false);
    expect(browse.total).toBe((SEARCH_CANDIDATES + 40) / 2 + 3);
  });

  it("runs one statement per new search: page, total and facets together", async () => {
    await listProducts(t.deps, { q: "warmup" }); // categories cached
    const { deps, statements } = counting();
    const page = await listProducts(deps, { q: "glass teapot", maxPrice: 999_999 });
    expect(page.items.map((i) => i.title)).toEqual(["Glass Teapot"]);
    expect(statements()).toBe(1);
  });
});
