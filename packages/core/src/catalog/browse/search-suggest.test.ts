import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { searchSuggest } from "./search-suggest";

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
  const fx = catalogFixture(t.deps);
  const women = await fx.category("Women");
  const kurtas = await fx.category("Kurtas", women);
  const tea = await fx.category("Tea");
  const shop = await fx.seller();
  const gone = await fx.seller({ status: "suspended" });
  await fx.product({
    seller: shop,
    category: kurtas,
    title: "Cotton Kurta",
    brand: "Kurtawala",
    soldCount: 5,
  });
  await fx.product({
    seller: shop,
    category: kurtas,
    title: "cotton kurta",
    brand: "Fabindia",
    soldCount: 50,
  });
  await fx.product({
    seller: shop,
    category: kurtas,
    title: "Chikankari Kurta Set",
    brand: "Fabindia",
    soldCount: 9,
  });
  await fx.product({
    seller: shop,
    category: kurtas,
    title: "Silk Kurta",
    brand: "Kurtawala",
    status: "draft",
  });
  await fx.product({ seller: gone, category: kurtas, title: "Kurta Hidden Seller", brand: "Hidden Brand" });
  await fx.product({ seller: shop, category: tea, title: "Assam Masala Tea", brand: "Chai Point" });
});
afterAll(() => t.close());

const suggest = (q: string, limit?: number) => searchSuggest(t.deps, { q, limit });

describe("searchSuggest", () => {
  it("suggests categories, brands and products for a prefix, ranked and de-duplicated", async () => {
    const s = await suggest("kurt");
    expect(s[0]).toEqual({ kind: "category", label: "Kurtas", slug: expect.stringMatching(/^kurtas-/) });
    expect(s).toContainEqual({ kind: "brand", label: "Kurtawala", slug: null });
    const products = s.filter((x) => x.kind === "product").map((x) => x.label.toLowerCase());
    // "Cotton Kurta" once, whichever casing sells best; only public products.
    expect(products.filter((p) => p === "cotton kurta")).toHaveLength(1);
    expect(s.find((x) => x.label.toLowerCase() === "cotton kurta")?.label).toBe("cotton kurta");
    expect(products).toContain("chikankari kurta set");
    expect(s.map((x) => x.label)).not.toContain("Silk Kurta");
    expect(s.map((x) => x.label)).not.toContain("Kurta Hidden Seller");
    expect(s.map((x) => x.label)).not.toContain("Hidden Brand");
  });

  it("tolerates a misspelling", async () => {
    const s = await suggest("kurtha");
    expect(s.map((x) => x.label.toLowerCase())).toContain("cotton kurta");
    expect((await suggest("masla")).map((x) => x.label)).toContain("Assam Masala Tea");
  });

  it("ranks a label that starts with the text first and honours the limit", async () => {
    const s = await suggest("chai");
    expect(s[0]).toEqual({ kind: "brand", label: "Chai Point", slug: null });
    expect(await suggest("kurta", 2)).toHaveLength(2);
    expect(await suggest("zzzz")).toEqual([]);
    expect(await suggest("%_")).toEqual([]);
  });

  it("leaves out the products a word excludes", async () => {
    const labels = async (q: string) => (await suggest(q)).map((x) => x.label.toLowerCase());
    expect(await labels("kurta")).toContain("chikankari kurta set");
    expect(await labels("kurta -chikankari")).not.toContain("chikankari kurta set");
    expect(await labels("kurta -chikankari")).toContain("cotton kurta");
  });

  it("reads a run of minus signs as the one or no 'not' it is, however long (the parser fails past 32)", async () => {
    // Even runs cancel out, odd ones exclude, spaced or not, as websearch_to_tsquery reads them.
    expect(await suggest("-".repeat(40))).toEqual([]);
    expect(await suggest(`${"- ".repeat(40)}kurta`)).toEqual(await suggest("kurta"));
    expect(await suggest(`${"-".repeat(41)}kurta`)).toEqual(await suggest("-kurta"));
  });

  it("rejects an empty or overlong text and a bad limit", async () => {
    await expect(suggest("   ")).rejects.toBeInstanceOf(ZodError);
    await expect(suggest("k".repeat(101))).rejects.toBeInstanceOf(ZodError);
    await expect(suggest("kurta", 11)).rejects.toBeInstanceOf(ZodError);
  });
});
