import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { listProducts, normalizeFilters, pageQuery } from "./list-products";
import { forgetPriceStats, PRICE_STATS_TTL_MS, rememberPriceStats, wideRange } from "./price-spread";

let t: TestContext;
let ceiling = 80_000_000;

beforeAll(async () => {
  t = await createTestContext();
  const fx = catalogFixture(t.deps);
  const category = await fx.category("Lamps");
  const shop = await fx.seller({ name: "Spread Test Lights" });
  for (const [i, title] of ["Brass Diya Lamp", "Clay Diya Lamp", "Copper Diya Lamp"].entries())
    await fx.product({ seller: shop, category, title, variants: [{ price: 20_000 + i * 30_000 }] });
});
afterAll(() => t.close());
beforeEach(() => forgetPriceStats());

/** Whether a search's statement writes its price range as a plain filter. */
const filtered = (input: { minPrice?: number; maxPrice?: number }) =>
  new PgDialect()
    .sqlToQuery(pageQuery(normalizeFilters({ q: "diya", ...input }), "relevance", 20, undefined))
    .sql.includes("min_price + 0");

describe("search: a price range's width", () => {
  it("is wide when it holds at least half the products by the histogram, never without one", () => {
    expect(wideRange({ maxPrice: 1_000_000 })).toBe(false); // no histogram yet
    rememberPriceStats("{100,200,300,400,500}");
    expect(wideRange({ maxPrice: 1_000_000 })).toBe(true);
    expect(wideRange({ minPrice: 100, maxPrice: 300 })).toBe(true);
    expect(wideRange({ minPrice: 100, maxPrice: 250 })).toBe(false);
    expect(wideRange({ minPrice: 450 })).toBe(false);
    expect(wideRange({})).toBe(false);
    rememberPriceStats("{}"); // no histogram in the database
    expect(wideRange({ maxPrice: 1_000_000 })).toBe(false);
  });

  it("asks the database for the histogram only when it has none or it is stale", () => {
    const asks = () =>
      new PgDialect()
        .sqlToQuery(pageQuery(normalizeFilters({ q: "diya" }), "relevance", 20, undefined))
        .sql.includes("pg_stats");
    expect(asks()).toBe(true);
    rememberPriceStats("{1,2}", Date.now() - PRICE_STATS_TTL_MS - 1);
    expect(asks()).toBe(true);
    rememberPriceStats("{1,2}");
    expect(asks()).toBe(false);
  });

  it("finds the same products with a wide range as a filter and a narrow one as an index condition", async () => {
    await t.deps.db.execute("analyze products");
    await listProducts(t.deps, { q: "diya", maxPrice: ceiling++ }); // the statement reads the histogram
    const search = (range: { minPrice?: number; maxPrice?: number }) =>
      listProducts(t.deps, { q: "diya", ...range });
    for (const [range, titles] of [
      [{ maxPrice: 99_999_999 }, ["Brass Diya Lamp", "Clay Diya Lamp", "Copper Diya Lamp"]],
      [{ minPrice: 40_000, maxPrice: 60_000 }, ["Clay Diya Lamp"]],
      [{ minPrice: 90_000_000 }, []],
    ] as const) {
      const page = await search(range);
      expect(page.items.map((i) => i.title).sort(), JSON.stringify(range)).toEqual(titles);
      expect(page.total).toBe(titles.length);
    }
    // Whether a histogram exists depends on the database's statistics; with one, the
    // ceiling above every price is a filter and the narrow range an index condition.
    if (wideRange({ maxPrice: 99_999_999 })) expect(filtered({ maxPrice: 99_999_999 })).toBe(true);
    expect(filtered({ minPrice: 40_000, maxPrice: 60_000 })).toBe(false);
  });
});
