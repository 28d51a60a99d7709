import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import type { Log } from "./log";

/**
 * Read-through cache for public catalogue reads, with two ways to invalidate:
 *
 * - `bump(namespace)`: everything in the namespace. Keys carry the namespace's version, so
 *   stale entries are never read again and simply age out.
 * - `invalidate(namespace, tags)`: only entries carrying one of the tags (a product's id,
 *   "the in-stock filter"). Every invalidation takes the next number of a counter and
 *   stamps each tag with it; every entry remembers the counter as it was when its load
 *   started. An entry is good while each of its tags was last stamped at or before that
 *   number, so an invalidation that lands while a load runs still wins over what the load
 *   read.
 *
 * Stampede protection: concurrent misses on one key in this process share one load, so a
 * popular page whose entry just expired costs one query, not one per waiting request. An
 * invalidation forgets the loads in flight, so nobody arriving after it joins a load that
 * may have read the old state.
 *
 * With Redis the versions, stamps and entries are shared by every server, and each process
 * keeps an in-process first tier in front of them (cache-tiered.ts); without it they live in
 * this process.
 */
export interface Cache {
  wrap<T>(
    namespace: string,
    key: string,
    ttlSeconds: number,
    load: () => Promise<T>,
    options?: WrapOptions<T>,
  ): Promise<T>;
  bump(namespace: string): Promise<void>;
  invalidate(namespace: string, tags: string[]): Promise<void>;
}

/** Tags of an entry: fixed ones, and/or ones read off the loaded value (the products a page shows). */
export type WrapOptions<T> = { tags?: string[]; tagsOf?: (value: T) => string[] };

const tagsFor = <T>(value: T, options: WrapOptions<T> | undefined): string[] => {
  if (!options) return [];
  const tags = options.tags ?? [];
  return options.tagsOf ? [...tags, ...options.tagsOf(value)] : tags;
};

/** Shares one in-flight load per key; `clear` makes later callers start afresh. */
function singleFlight() {
  let flights = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, load: () => Promise<T>): Promise<T> {
      const running = flights.get(key);
      if (running) return running as Promise<T>;
      const mine = flights;
      const p = load().finally(() => {
        if (mine.get(key) === p) mine.delete(key);
      });
      flights.set(key, p);
      return p;
    },
    clear() {
      flights = new Map();
    },
  };
}

/**
 * Values the in-process cache hands out: every request reading an entry gets the same
 * object, so nobody may change one (that would change it for every later reader too). The
 * host relies on it: such a value is serialised once and the same bytes are sent to every
 * reader (apps/server trpc-routes.ts). Redis hits are fresh objects and never in here.
 */
const shared = new WeakSet<object>();
export const isSharedValue = (v: unknown): v is object =>
  typeof v === "object" && v !== null && shared.has(v);
/** Marks a value handed out to many requests (a cache entry, or a copy kept beside one): read-only from now on. */
export function markShared<T>(v: T): T {
  if (typeof v === "object" && v !== null) shared.add(v);
  return v;
}

const merged = new WeakMap<object, { b: object; value: object }>();
/**
 * `{ ...a, ...b }`, and when both are shared cache values the same object for as long as
 * they are (itself shared), so an answer made of two cache entries is serialised once too.
 */
export function mergeShared<A extends object, B extends object>(a: A, b: B): A & B {
  if (!isSharedValue(a) || !isSharedValue(b)) return { ...a, ...b };
  const known = merged.get(a);
  if (known?.b === b) return known.value as A & B;
  const value = { ...a, ...b };
  merged.set(a, { b, value });
  markShared(value);
  return value;
}

/** `checked`: the counter when the entry was last found fresh; no stamp since, no check. */
type MemoryEntry = { value: unknown; gen: number; checked: number; tags: string[]; size: number };

/**
 * What an entry costs the heap per byte of its JSON, measured (heap after a full GC, with and
 * without the entries) under distinct list, search and product-page reads of the demo
 * catalogue: 2.6–2.9. Beside the objects: each product's strings held again by every page
 * that shows it, and the wire form the host keeps per entry (apps/server trpc-routes.ts),
 * both living as long as the entry.
 */
const HEAP_PER_JSON_BYTE = 3;

/**
 * About the length of `JSON.stringify(v)`, without building it: strings and keys by their
 * length (escapes uncounted), integers by their digits. Sizing every new entry by stringifying
 * it cost ~35 µs and a string as long as the page on each list or search miss (#14), made
 * only to be measured and dropped; the host serialises the answer once anyway.
 */
export function jsonLength(v: unknown, depth: number): number {
  switch (typeof v) {
    case "string":
      return v.length + 2;
    case "number":
      return Number.isSafeInteger(v) ? digits(v) : String(v).length;
    case "boolean":
      return v ? 4 : 5;
    case "object": {
      if (v === null) return 4;
      if (v instanceof Date) return 26;
      if (depth > 64) return 0;
      if (Array.isArray(v)) {
        let n = 2 + Math.max(0, v.length - 1);
        for (let i = 0; i < v.length; i++) n += v[i] === undefined ? 4 : jsonLength(v[i], depth + 1);
        return n;
      }
      let n = 2;
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined || typeof x === "function") continue;
        n += k.length + 4 + jsonLength(x, depth + 1);
      }
      return n;
    }
    default:
      return 0;
  }
}

const digits = (n: number): number => {
  let d = n < 0 ? 2 : 1;
  for (let a = Math.abs(n); a >= 10; a /= 10) d++;
  return d;
};

/** How much an in-process cache may hold (see createMemoryCache). */
export type MemoryBounds = { max: number; maxTags: number; maxBytes: number };
export const MEMORY_BOUNDS: MemoryBounds = { max: 5000, maxTags: 50_000, maxBytes: 16 * 1024 * 1024 };

/** A loaded value and how long this process may keep it, ms. */
export type Timed<T> = { value: T; ttlMs: number };

/**
 * The in-process store: createMemoryCache alone, or the first tier in front of Redis
 * (cache-tiered.ts), whose loads read the second tier and say how long its entry has left.
 * `bump` and `invalidate` apply at once; `clear` forgets every entry, stamp and load in flight
 * (a load already running still answers its callers but stores nothing).
 */
export type MemoryTier = {
  wrap<T>(
    namespace: string,
    key: string,
    load: () => Promise<Timed<T>>,
    options?: WrapOptions<T>,
  ): Promise<T>;
  bump(namespace: string): void;
  invalidate(namespace: string, tags: string[]): void;
  clear(): void;
};

export function createMemoryTier(bounds: MemoryBounds = MEMORY_BOUNDS): MemoryTier {
  const { max, maxTags, maxBytes } = bounds;
  const entries = new LRUCache<string, MemoryEntry>({
    max,
    maxSize: maxBytes,
    sizeCalculation: (e) => e.size,
  });
  const versions = new Map<string, number>();
  let gen = 0;
  // Tag → the counter when it was last stamped. Past `maxTags` the map starts afresh with
  // every entry made before treated as stale, never a stale entry as good.
  let stamps = new Map<string, number>();
  let floor = 0;
  // Counts clears: a load that started before one must not store what it read.
  let epoch = 0;
  const flights = singleFlight();
  const fresh = (ns: string, e: MemoryEntry) => {
    if (e.checked === gen || e.gen >= gen || e.tags.length === 0) return true;
    if (e.gen < floor) return false;
    for (const t of e.tags) if ((stamps.get(`${ns}\0${t}`) ?? 0) > e.gen) return false;
    e.checked = gen;
    return true;
  };
  return {
    async wrap(ns, key, load, options) {
      const k = `${ns}:${versions.get(ns) ?? 0}:${key}`;
      const hit = entries.get(k);
      if (hit && fresh(ns, hit)) return hit.value as never;
      return flights.run(k, async () => {
        const started = gen;
        const startedEpoch = epoch;
        const { value, ttlMs } = await load();
        if (startedEpoch === epoch) {
          const tags = tagsFor(value, options);
          const size = Math.max(1, jsonLength(value, 0) * HEAP_PER_JSON_BYTE + tags.length * 48);
          // lru-cache reads a TTL of 0 as "forever": an entry with nothing left lives 1 ms.
          const ttl = Math.max(1, Math.round(ttlMs));
          entries.set(k, { value, gen: started, checked: started, tags, size }, { ttl });
        }
        // Every caller that joined this load gets the same object.
        markShared(value);
        return value;
      });
    },
    bump(ns) {
      versions.set(ns, (versions.get(ns) ?? 0) + 1);
      flights.clear();
    },
    invalidate(ns, tags) {
      if (tags.length === 0) return;
      gen++;
      if (stamps.size + tags.length > maxTags) {
        stamps = new Map();
        floor = gen;
      }
      for (const t of tags) stamps.set(`${ns}\0${t}`, gen);
      flights.clear();
    },
    clear() {
      epoch++;
      entries.clear();
      gen++;
      stamps = new Map();
      floor = gen;
      flights.clear();
    },
  };
}

/**
 * In this process: at most `max` entries taking about `maxBytes` of heap (estimated from their
 * JSON), so a catalogue crawled page by page, or searches that never repeat, cannot grow the
 * server without bound; the least recently read go first. 16 MB holds the hot pages and a
 * thousand product pages of the 10k bench catalogue; counted as JSON alone it let the heap
 * hold ~50 MB, a third of the API's memory goal (#14).
 */
export function createMemoryCache(
  max = MEMORY_BOUNDS.max,
  maxTags = MEMORY_BOUNDS.maxTags,
  maxBytes = MEMORY_BOUNDS.maxBytes,
): Cache {
  const tier = createMemoryTier({ max, maxTags, maxBytes });
  return {
    wrap: (ns, key, ttl, load, options) =>
      tier.wrap(ns, key, async () => ({ value: await load(), ttlMs: ttl * 1000 }), options),
    async bump(ns) {
      tier.bump(ns);
    },
    async invalidate(ns, tags) {
      tier.invalidate(ns, tags);
    },
  };
}

/** `x`: when the entry expires (ms since the epoch), so a first tier keeps it no longer. */
type RedisEntry = { nv: string; g: number; t: string[]; x?: number; v: unknown };

/** A message published in the same transaction as a write (cache-tiered.ts): channel, text. */
export type Notice = [channel: string, message: string];

/**
 * The Redis store behind createRedisCache, and the second tier of createTieredCache. A hit
 * answers how long its entry has left; `bump` and `invalidate` publish their notice, when
 * given one, in the same transaction as their write, so every subscriber hears of it only
 * once it is visible and never of a write that failed. `forget` drops the loads in flight
 * (another process's write was heard).
 */
export type RedisTier = {
  wrap<T>(
    namespace: string,
    key: string,
    ttlSeconds: number,
    load: () => Promise<T>,
    options?: WrapOptions<T>,
  ): Promise<Timed<T>>;
  bump(namespace: string, notice?: Notice): Promise<void>;
  invalidate(namespace: string, tags: string[], notice?: Notice): Promise<void>;
  forget(): void;
};

/**
 * Redis-backed: values are serialised with a reviver that restores Dates, since DTOs
 * carry them. A hit costs one round trip (the namespace version, the counter and the entry
 * in one MGET), plus one for the stamps of a tagged entry. A Redis failure degrades to a
 * miss rather than an error, and while the connection is down the cache is skipped
 * outright: reads go to the database at once instead of waiting on a command timeout.
 */
export function createRedisTier(redis: Redis, prefix = "bazaar:cache", log?: Log): RedisTier {
  const revive = (_k: string, v: unknown) =>
    typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) ? new Date(v) : v;
  const versionKey = (ns: string) => `${prefix}:v:${ns}`;
  const genKey = `${prefix}:gen`;
  const stampsKey = (ns: string) => `${prefix}:tags:${ns}`;
  const flights = singleFlight();
  return {
    async wrap(ns, key, ttl, load, options) {
      const ttlMs = ttl * 1000;
      if (redis.status !== "ready") return { value: await load(), ttlMs };
      const entryKey = `${prefix}:e:${ns}:${key}`;
      let version = "0";
      let gen = 0;
      try {
        const [v, g, raw] = await redis.mget(versionKey(ns), genKey, entryKey);
        version = v ?? "0";
        gen = Number(g ?? 0);
        const hit = raw == null ? null : (JSON.parse(raw, revive) as RedisEntry);
        if (hit && hit.nv === version) {
          // Left of the entry's life, never more than a whole TTL (clocks of servers differ).
          const left = hit.x === undefined ? ttlMs : Math.min(ttlMs, hit.x - Date.now());
          if (hit.t.length === 0) return { value: hit.v as never, ttlMs: left };
          const [first, ...rest] = hit.t;
          const stamps = await redis.hmget(stampsKey(ns), first!, ...rest);
          if (stamps.every((s) => Number(s ?? 0) <= hit.g)) return { value: hit.v as never, ttlMs: left };
        }
      } catch {
        return { value: await load(), ttlMs };
      }
      return flights.run(`${entryKey}\0${version}`, async () => {
        const value = await load();
        const entry: RedisEntry = {
          nv: version,
          g: gen,
          t: tagsFor(value, options),
          x: Date.now() + ttlMs,
          v: value,
        };
        await redis.set(entryKey, JSON.stringify(entry), "EX", ttl).catch(() => {});
        return { value, ttlMs };
      });
    },
    async bump(ns, notice) {
      flights.clear();
      // The write that called this has committed; failing it now would only hide that.
      // Entries cached under the old version live out their TTL (seconds to minutes).
      // Every entry is stale now, so the tag stamps can go: an entry made from here on
      // has a counter at least as new as any stamp they held.
      const tx = redis.multi().incr(versionKey(ns)).del(stampsKey(ns));
      if (notice) tx.publish(...notice);
      await tx.exec().catch((err) => {
        log?.warn({ err, namespace: ns }, "cache version not bumped; entries expire by TTL");
      });
    },
    async invalidate(ns, tags, notice) {
      if (tags.length === 0) return;
      flights.clear();
      try {
        const gen = await redis.incr(genKey);
        const tx = redis.multi().hset(stampsKey(ns), Object.fromEntries(tags.map((t) => [t, gen])));
        if (notice) tx.publish(...notice);
        await tx.exec();
      } catch (err) {
        log?.warn(
          { err, namespace: ns, tags: tags.length },
          "cache entries not invalidated; they expire by TTL",
        );
      }
    },
    forget() {
      flights.clear();
    },
  };
}

/** The Redis store alone: every server shares its entries, and every hit is a round trip. */
export function createRedisCache(redis: Redis, prefix = "bazaar:cache", log?: Log): Cache {
  const tier = createRedisTier(redis, prefix, log);
  return {
    wrap: async (ns, key, ttl, load, options) => (await tier.wrap(ns, key, ttl, load, options)).value,
    bump: (ns) => tier.bump(ns),
    invalidate: (ns, tags) => tier.invalidate(ns, tags),
  };
}
