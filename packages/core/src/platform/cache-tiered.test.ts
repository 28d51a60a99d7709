import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSharedValue } from "./cache";
import { createTieredCache, type TieredCache } from "./cache-tiered";
import { connectRedis } from "./redis";

const redisUrl = process.env.REDIS_URL;
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const clients: Redis[] = [];
const caches: TieredCache[] = [];
afterAll(() => {
  for (const c of caches) c.close();
  for (const c of clients) c.disconnect();
});

const random = () => Math.random().toString(36).slice(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ok` holds, failing after `ms`: a change reaches another process in its own time. */
async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(10);
  }
}

/** Counts the loads a cache runs: a read answered without one came from a cache. */
function counted<T>(value: () => T) {
  const c = {
    loads: 0,
    load: async () => {
      c.loads++;
      return value();
    },
  };
  return c;
}

describe.runIf(redisUrl)("tiered cache (an in-process tier in front of Redis)", () => {
  let admin: Redis;
  beforeAll(async () => {
    admin = await connect();
  });
  /** A command connection made as the runtime makes it, so it is ready when used. */
  async function connect() {
    const c = await connectRedis(redisUrl!, { commandTimeoutMs: 1000, log: silent });
    clients.push(c);
    return c;
  }
  /**
   * One API process: its own connection and cache (with its own subscriber, named so a test
   * can cut it), once its first tier is in use.
   */
  async function proc(prefix: string) {
    const redis = await connect();
    const name = `test-l1-${random()}`;
    const cache = createTieredCache(redis, { prefix, connectionName: name });
    caches.push(cache);
    await until("the subscriber is ready", () => cache.local);
    return { cache, redis, name };
  }
  const prefix = () => `test:tiered:${random()}`;

  /** Closes a process's subscriber connection from the server's side, as a network fault would. */
  async function cut(name: string) {
    const list = (await admin.client("LIST")) as string;
    const line = list.split("\n").find((l) => l.includes(` name=${name} `));
    if (!line) throw new Error(`no connection named ${name}`);
    await admin.client("KILL", "ID", line.match(/^id=(\d+)/)![1]!);
  }

  it("an invalidation or a bump in one process reaches the other's in-process tier", async () => {
    const p = prefix();
    const [a, b] = [await proc(p), await proc(p)];
    let v = 1;
    const page = (cache: TieredCache, key: string, tags: string[] = []) =>
      cache.wrap("catalog", key, 60, async () => ({ v }), { tags });
    expect(await page(b.cache, "tagged", ["p:1"])).toEqual({ v: 1 });
    expect(await page(b.cache, "plain")).toEqual({ v: 1 });
    expect(await page(b.cache, "other", ["p:2"])).toEqual({ v: 1 });
    v = 2;
    expect(await page(b.cache, "tagged", ["p:1"])).toEqual({ v: 1 });

    await a.cache.invalidate("catalog", ["p:1"]);
    // The writer reads its own write at once; the other process within moments.
    expect(await page(a.cache, "tagged", ["p:1"])).toEqual({ v: 2 });
    await until("B hears the invalidation", async () => (await page(b.cache, "tagged", ["p:1"])).v === 2);
    expect(await page(b.cache, "other", ["p:2"])).toEqual({ v: 1 });
    expect(await page(b.cache, "plain")).toEqual({ v: 1 });

    v = 3;
    await a.cache.bump("catalog");
    expect(await page(a.cache, "plain")).toEqual({ v: 3 });
    await until("B hears the bump", async () => (await page(b.cache, "plain")).v === 3);
    expect(await page(b.cache, "other", ["p:2"])).toEqual({ v: 3 });
  });

  it("a hit in a second process after the first loaded comes from its own tier, the same shared object, without Redis", async () => {
    const p = prefix();
    const [a, b] = [await proc(p), await proc(p)];
    const db = counted(() => ({ items: ["a", "b"], at: new Date("2026-01-02T03:04:05.678Z") }));
    const first = await a.cache.wrap("catalog", "k", 60, db.load);
    expect(db.loads).toBe(1);
    // B's first read is answered by Redis (A's entry), not the database.
    const fromRedis = await b.cache.wrap("catalog", "k", 60, db.load);
    expect(db.loads).toBe(1);
    expect(fromRedis).toEqual(first);
    expect(fromRedis.at).toBeInstanceOf(Date);
    expect(isSharedValue(fromRedis)).toBe(true);

    // B's command connection gone: only its in-process tier can answer without a load.
    b.redis.disconnect();
    await until("B's command connection is down", () => b.redis.status === "end");
    expect(await b.cache.wrap("catalog", "k", 60, db.load)).toBe(fromRedis);
    expect(db.loads).toBe(1);
    // …and a key it does not hold goes to the database, so Redis was indeed out of reach.
    await b.cache.wrap("catalog", "elsewhere", 60, db.load);
    expect(db.loads).toBe(2);
  });

  it("while its subscriber is down a process answers from Redis and the database, and after it is back forgets what it held", async () => {
    const p = prefix();
    const [a, b] = [await proc(p), await proc(p)];
    let v = "v1";
    const read = () => b.cache.wrap("catalog", "k", 60, async () => v);
    expect(await read()).toBe("v1");

    await cut(b.name);
    // A bump B cannot hear: its subscriber is cut (whether B has noticed yet or not).
    v = "v2";
    await a.cache.bump("catalog");
    // Once B notices, its own tier is off until the subscriber is back.
    await until("B notices its subscriber is gone", () => !b.cache.local, 1000);
    expect(await read()).toBe("v2");
    v = "v3";
    await a.cache.bump("catalog");
    expect(await read()).toBe("v3");

    await until("B's subscriber is back", () => b.cache.local);
    expect(await read()).toBe("v3");
    // And its tier is in use again: the next read runs no load.
    const db = counted(() => "v4");
    expect(await b.cache.wrap("catalog", "k", 60, db.load)).toBe("v3");
    expect(db.loads).toBe(0);
  });

  it("a reconnected process holds nothing from before, even a message it missed before noticing the cut", async () => {
    const p = prefix();
    const [a, b] = [await proc(p), await proc(p)];
    let v = "old";
    const tagged = { tags: ["p:1"] };
    const read = () => b.cache.wrap("catalog", "k", 60, async () => v, tagged);
    expect(await read()).toBe("old");
    await cut(b.name);
    v = "new";
    await a.cache.invalidate("catalog", ["p:1"]);
    await until("B notices its subscriber is gone", () => !b.cache.local, 1000);
    await until("B's subscriber is back", () => b.cache.local);
    expect(await read()).toBe("new");
  });

  it("an invalidation from another process that lands while a load runs wins over what the load read", async () => {
    const p = prefix();
    const [a, b] = [await proc(p), await proc(p)];
    const tagged = { tags: ["p:1"] };
    let probe = 1;
    const readProbe = () => b.cache.wrap("catalog", "probe", 60, async () => probe, tagged);
    expect(await readProbe()).toBe(1);

    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let reading = false;
    const slow = b.cache.wrap(
      "catalog",
      "k",
      60,
      async () => {
        reading = true;
        await gate;
        return "old";
      },
      tagged,
    );
    await until("B's load is reading the database", () => reading);
    await a.cache.invalidate("catalog", ["p:1"]);
    probe = 2;
    // B's probe entry reloads once B has heard the invalidation.
    await until("B hears the invalidation", async () => (await readProbe()) === 2);
    // A caller after it does not join the load that read the old state.
    const after = b.cache.wrap("catalog", "k", 60, async () => "new", tagged);
    release();
    expect(await slow).toBe("old");
    expect(await after).toBe("new");
    // Neither B's tier nor Redis keeps what the slow load read.
    expect(await b.cache.wrap("catalog", "k", 60, async () => "newer", tagged)).not.toBe("old");
    expect(await a.cache.wrap("catalog", "k", 60, async () => "newer", tagged)).not.toBe("old");
  });

  it("keeps an entry in process no longer than Redis keeps it", async () => {
    const p = prefix();
    const [a, b] = [await proc(p), await proc(p)];
    expect(await a.cache.wrap("catalog", "k", 2, async () => "first")).toBe("first");
    await sleep(1000);
    expect(await b.cache.wrap("catalog", "k", 2, async () => "second")).toBe("first");
    await sleep(1200);
    // Redis's entry expired ~200 ms ago; B's copy went with it, not a whole TTL after B read it.
    expect(await b.cache.wrap("catalog", "k", 2, async () => "second")).toBe("second");
  });

  it("with Redis unreachable, every read is a load and writes do not fail", async () => {
    const dead = new Redis("redis://127.0.0.1:1", {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    dead.on("error", () => {});
    clients.push(dead);
    const cache = createTieredCache(dead, { prefix: prefix(), log: silent });
    caches.push(cache);
    const db = counted(() => ({ n: 1 }));
    expect(await cache.wrap("catalog", "k", 60, db.load)).toEqual({ n: 1 });
    expect(await cache.wrap("catalog", "k", 60, db.load)).toEqual({ n: 1 });
    expect(db.loads).toBe(2);
    expect(cache.local).toBe(false);
    await cache.bump("catalog");
    await cache.invalidate("catalog", ["p:1"]);
  });
});
