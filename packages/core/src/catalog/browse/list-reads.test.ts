import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cache } from "../../platform/cache";
import { rowsOf } from "../../platform/raw-rows";
import { createTestContext, type TestContext } from "../../testing";
import { catalogFixture } from "../../testing/catalog-fixture";
import { loadCategories } from "./category-tree";
import { countsQuery, listProducts, normalizeFilters, pageQuery, resolveCategory } from "./list-products";
import { fuzzyWords } from "./queries";
import { forgetTypos } from "./typo-words";

let t: TestContext;
let fx: ReturnType<typeof catalogFixture>;
let category: { id: string; slug: string };
let shop: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestContext();
  fx = catalogFixture(t.deps);
  category = await fx.category("Handloom");
  shop = await fx.seller({ name: "Reads Test Looms" });
  for (const [i, title] of ["Handloom Cotton Kurta", "Banarasi Silk Saree", "Block Print Kurti"].entries())
    await fx.product({
      seller: shop,
      category,
      title,
      brand: "Weavers Co",
      variants: [{ price: 50_000 + i }],
    });
});
afterAll(() => t.close());

/** The real cache, counting the loads it runs per kind of key. */
function countingCache(inner: Cache) {
  const loads: Record<string, number> = {};
  const cache: Cache = {
    wrap: (ns, key, ttl, load, options) =>
      inner.wrap(
        ns,
        key,
        ttl,
        async () => {
          const kind = key.split(":")[0]!;
          loads[kind] = (loads[kind] ?? 0) + 1;
          // Long enough that every request below misses while this one runs.
          await new Promise((r) => setTimeout(r, 30));
          return load();
        },
        options,
      ),
    bump: inner.bump,
    invalidate: inner.invalidate,
  };
  return { cache, loads };
}

describe("listProducts: facets under a stampede", () => {
  it("computes a filter set's total and facets once for N concurrent misses, each page once", async () => {
    const { cache, loads } = countingCache(t.deps.cache);
    const deps = { ...t.deps, cache };
    await cache.bump("catalog");
    const pages = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        listProducts(deps, { category: category.slug, limit: 1 + (i % 6) }),
      ),
    );
    expect(loads.facets).toBe(1);
    // Six distinct page sizes: six pages, each loaded once though asked for twice.
    expect(loads.list).toBe(6);
    expect(new Set(pages.map((p) => p.total))).toEqual(new Set([3]));
    expect(pages.every((p) => p.facets.brands[0]?.count === 3)).toBe(true);
  });
});

describe("listProducts: keyset paging under concurrent inserts", () => {
  it("never repeats or skips a product that was there when paging began, in any sort", async () => {
    const own = await createTestContext();
    try {
      const ofx = catalogFixture(own.deps);
      const cat = await ofx.category("Brassware");
      const seller = await ofx.seller({ name: "Paging Metals" });
      const existing: string[] = [];
      for (let i = 0; i < 24; i++) {
        const p = await ofx.product({
          seller,
          category: cat,
          title: `Brass Lota ${i}`,
          // Repeated prices and sold counts, so ties are broken by id across page edges.
          variants: [{ price: 10_000 + (i % 5) * 1_000, stock: i % 3 }],
          soldCount: i % 4,
          ratingAvg: (i % 5) + 0.5,
          ratingCount: i % 7,
        });
        existing.push(p.id);
      }
      // "relevance" without a query is the popular order (featured, then best selling).
      const sorts = ["price_asc", "price_desc", "newest", "best_selling", "rating", "relevance"] as const;
      for (const sort of sorts) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let inserted = 0;
        for (let guard = 0; guard < 100; guard++) {
          // Another seller adds products while the shopper pages: some sort before the
          // cursor, some after.
          const [page] = await Promise.all([
            listProducts(own.deps, { category: cat.slug, sort, limit: 5, cursor }),
            ofx.product({
              seller,
              category: cat,
              title: `Late Lota ${sort} ${inserted++}`,
              variants: [{ price: 9_000 + ((inserted * 3_700) % 7_000) }],
              soldCount: inserted % 4,
            }),
          ]);
          await own.deps.cache.bump("catalog");
          seen.push(...page.items.map((i) => i.id));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(new Set(seen).size, `${sort}: no product twice`).toBe(seen.length);
        const missing = existing.filter((id) => !seen.includes(id));
        expect(missing, `${sort}: every product present at the start is listed`).toEqual([]);
      }
    } finally {
      await own.close();
    }
  });
});

/**
 * The plan of each search shape, with scans and plain index walks priced out: a shape the indexes can
 * serve then shows them; one they cannot (an OR the planner cannot split, a threshold that
 * needs a session setting) still scans, and fails here. Real data decides whether the
 * planner picks the index; this checks that it can, for every shape.
 */
describe("search query plans", () => {
  async function plan(db: Database, query: ReturnType<typeof sql>) {
    let out = "";
    const undo = new Error("undo the dropped indexes");
    await db
      .transaction(async (tx) => {
        // Plain index walks priced out too: a whole-index walk filtering every row is a scan.
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_indexscan = off`);
        // And, for this transaction only, every other index of the two tables: on a test's
        // handful of rows a partial btree whose predicate holds would otherwise stand in.
        const others = await rowsOf<{ name: string; constraint: boolean }>(
          tx as unknown as Database,
          sql`select i.relname as name, exists (select 1 from pg_constraint c where c.conindid = i.oid) as constraint
          from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class r on r.oid = x.indrelid
          where r.relname in ('products', 'search_words')
            and i.relname not in ('products_pkey', 'products_search_idx', 'products_public_title_search_idx',
              'search_words_trgm_idx')`,
        );
        for (const o of others)
          await tx.execute(
            o.constraint
              ? sql.raw(
                  `alter table ${o.name.startsWith("search_words") ? "search_words" : "products"} drop constraint "${o.name}"`,
                )
              : sql.raw(`drop index "${o.name}"`),
          );
        const rows = await rowsOf<Record<string, unknown>>(
          tx as unknown as Database,
          sql`explain (format json) ${query}`,
        );
        out = JSON.stringify(rows[0]);
        throw undo;
      })
      .catch((e) => {
        if (e !== undo) throw e;
      });
    return out;
  }
  // A plain word, two words, a typo, with a category, with a price range, and mixes.
  const shapes = [
    { q: "kurta" },
    { q: "silk saree" },
    { q: "kurtha" },
    { q: "kurta", category: "x" },
    { q: "kurta", minPrice: 10_000, maxPrice: 90_000 },
    { q: "silk sarre", category: "x", minPrice: 10_000, maxPrice: 90_000, inStock: true },
    { q: '"silk saree" -kurta', brand: ["weavers co"], minRating: 3 },
    { q: "brass", seller: "x", featured: true },
  ];

  it("finds matches through the full-text GIN index, and typos through the vocabulary's trigram index", async () => {
    const cats = await loadCategories(t.deps);
    forgetTypos();
    for (const raw of shapes) {
      const input = {
        ...raw,
        ...(raw.category && { category: category.slug }),
        ...(raw.seller && { seller: shop.slug }),
      };
      const query = resolveCategory(normalizeFilters(input), cats)!;
      for (const [what, text] of [
        ["page", pageQuery(query, "relevance", 20, undefined)],
        ["page by price", pageQuery(query, "price_asc", 20, undefined)],
        ["counts", countsQuery(query)],
      ] as const) {
        const p = await plan(t.deps.db, text);
        if (process.env.SHOW_PLANS) console.log(what, JSON.stringify(raw), p);
        expect(p, `${what} of ${JSON.stringify(raw)}`).toContain("products_search_idx");
        // The relevance statement and the counts take their first candidates from the
        // title words' index (title matches first, search.ts).
        if (what !== "page by price")
          expect(p, `${what} of ${JSON.stringify(raw)}`).toContain("products_public_title_search_idx");
        expect(p, `${what} of ${JSON.stringify(raw)}`).toContain("search_words_trgm_idx");
        // Each new word is looked up once: the planner once copied the look-ups into every
        // column that read them, searching the vocabulary twice per word.
        expect(
          p.split('"Index Name":"search_words_trgm_idx"').length - 1,
          `${what} of ${JSON.stringify(raw)}`,
        ).toBe(fuzzyWords(raw.q).length);
        expect(p, `${what} of ${JSON.stringify(raw)}`).not.toMatch(
          /"Seq Scan"[^}]*"Relation Name":\s*"products"/,
        );
      }
    }
  });

  it("uses the same indexes when the words' typo alternatives are remembered (no vocabulary look-up)", async () => {
    const cats = await loadCategories(t.deps);
    for (const raw of shapes) {
      const input = {
        ...raw,
        ...(raw.category && { category: category.slug }),
        ...(raw.seller && { seller: shop.slug }),
      };
      await listProducts(t.deps, input); // remembers the words (typo-words.ts)
      const query = resolveCategory(normalizeFilters(input), cats)!;
      for (const [what, text] of [
        ["page", pageQuery(query, "relevance", 20, undefined)],
        ["counts", countsQuery(query)],
      ] as const) {
        const p = await plan(t.deps.db, text);
        expect(p, `${what} of ${JSON.stringify(raw)}`).toContain("products_public_title_search_idx");
        expect(p, `${what} of ${JSON.stringify(raw)}`).not.toContain("search_words");
        expect(p, `${what} of ${JSON.stringify(raw)}`).not.toMatch(
          /"Seq Scan"[^}]*"Relation Name":\s*"products"/,
        );
      }
    }
  });
});
