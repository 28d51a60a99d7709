import { ProductCardOutput, ProductListOutput } from "@bazaar/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { listProducts } from "./list-products";

/**
 * A cached page whose keys follow the output schema's order passes the API's output check
 * unchanged, so the check hands out the cached page itself; in another order it keeps a
 * reordered copy of every cached page beside it (api shared-outputs.ts), about a sixth more
 * heap per list entry (#14).
 */
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
  const fx = catalogFixture(t.deps);
  const category = await fx.category("Key Order Lamps");
  const shop = await fx.seller({ name: "Key Order Lights" });
  await fx.product({ seller: shop, category, title: "Brass Diya Lamp", variants: [{ price: 30_000 }] });
});
afterAll(() => t.close());

describe("list pages in the output schema's key order", () => {
  it.each([
    ["a browse page (page and facets merged)", {}],
    ["a search ranked by relevance", { q: "diya" }],
  ])("%s", async (_, input) => {
    const page = await listProducts(t.deps, input);
    expect(Object.keys(page)).toEqual(Object.keys(ProductListOutput.shape));
    expect(Object.keys(page.facets)).toEqual(Object.keys(ProductListOutput.shape.facets.shape));
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(Object.keys(item)).toEqual(Object.keys(ProductCardOutput.shape));
    // And so the check's result is the page itself.
    expect(ProductListOutput.parse(page)).toStrictEqual(page);
  });
});
