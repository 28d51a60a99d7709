import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cache, createMemoryCache, createRedisCache } from "./cache";
import { connectRedis } from "./redis";

const redisUrl = process.env.REDIS_URL;
const clients: Redis[] = [];
afterAll(() => {
  for (const c of clients) c.disconnect();
});

/** The same contract for both implementations. */
function contract(name: string, make: () => Cache) {
  describe(`${name} cache`, () => {
    it("loads once, then serves the stored value, Dates included", async () => {
      const cache = make();
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
      const cache = make();
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
      const cache = make();
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
      const cache = make();
      let v = 1;
      expect(await cache.wrap("ttl", "k", 1, async () => v)).toBe(1);
      v = 2;
      await new Promise((r) => setTimeout(r, 1100));
      expect(await cache.wrap("ttl", "k", 1, async () => v)).toBe(2);
    });
  });
}

contract("memory", () => createMemoryCache());

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
