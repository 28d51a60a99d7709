import { describe, expect, it } from "vitest";
import { createMemoryCache, isSharedValue, markShared, mergeShared } from "./cache";

describe("shared cache values", () => {
  it("what the in-process cache hands out is shared; a fresh object or a primitive is not", async () => {
    const cache = createMemoryCache();
    const value = await cache.wrap("ns", "k", 60, async () => ({ items: [1, 2] }));
    expect(isSharedValue(value)).toBe(true);
    expect(await cache.wrap("ns", "k", 60, async () => ({ items: [] }))).toBe(value);
    expect(isSharedValue({ items: [1, 2] })).toBe(false);
    expect(isSharedValue(await cache.wrap("ns", "n", 60, async () => 5))).toBe(false);
    expect(isSharedValue(null)).toBe(false);
  });

  it("a page merged with its facets stays one shared object while both entries do", async () => {
    const cache = createMemoryCache();
    const page = await cache.wrap("ns", "page", 60, async () => ({ items: ["a"], nextCursor: null }));
    const facets = await cache.wrap("ns", "facets", 60, async () => ({ total: 1 }));
    const merged = mergeShared(page, facets);
    expect(merged).toEqual({ items: ["a"], nextCursor: null, total: 1 });
    expect(isSharedValue(merged)).toBe(true);
    expect(mergeShared(page, facets)).toBe(merged);

    // New facets (their entry was invalidated and loaded again): a new answer.
    await cache.invalidate("ns", []);
    await cache.bump("ns");
    const facets2 = await cache.wrap("ns", "facets", 60, async () => ({ total: 2 }));
    const merged2 = mergeShared(page, facets2);
    expect(merged2).not.toBe(merged);
    expect(merged2).toEqual({ items: ["a"], nextCursor: null, total: 2 });
  });

  it("merging anything not shared gives a fresh, unshared object every time", () => {
    const shared = markShared({ a: 1 });
    const fresh = { b: 2 };
    const one = mergeShared(shared, fresh);
    expect(one).toEqual({ a: 1, b: 2 });
    expect(isSharedValue(one)).toBe(false);
    expect(mergeShared(shared, fresh)).not.toBe(one);
    // The later part wins a key both have, as a spread does.
    expect(mergeShared(markShared({ k: 1, x: 0 }), markShared({ k: 2 }))).toEqual({ k: 2, x: 0 });
  });
});
