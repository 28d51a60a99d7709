import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { type ListQuery, pageQuery } from "./list-products";
import { compiledPage } from "./page-statement";
import { KEYSET_SORTS, type KeysetCursor, type KeysetSortName } from "./queries";

const dialect = new PgDialect({ casing: "snake_case" });
const A = "0b6f4a1e-8f4e-4c1a-9d1e-1a2b3c4d5e6f";
const B = "1c7a5b2f-9a5f-4d2b-8e2f-2b3c4d5e6f70";
const C = "2d8b6c3a-ab6a-4e3c-9f3a-3c4d5e6f7081";

/** Combinations of the optional filters, over both category forms and none. */
function* shapes(): Generator<ListQuery> {
  const optional: Partial<ListQuery>[] = [
    { seller: "ravi-textiles" },
    { brands: ["fabindia", "w"] },
    { minPrice: 50_000 },
    { maxPrice: 250_000 },
    { minRating: 4 },
    { inStock: true },
    { featured: true },
  ];
  // None, all, and every other one: with both category forms, every sort and cursor or
  // not, 108 shapes (fewer than the cache keeps, so every one is compared).
  for (const cats of [undefined, [A], [A, B, C]])
    for (const mask of [0, 0b1111111, 0b1010101]) {
      const f: ListQuery = cats ? { categoryIds: cats } : {};
      optional.forEach((o, i) => {
        if (mask & (1 << i)) Object.assign(f, o);
      });
      yield f;
    }
}

const cursorFor = (sort: KeysetSortName, n: number): KeysetCursor => ({
  s: sort,
  k: KEYSET_SORTS[sort].keys.map((k) =>
    k.type === "int"
      ? String(n)
      : k.type === "float8"
        ? "4.5"
        : k.type === "boolean"
          ? "true"
          : "2026-01-07 10:20:30.123456+00",
  ),
  id: C,
});

describe("compiledPage (a browse page's statement built once per shape)", () => {
  it("gives the very text and parameters pageQuery builds, for every shape, sort and page", () => {
    let compared = 0;
    for (const sort of Object.keys(KEYSET_SORTS) as KeysetSortName[])
      for (const f of shapes())
        for (const [limit, cursor] of [
          [20, undefined],
          [7, cursorFor(sort, 1234)],
        ] as const) {
          // Twice: the first builds the shape, the second reuses it with other values.
          for (const g of [f, { ...f, ...(f.maxPrice ? { maxPrice: f.maxPrice + 1 } : {}) }]) {
            const got = compiledPage({ f: g, sort, limit, cursor }, pageQuery);
            const want = dialect.sqlToQuery(pageQuery(g, sort, limit, cursor));
            expect(got?.text).toBe(want.sql);
            expect(got?.params).toEqual(want.params);
            compared++;
          }
        }
    expect(compared).toBe(6 * 3 * 3 * 2 * 2);
  });

  it("leaves a text search to the listing's own path", () => {
    expect(compiledPage({ f: { q: "kurta" }, sort: "newest", limit: 20 }, pageQuery)).toBeUndefined();
  });
});
