import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cache, createMemoryCache, createRedisCache, jsonLength } from "./cache";
import { createTieredCache, type TieredCache } from "./cache-tiered";
import { connectRedis } from "./redis";

const redisUrl = process.env.REDIS_URL;
const clients: Redis[] = [];
const tiered: TieredCache[] = [];
afterAll(() => {
  for (const c of tiered) c.close();
  for (const c of clients) c.disconnect();
});

/** The same contract for both implementations. */
function contract(name: string, make: () => Cache | Promise<Cache>) {
  describe(`${name} cache`, () => {
    it("loads once, then serves the stored value, Dates included", async () => {
      const cache = await make();
      let loads = 0;
      const load = async () => {
        loads++;
        return { n: loads, at: new Date("2026-01-02T03:04:05.678Z"), none: null, list: [1, "a"] };
      };
      const first = await cache.wrap("ns", "k", 60, load);
      const second = await cache.wrap("ns", "k", 60, load);
      expect(loads).toBe(1);
      expect(second).toEqual(first);
      expect(second.at).toBeInstanceOf(Date);
      expect(await cache.wrap("ns", "other", 60, load)).toMatchObject({ n: 2 });
    });

    it("stores null answers too (a cached 'not found')", async () => {
      const cache = await make();
      let loads = 0;
      const load = async () => {
        loads++;
        return null;
      };
      expect(await cache.wrap("ns", "missing", 60, load)).toBeNull();
      expect(await cache.wrap("ns", "missing", 60, load)).toBeNull();
      expect(loads).toBe(1);
    });

    it("drops every entry of a namespace on bump, and only that namespace", async () => {
      const cache = await make();
      let v = 1;
      const read = (ns: string) => cache.wrap(ns, "k", 60, async () => v);
      expect(await read("a")).toBe(1);
      expect(await read("b")).toBe(1);
      v = 2;
      expect(await read("a")).toBe(1);
      await cache.bump("a");
      expect(await read("a")).toBe(2);
      expect(await read("b")).toBe(1);
    });

    it("expires entries after their TTL", async () => {
      const cache = await make();
      let v = 1;
      expect(await cache.wrap("ttl", "k", 1, async () => v)).toBe(1);
      v = 2;
      await new Promise((r) => setTimeout(r, 1100));
      expect(await cache.wrap("ttl", "k", 1, async () => v)).toBe(2);
    });

    it("runs one load for concurrent misses on a key, and hands every caller its value", async () => {
      const cache = await make();
      let loads = 0;
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const load = async () => {
        loads++;
        await gate;
        return { n: loads };
      };
      const waiting = Array.from({ length: 20 }, () => cache.wrap("stampede", "k", 60, load));
      await new Promise((r) => setTimeout(r, 20));
      release();
      const values = await Promise.all(waiting);
      expect(loads).toBe(1);
      expect(values.every((v) => v.n === 1)).toBe(true);
    });

    it("shares no load between keys, and a failed load is not kept", async () => {
      const cache = await make();
      let loads = 0;
      const boom = async () => {
        loads++;
        throw new Error("db down");
      };
      const all = await Promise.allSettled([
        cache.wrap("fail", "a", 60, boom),
        cache.wrap("fail", "a", 60, boom),
        cache.wrap("fail", "b", 60, boom),
      ]);
      expect(all.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
      expect(loads).toBe(2);
      expect(await cache.wrap("fail", "a", 60, async () => "ok")).toBe("ok");
    });

    it("invalidates only the entries carrying a tag, fixed or read off the value", async () => {
      const cache = await make();
      let v = 1;
      const page = (key: string, ids: string[]) =>
        cache.wrap("tags", key, 60, async () => ({ v, ids }), { tags: ["shape"], tagsOf: (x) => x.ids });
      expect((await page("a", ["A"])).v).toBe(1);
      expect((await page("b", ["B"])).v).toBe(1);
      v = 2;
      await cache.invalidate("tags", ["A"]);
      expect((await page("a", ["A"])).v).toBe(2);
      expect((await page("b", ["B"])).v).toBe(1);
      v = 3;
      await cache.invalidate("tags", ["shape"]);
      expect((await page("a", ["A"])).v).toBe(3);
      expect((await page("b", ["B"])).v).toBe(3);
      // Another namespace's tag of the same name is another tag.
      await cache.invalidate("elsewhere", ["B"]);
      expect((await page("b", ["B"])).v).toBe(3);
    });

    it("lets an invalidation that lands while a load runs win over what the load read", async () => {
      const cache = await make();
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const tagged = { tagsOf: () => ["A"] };
      const slow = cache.wrap(
        "race",
        "k",
        60,
        async () => {
          await gate;
          return "old";
        },
        tagged,
      );
      await new Promise((r) => setTimeout(r, 20));
      await cache.invalidate("race", ["A"]);
      // A caller after the invalidation does not join the load that read the old state.
      const after = cache.wrap("race", "k", 60, async () => "new", tagged);
      release();
      expect(await slow).toBe("old");
      expect(await after).toBe("new");
      expect(await cache.wrap("race", "k", 60, async () => "newer", tagged)).not.toBe("old");
    });
  });
}

contract("memory", () => createMemoryCache());

describe("memory cache bounds", () => {
  it("charges an entry about three times its JSON, the heap it takes, and drops the least recently read past the budget", async () => {
    // ~1 kB of JSON a value: counted as JSON all four would fit in 10 kB; at 3x, three.
    const cache = createMemoryCache(100, 50_000, 10_000);
    let loads = 0;
    const read = (key: string) =>
      cache.wrap("b", key, 60, async () => {
        loads++;
        return { key, text: "x".repeat(1000) };
      });
    for (const k of ["a", "b", "c", "d"]) await read(k);
    expect(loads).toBe(4);
    await read("d");
    await read("c");
    expect(loads).toBe(4);
    // "a", the least recently read, went to make room for "d".
    await read("a");
    expect(loads).toBe(5);
  });

  it("sizes an entry within a few per cent of its JSON without building the text", () => {
    const card = {
      id: "0b6f6a52-8f1e-4c1a-9d1e-2f1a3b4c5d6e",
      slug: "blue-kurta-12",
      title: "Blue cotton kurta",
      minPrice: 129_900,
      ratingAvg: 4.25,
      inStock: true,
      featured: false,
      image: null,
      createdAt: new Date("2026-01-02T03:04:05.678Z"),
      skipped: undefined,
      tags: ["a", "bb", -3, 1e21],
    };
    const page = { items: Array.from({ length: 24 }, () => card), nextCursor: null, total: 1_000_000 };
    const exact = JSON.stringify(page).length;
    expect(Math.abs(jsonLength(page, 0) - exact) / exact).toBeLessThan(0.05);
  });

  it("forgets tag stamps past its bound by treating every older tagged entry as stale", async () => {
    const cache = createMemoryCache(100, 2);
    let v = 1;
    const read = (key: string) => cache.wrap("b", key, 60, async () => v, { tags: [key] });
    const untagged = () => cache.wrap("b", "plain", 60, async () => v);
    expect([await read("x"), await read("y"), await untagged()]).toEqual([1, 1, 1]);
    v = 2;
    await cache.invalidate("b", ["t1", "t2"]);
    expect(await read("x")).toBe(1);
    // A third stamp starts the map afresh: x and y may have lost theirs, so both reload.
    await cache.invalidate("b", ["t3"]);
    expect([await read("x"), await read("y"), await untagged()]).toEqual([2, 2, 1]);
  });
});

describe.runIf(redisUrl)("Redis", () => {
  const prefix = () => `test:cache:${Math.random().toString(36).slice(2)}`;
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  /** Connected the way the runtime connects, so the cache sees a ready client. */
  const connect = async () => {
    const c = await connectRedis(redisUrl!, { commandTimeoutMs: 1000, log: silent });
    clients.push(c);
    return c;
  };
  let shared: Redis;
  beforeAll(async () => {
    shared = await connect();
  });

  contract("redis", () => createRedisCache(shared, prefix()));
  // One process of the tiered cache keeps the same contract; cache-tiered.test.ts has two.
  contract("tiered", async () => {
    const cache = createTieredCache(shared, { prefix: prefix() });
    tiered.push(cache);
    for (let i = 0; i < 300 && !cache.local; i++) await new Promise((r) => setTimeout(r, 10));
    expect(cache.local).toBe(true);
    return cache;
  });

  it("shares entries and invalidations between processes (two clients)", async () => {
    const p = prefix();
    const a = createRedisCache(await connect(), p);
    const b = createRedisCache(await connect(), p);
    let v = "first";
    expect(await a.wrap("catalog", "k", 60, async () => v)).toBe("first");
    v = "second";
    expect(await b.wrap("catalog", "k", 60, async () => v)).toBe("first");
    await a.bump("catalog");
    expect(await b.wrap("catalog", "k", 60, async () => v)).toBe("second");
  });

  it("falls back to loading when Redis is unreachable", async () => {
    const dead = new Redis("redis://127.0.0.1:1", {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    clients.push(dead);
    const cache = createRedisCache(dead, prefix());
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.wrap("catalog", "k", 60, load)).toBe(1);
    expect(await cache.wrap("catalog", "k", 60, load)).toBe(2);
    // A write's version bump does not fail the write that already committed.
    await cache.bump("catalog");
  });
});
