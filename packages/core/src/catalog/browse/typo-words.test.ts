import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { listProducts } from "./list-products";
import { forgetTypos, rememberTypos, TYPO_MAX_WORDS, TYPO_TTL_MS, typoTsquery } from "./typo-words";

let t: TestContext;
let fx: ReturnType<typeof catalogFixture>;
let category: { id: string; slug: string };
let shop: { id: string; slug: string };
/** A never-repeated price ceiling: every search is a new input, past the result cache. */
let ceiling = 90_000_000;
const search = (q: string) => listProducts(t.deps, { q, maxPrice: ceiling++ });
/** The SQL text of the tsquery part: whether it looks words up in the vocabulary. */
const looksUp = (q: string, now?: number) =>
  new PgDialect().sqlToQuery(typoTsquery(q, now).cte as SQL).sql.includes("search_words");
const titles = (page: Awaited<ReturnType<typeof search>>) => page.items.map((i) => i.title).sort();

beforeAll(async () => {
  t = await createTestContext();
  fx = catalogFixture(t.deps);
  category = await fx.category("Brassware");
  shop = await fx.seller({ name: "Typo Test Metals" });
  for (const [i, title] of ["Brass Urli Bowl", "Copper Lota Vessel"].entries())
    await fx.product({ seller: shop, category, title, variants: [{ price: 40_000 + i }] });
});
afterAll(() => t.close());
beforeEach(() => forgetTypos());

describe("search: remembered typo alternatives", () => {
  it("finds the same products for a misspelling whether its alternatives are looked up or remembered", async () => {
    const first = await search("urlli");
    expect(titles(first)).toEqual(["Brass Urli Bowl"]);
    const again = await search("urlli");
    expect(titles(again)).toEqual(["Brass Urli Bowl"]);
    expect([again.total, again.totalIsLowerBound]).toEqual([first.total, first.totalIsLowerBound]);
    // Two words, one remembered and one new, each must match.
    expect(titles(await search("urlli bowwl"))).toEqual(["Brass Urli Bowl"]);
    expect(titles(await search("urlli vesel"))).toEqual([]);
  });

  it("finds a new product's word as typed at once, and by a misspelling once the remembered word expires", async () => {
    // "kansa" is remembered before any product has it: its only alternative is itself.
    expect(titles(await search("kansa"))).toEqual([]);
    expect(titles(await search("kanssa"))).toEqual([]);
    await fx.product({ seller: shop, category, title: "Kansa Thali", variants: [{ price: 70_000 }] });
    expect(titles(await search("kansa"))).toEqual(["Kansa Thali"]);
    // The misspelling's remembered alternatives predate the word: it waits for the TTL.
    expect(titles(await search("kanssa"))).toEqual([]);
    forgetTypos(); // what TYPO_TTL_MS does
    expect(titles(await search("kanssa"))).toEqual(["Kansa Thali"]);
  });

  it("forgets a word after the TTL, and the oldest words past the bound", () => {
    const now = 1_000_000;
    rememberTypos({ lotaa: "(lotaa | lota)" }, now);
    expect(looksUp("lotaa", now + TYPO_TTL_MS - 1)).toBe(false);
    expect(looksUp("lotaa", now + TYPO_TTL_MS)).toBe(true);
    rememberTypos({ lotaa: "(lotaa | lota)" }, now);
    rememberTypos(
      Object.fromEntries(Array.from({ length: TYPO_MAX_WORDS }, (_, i) => [`w${i}x`, `(w${i}x)`])),
      now,
    );
    expect(looksUp("lotaa", now)).toBe(true);
    expect(looksUp(`w${TYPO_MAX_WORDS - 1}x`, now)).toBe(false);
  });

  it("never passes a remembered group that is not plain words to to_tsquery", () => {
    rememberTypos({ evil: "(evil) | !x:*" });
    expect(looksUp("evil")).toBe(true);
  });
});
