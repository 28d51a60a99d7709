import { productImages, products, productVariants, sellers } from "@bazaar/db";
import type { ProductCardDto, ProductListInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { ZodError } from "zod";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { compiledBrowseQuery } from "./compiled-sql";
import { listProducts } from "./list-products";

type Fixture = ReturnType<typeof catalogFixture>;
type Rows = Record<string, { id: string; slug: string }>;
let t: TestContext;
let fx: Fixture;
let cats: Rows;
let shops: Rows;

const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const list = (input: ProductListInput = {}) => listProducts(t.deps, input);
const titles = (items: ProductCardDto[]) => items.map((i) => i.title);

/** Every page of a listing, following nextCursor. */
async function allPages(input: ProductListInput) {
  const seen: ProductCardDto[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await list({ ...input, cursor });
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

/** The catalogue most tests read: categories, shops and products, public and not. */
async function seedCatalogue(fx: Fixture): Promise<{ cats: Rows; shops: Rows }> {
  const cats: Rows = {};
  const shops: Rows = {};
  cats.women = await fx.category("Women", undefined, 0);
  cats.home = await fx.category("Home", undefined, 1);
  cats.kurtas = await fx.category("Kurtas", cats.women, 0);
  cats.sarees = await fx.category("Sarees", cats.women, 1);
  cats.silk = await fx.category("Silk Sarees", cats.sarees, 0);
  cats.brass = await fx.category("Brassware", cats.home, 0);
  shops.ravi = await fx.seller({ name: "Ravi Textiles" });
  shops.meera = await fx.seller({ name: "Meera Handicrafts" });
  shops.gone = await fx.seller({ name: "Suspended Shop", status: "suspended" });
  shops.pending = await fx.seller({ name: "Pending Shop", status: "pending" });

  const { ravi, meera, gone, pending } = shops as Record<string, { id: string }>;
  const { kurtas, sarees, silk, brass } = cats as Record<string, { id: string }>;
  const p = fx.product;
  await p({
    seller: ravi!,
    category: kurtas!,
    title: "Handloom Cotton Kurta",
    brand: "Fabindia",
    variants: [
      { price: 89_900, stock: 4, compareAtPrice: 119_900 },
      { price: 99_900, stock: 0 },
    ],
    ratingAvg: 4.5,
    ratingCount: 20,
    soldCount: 120,
    createdAt: day(1),
    images: ["http://m.test/k2.png", "http://m.test/k1.png"],
  });
  await p({
    seller: ravi!,
    category: kurtas!,
    title: "Chikankari Kurta",
    brand: "fabindia",
    variants: [{ price: 149_900, stock: 2 }],
    ratingAvg: 4.8,
    ratingCount: 5,
    soldCount: 40,
    createdAt: day(2),
    featured: true,
  });
  await p({
    seller: meera!,
    category: kurtas!,
    title: "Block Print Kurti",
    brand: "Anokhi",
    variants: [{ price: 45_000, stock: 0 }],
    ratingAvg: 3.9,
    ratingCount: 11,
    soldCount: 300,
    createdAt: day(3),
  });
  await p({
    seller: meera!,
    category: sarees!,
    title: "Banarasi Saree",
    brand: "Weavers Co",
    variants: [{ price: 650_000, stock: 1 }],
    ratingAvg: 4.8,
    ratingCount: 9,
    soldCount: 15,
    createdAt: day(4),
  });
  await p({
    seller: ravi!,
    category: silk!,
    title: "Kanjeevaram Silk Saree",
    brand: "Weavers Co",
    variants: [{ price: 1_250_000, stock: 3 }],
    ratingAvg: 5,
    ratingCount: 2,
    soldCount: 8,
    createdAt: day(5),
  });
  await p({
    seller: meera!,
    category: brass!,
    title: "Brass Diya Set",
    brand: "Moradabad Metals",
    description: "Five hand-polished lamps, lovely beside a kurta-clad puja table.",
    variants: [{ price: 89_900, stock: 10 }],
    ratingAvg: 4.1,
    ratingCount: 30,
    soldCount: 120,
    createdAt: day(6),
  });
  await p({
    seller: meera!,
    category: brass!,
    title: "Brass Urli Bowl",
    brand: null,
    variants: [{ price: 250_000, stock: 6 }],
    ratingAvg: 0,
    ratingCount: 0,
    soldCount: 0,
    createdAt: day(7),
  });
  // Never public: the product's status, or its seller's.
  for (const status of ["draft", "pending_review", "rejected", "archived"] as const)
    await p({ seller: ravi!, category: kurtas!, title: `Hidden ${status} Kurta`, status, createdAt: day(8) });
  await p({ seller: gone!, category: kurtas!, title: "Suspended Seller Kurta", createdAt: day(8) });
  await p({ seller: pending!, category: kurtas!, title: "Pending Seller Kurta", createdAt: day(8) });
  // No active variant, so no price: not listable.
  await p({
    seller: ravi!,
    category: kurtas!,
    title: "Unpriced Kurta",
    variants: [{ price: 500, active: false }],
  });
  return { cats, shops };
}

// Built once and only read: tests count it, so a test that adds a product takes a catalogue
// of its own (ownCatalogue) instead of adding to this one.
beforeAll(async () => {
  t = await createTestContext();
  fx = catalogFixture(t.deps);
  ({ cats, shops } = await seedCatalogue(fx));
});
afterAll(() => t.close());

/** A database of one test's own, with the same catalogue seeded when asked. */
async function ownCatalogue(seeded = true) {
  const own = await createTestContext();
  onTestFinished(() => own.close());
  const ownFx = catalogFixture(own.deps);
  return {
    t: own,
    fx: ownFx,
    list: (input: ProductListInput = {}) => listProducts(own.deps, input),
    ...(seeded ? await seedCatalogue(ownFx) : { cats: {} as Rows, shops: {} as Rows }),
  };
}

const PUBLIC = [
  "Handloom Cotton Kurta",
  "Chikankari Kurta",
  "Block Print Kurti",
  "Banarasi Saree",
  "Kanjeevaram Silk Saree",
  "Brass Diya Set",
  "Brass Urli Bowl",
];

describe("listProducts: visibility", () => {
  it("lists only approved products of approved sellers that have a price", async () => {
    const res = await list({ limit: 60 });
    expect(titles(res.items).sort()).toEqual([...PUBLIC].sort());
    expect(res.total).toBe(PUBLIC.length);
    const text = await list({ q: "kurta", limit: 60 });
    expect(titles(text.items)).not.toContain("Suspended Seller Kurta");
    expect(titles(text.items).some((x) => x.startsWith("Hidden"))).toBe(false);
  });

  it("builds cards: cheapest variant's compare-at price, first image, seller, stock", async () => {
    const { items } = await list({ q: "handloom cotton kurta" });
    expect(items[0]).toMatchObject({
      title: "Handloom Cotton Kurta",
      brand: "Fabindia",
      minPrice: 89_900,
      maxPrice: 99_900,
      compareAtPrice: 119_900,
      currency: "INR",
      imageUrl: "http://m.test/k2.png",
      ratingAvg: 4.5,
      ratingCount: 20,
      inStock: true,
      seller: { slug: shops.ravi!.slug, shopName: "Ravi Textiles" },
    });
  });

  it("keeps a card's compare-at price and image in step with variant and image edits, not stock", async () => {
    const shop = await fx.seller({ name: "Card Shop" });
    // Other tests count the whole catalogue: the shop leaves it again.
    onTestFinished(async () => {
      await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, shop.id));
      await t.deps.cache.bump("catalog");
    });
    const p = await fx.product({
      seller: shop,
      category: cats.brass!,
      title: "Brass Diya Pair",
      variants: [
        { price: 50_000, stock: 3, compareAtPrice: 70_000 },
        { price: 60_000, stock: 1, compareAtPrice: 90_000 },
      ],
      images: ["http://m.test/d1.png", "http://m.test/d2.png"],
    });
    // A new limit each time: a new page, not the cached one.
    const card = async (limit: number) => (await list({ seller: shop.slug, limit })).items[0];
    expect(await card(1)).toMatchObject({ compareAtPrice: 70_000, imageUrl: "http://m.test/d1.png" });
    const [cheap, dear] = await t.deps.db
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, p.id))
      .orderBy(productVariants.price);
    // A stock change leaves the card as it was.
    await t.deps.db.update(productVariants).set({ stock: 0 }).where(eq(productVariants.id, cheap!.id));
    expect(await card(2)).toMatchObject({ compareAtPrice: 70_000, imageUrl: "http://m.test/d1.png" });
    await t.deps.db
      .update(productVariants)
      .set({ compareAtPrice: 80_000 })
      .where(eq(productVariants.id, cheap!.id));
    expect((await card(3))?.compareAtPrice).toBe(80_000);
    // The cheapest active variant decides: deactivated, the next one's compare-at shows.
    await t.deps.db.update(productVariants).set({ active: false }).where(eq(productVariants.id, cheap!.id));
    expect((await card(4))?.compareAtPrice).toBe(dear!.compareAtPrice);
    // Images: the lowest position shows, and none once all are gone.
    await t.deps.db
      .update(productImages)
      .set({ position: 9 })
      .where(and(eq(productImages.productId, p.id), eq(productImages.position, 0)));
    expect((await card(5))?.imageUrl).toBe("http://m.test/d2.png");
    await t.deps.db.delete(productImages).where(eq(productImages.productId, p.id));
    expect((await card(6))?.imageUrl).toBeNull();
  });

  it("hides a seller's products as soon as the seller is suspended", async () => {
    const shop = await fx.seller({ name: "Soon Suspended" });
    await fx.product({ seller: shop, category: cats.brass!, title: "Peacock Brass Lamp" });
    const before = await list({ seller: shop.slug });
    expect(titles(before.items)).toEqual(["Peacock Brass Lamp"]);
    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, shop.id));
    await t.deps.cache.bump("catalog");
    const after = await list({ seller: shop.slug });
    expect(after.items).toEqual([]);
    expect(after.total).toBe(0);
    expect((await list({ q: "peacock lamp" })).items).toEqual([]);
  });
});

describe("listProducts: filters", () => {
  it("filters by category including every descendant", async () => {
    expect(titles((await list({ category: cats.sarees!.slug, sort: "newest" })).items)).toEqual([
      "Kanjeevaram Silk Saree",
      "Banarasi Saree",
    ]);
    expect(titles((await list({ category: cats.women!.slug, limit: 60 })).items)).toHaveLength(5);
    expect((await list({ category: "no-such-category" })).items).toEqual([]);
  });

  it("filters by seller, brand (any case, several), price range, rating, stock and featured", async () => {
    const meera = await list({ seller: shops.meera!.slug, limit: 60 });
    expect(titles(meera.items).sort()).toEqual([
      "Banarasi Saree",
      "Block Print Kurti",
      "Brass Diya Set",
      "Brass Urli Bowl",
    ]);
    const brands = await list({ brand: ["FABINDIA", "Anokhi"], sort: "price_asc" });
    expect(titles(brands.items)).toEqual(["Block Print Kurti", "Handloom Cotton Kurta", "Chikankari Kurta"]);
    const priced = await list({ minPrice: 89_900, maxPrice: 250_000, sort: "price_asc" });
    expect(priced.items.map((i) => i.minPrice)).toEqual([89_900, 89_900, 149_900, 250_000]);
    const rated = await list({ minRating: 4.8, sort: "newest" });
    expect(titles(rated.items)).toEqual(["Kanjeevaram Silk Saree", "Banarasi Saree", "Chikankari Kurta"]);
    const stocked = await list({ inStock: true, category: cats.kurtas!.slug });
    expect(titles(stocked.items).sort()).toEqual(["Chikankari Kurta", "Handloom Cotton Kurta"]);
    expect(titles((await list({ featured: true })).items)).toEqual(["Chikankari Kurta"]);
  });

  it("combines filters with a text query", async () => {
    const res = await list({ q: "saree", minPrice: 1_000_000 });
    expect(titles(res.items)).toEqual(["Kanjeevaram Silk Saree"]);
    expect(res.total).toBe(1);
  });
});

describe("listProducts: sorts and pages", () => {
  it("sorts by newest, price both ways, rating and best selling, ties broken by id", async () => {
    const by = async (sort: ProductListInput["sort"]) => titles((await list({ sort, limit: 60 })).items);
    expect(await by("newest")).toEqual([...PUBLIC].reverse());
    expect((await list({ sort: "price_asc", limit: 60 })).items.map((i) => i.minPrice)).toEqual([
      45_000, 89_900, 89_900, 149_900, 250_000, 650_000, 1_250_000,
    ]);
    expect((await list({ sort: "price_desc", limit: 60 })).items.map((i) => i.minPrice)).toEqual([
      1_250_000, 650_000, 250_000, 149_900, 89_900, 89_900, 45_000,
    ]);
    expect(await by("rating")).toEqual([
      "Kanjeevaram Silk Saree",
      "Banarasi Saree", // 4.8 from 9 ratings before 4.8 from 5
      "Chikankari Kurta",
      "Handloom Cotton Kurta",
      "Brass Diya Set",
      "Block Print Kurti",
      "Brass Urli Bowl",
    ]);
    const best = await by("best_selling");
    expect(best[0]).toBe("Block Print Kurti");
    expect(best.slice(1, 3).sort()).toEqual(["Brass Diya Set", "Handloom Cotton Kurta"]);
    expect(best.at(-1)).toBe("Brass Urli Bowl");
    // Relevance without a query: featured first, then best selling.
    expect((await by("relevance"))[0]).toBe("Chikankari Kurta");
  });

  it.each(["newest", "price_asc", "price_desc", "rating", "best_selling", "relevance"] as const)(
    "pages through %s two at a time without repeats or gaps",
    async (sort) => {
      const whole = await list({ sort, limit: 60 });
      const paged = await allPages({ sort, limit: 2 });
      expect(paged.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
      expect(new Set(paged.map((i) => i.id)).size).toBe(PUBLIC.length);
    },
  );

  it("pages through relevance-ranked search results with an offset cursor", async () => {
    const whole = await list({ q: "kurta", limit: 60 });
    expect(whole.items.length).toBeGreaterThanOrEqual(3);
    const paged = await allPages({ q: "kurta", limit: 1 });
    expect(paged.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
  });

  it("keeps its place when rows are added in front of the cursor", async () => {
    const { t, fx, list, cats, shops } = await ownCatalogue();
    const first = await list({ sort: "price_asc", limit: 3, category: cats.women!.slug });
    await fx.product({
      seller: shops.ravi!,
      category: cats.kurtas!,
      title: "Cheap Late Kurta",
      variants: [{ price: 100 }],
    });
    await t.deps.cache.bump("catalog");
    const second = await list({
      sort: "price_asc",
      limit: 3,
      category: cats.women!.slug,
      cursor: first.nextCursor!,
    });
    expect(titles(second.items)).toEqual(["Banarasi Saree", "Kanjeevaram Silk Saree"]);
  });

  it("refuses a tampered cursor or one from another sort", async () => {
    const page = await list({ sort: "price_asc", limit: 2 });
    await expect(list({ sort: "newest", cursor: page.nextCursor! })).rejects.toMatchObject({
      code: "VALIDATION",
      reason: "pagination.bad_cursor",
      details: { fieldErrors: { cursor: expect.any(Array) } },
    });
    const forged = Buffer.from(
      JSON.stringify({ s: "price_asc", k: ["1; drop table products"], id: "x" }),
    ).toString("base64url");
    await expect(list({ sort: "price_asc", cursor: forged })).rejects.toMatchObject({
      reason: "pagination.bad_cursor",
    });
    await expect(list({ cursor: Buffer.from("not json").toString("base64url") })).rejects.toMatchObject({
      reason: "pagination.bad_cursor",
    });
    // Not even base64url: the schema refuses it before it is decoded.
    await expect(list({ cursor: "not base64 json" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["cursor"] })],
    });
  });

  it("refuses cursors whose values SQL could not cast, as bad cursors rather than database errors", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const forged = (s: string, k: string[], cursorId = id) =>
      Buffer.from(JSON.stringify({ s, k, id: cursorId })).toString("base64url");
    for (const [sort, k, cursorId] of [
      ["price_asc", ["9999999999"]], // past int4
      ["price_desc", ["-2147483649"]],
      ["rating", ["0x10", "1"]], // Number() reads hex, float8 does not
      ["rating", ["1e400", "1"]], // out of float8's range
      ["rating", ["1e-400", "1"]], // underflows
      ["newest", ["275760-09-13 00:00:00+00"]],
      ["newest", ["2026-02-30 10:00:00+00"]],
      ["newest", ["2026-01-07 25:00:00+00"]],
      ["newest", ["1999-12-31 23:59:59+00"]],
      ["newest", ["2026-01-07 10:20:30.123456+00"], "-".repeat(36)],
    ] as [ProductListInput["sort"] & string, string[], string?][])
      await expect(list({ sort, cursor: forged(sort, k, cursorId) }), `${sort} ${k}`).rejects.toMatchObject({
        code: "VALIDATION",
        reason: "pagination.bad_cursor",
      });
    // What PostgreSQL itself prints is accepted.
    await expect(
      list({ sort: "newest", cursor: forged("newest", ["2026-01-07 10:20:30.123456+00"]) }),
    ).resolves.toBeTruthy();
    await expect(list({ sort: "rating", cursor: forged("rating", ["4.5", "12"]) })).resolves.toBeTruthy();
  });
});

describe("listProducts: search", () => {
  it("finds products despite misspellings", async () => {
    expect(titles((await list({ q: "kurtha" })).items)).toContain("Handloom Cotton Kurta");
    expect(titles((await list({ q: "sarre" })).items)).toEqual(
      expect.arrayContaining(["Banarasi Saree", "Kanjeevaram Silk Saree"]),
    );
    expect(titles((await list({ q: "banarsi" })).items)[0]).toBe("Banarasi Saree");
  });

  it("ranks a title match above a description-only match", async () => {
    const res = await list({ q: "kurta", limit: 60 });
    const order = titles(res.items);
    expect(order).toContain("Brass Diya Set"); // only its description mentions a kurta
    expect(order.indexOf("Handloom Cotton Kurta")).toBeLessThan(order.indexOf("Brass Diya Set"));
    expect(order.indexOf("Chikankari Kurta")).toBeLessThan(order.indexOf("Brass Diya Set"));
  });

  it("treats search syntax and LIKE characters as plain text", async () => {
    for (const q of ["100%", "kurta_", "'; drop table products; --", '"silk saree" -kurta', "or", "\\"])
      await expect(list({ q })).resolves.toMatchObject({ items: expect.any(Array) });
    expect(titles((await list({ q: '"silk saree"' })).items)[0]).toBe("Kanjeevaram Silk Saree");
  });
});

describe("listProducts: facets", () => {
  it("counts top-level categories, brands and price buckets for the whole query", async () => {
    const { facets, total } = await list({});
    expect(total).toBe(PUBLIC.length);
    expect(facets.categories).toEqual([
      { slug: cats.women!.slug, name: "Women", count: 5 },
      { slug: cats.home!.slug, name: "Home", count: 2 },
    ]);
    expect(facets.brands).toEqual([
      { brand: expect.stringMatching(/^fabindia$/i), count: 2 },
      { brand: "Weavers Co", count: 2 },
      { brand: "Anokhi", count: 1 },
      { brand: "Moradabad Metals", count: 1 },
    ]);
    expect(facets.priceBuckets).toEqual([
      { min: 0, max: 50_000, count: 1 },
      { min: 50_000, max: 100_000, count: 2 },
      { min: 100_000, max: 250_000, count: 1 },
      { min: 250_000, max: 500_000, count: 1 },
      { min: 500_000, max: null, count: 2 },
    ]);
  });

  it("counts the filtered category's children, and brands regardless of the brand filter", async () => {
    const women = await list({ category: cats.women!.slug, brand: ["Weavers Co"] });
    expect(women.total).toBe(2);
    expect(women.facets.categories).toEqual([{ slug: cats.sarees!.slug, name: "Sarees", count: 2 }]);
    expect(women.facets.brands.map((b) => b.brand.toLowerCase()).sort()).toEqual([
      "anokhi",
      "fabindia",
      "weavers co",
    ]);
    expect(women.facets.priceBuckets.map((b) => b.count)).toEqual([0, 0, 0, 0, 2]);
    const sarees = await list({ category: cats.sarees!.slug });
    expect(sarees.facets.categories).toEqual([{ slug: cats.silk!.slug, name: "Silk Sarees", count: 1 }]);
  });

  it("counts only what a text query matches", async () => {
    const res = await list({ q: "brass" });
    expect(res.total).toBe(2);
    expect(res.facets.categories).toEqual([{ slug: cats.home!.slug, name: "Home", count: 2 }]);
  });
});

describe("listProducts: caching", () => {
  it("serves from the cache until the catalogue version is bumped", async () => {
    const { t, fx, list } = await ownCatalogue(false);
    const shop = await fx.seller({ name: "Price Change Shop" });
    const row = await fx.product({
      seller: shop,
      category: await fx.category("Brassware"),
      title: "Brass Lota",
      variants: [{ price: 70_000 }],
    });
    expect((await list({ seller: shop.slug })).items[0]!.minPrice).toBe(70_000);
    await t.deps.db
      .update(products)
      .set({ minPrice: 65_000, maxPrice: 65_000 })
      .where(eq(products.id, row.id));
    // Not yet bumped: the cached page is still served.
    expect((await list({ seller: shop.slug })).items[0]!.minPrice).toBe(70_000);
    await t.deps.cache.bump("catalog");
    expect((await list({ seller: shop.slug })).items[0]!.minPrice).toBe(65_000);
  });

  it("shares one cache entry between inputs that mean the same", async () => {
    const calls: string[] = [];
    const deps = {
      db: t.deps.db,
      now: t.deps.now,
      cache: {
        wrap: <T>(ns: string, key: string, ttl: number, load: () => Promise<T>) => {
          calls.push(key);
          return t.deps.cache.wrap(ns, key, ttl, load);
        },
        bump: t.deps.cache.bump,
        invalidate: t.deps.cache.invalidate,
      },
    };
    await listProducts(deps, { q: "  Silk   SAREE ", brand: ["B", "a", "b"] });
    await listProducts(deps, { q: "silk saree", brand: ["a", "b"], sort: "relevance", limit: 20 });
    const pages = calls.filter((k) => k.startsWith("list:"));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toBe(pages[1]);
  });
});

describe("compiledBrowseQuery (the benchmark's bare route)", () => {
  it("is the very SQL of the page: run on the driver it returns the same products", async () => {
    const input = { category: cats.women!.slug, sort: "price_asc" as const, limit: 3 };
    const q = await compiledBrowseQuery(t.deps, { kind: "list", input });
    expect(q.setup).toBeNull();
    const client = (
      t.deps.db as unknown as {
        $client: { query(s: string, p: unknown[]): Promise<{ rows: { id: string }[] }> };
      }
    ).$client;
    const rows = (await client.query(q.text, q.params)).rows;
    const page = await list(input);
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual(page.items.map((i) => i.id));
    const search = await compiledBrowseQuery(t.deps, { kind: "list", input: { q: "kurtha" } });
    // No transaction or session setting: the typo half is in the one statement.
    expect(search.setup).toBeNull();
    expect(search.text).not.toContain("kurtha");
  });
});

describe("listProducts: input", () => {
  it("rejects bad input with zod errors naming the fields", async () => {
    for (const bad of [
      { limit: 0 },
      { limit: 61 },
      { minPrice: 500, maxPrice: 100 },
      { minPrice: -1 },
      { minRating: 6 },
      { sort: "cheapest" },
      { q: "x".repeat(101) },
      { category: "a" },
    ]) {
      const error = await list(bad as ProductListInput).catch((e) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]!.path.length).toBeGreaterThan(0);
    }
  });
});
