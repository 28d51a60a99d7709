import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import type { Log } from "./log";

/**
 * Read-through cache for public catalogue reads. Invalidation is by namespace version:
 * every write that affects a namespace bumps its version, and keys carry the version, so
 * stale entries are never read again and simply age out. With Redis the versions and
 * entries are shared by every server; without it they live in this process.
 */
export interface Cache {
  wrap<T>(namespace: string, key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T>;
  bump(namespace: string): Promise<void>;
}

export function createMemoryCache(max = 5000): Cache {
  const entries = new LRUCache<string, { value: unknown }>({ max });
  const versions = new Map<string, number>();
  return {
    async wrap(ns, key, ttl, load) {
      const k = `${ns}:${versions.get(ns) ?? 0}:${key}`;
      const hit = entries.get(k);
      if (hit) return hit.value as never;
      const value = await load();
      entries.set(k, { value }, { ttl: ttl * 1000 });
      return value;
    },
    async bump(ns) {
      versions.set(ns, (versions.get(ns) ?? 0) + 1);
    },
  };
}

/**
 * Redis-backed: values are serialised with a reviver that restores Dates, since DTOs
 * carry them. A Redis failure degrades to a miss rather than an error, and while the
 * connection is down the cache is skipped outright: reads go to the database at once
 * instead of waiting on a command timeout.
 */
export function createRedisCache(redis: Redis, prefix = "bazaar:cache", log?: Log): Cache {
  const revive = (_k: string, v: unknown) =>
    typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) ? new Date(v) : v;
  return {
    async wrap(ns, key, ttl, load) {
      if (redis.status !== "ready") return load();
      let version = "0";
      try {
        version = (await redis.get(`${prefix}:v:${ns}`)) ?? "0";
        const hit = await redis.get(`${prefix}:${ns}:${version}:${key}`);
        if (hit !== null) return JSON.parse(hit, revive);
      } catch {
        return load();
      }
      const value = await load();
      await redis.set(`${prefix}:${ns}:${version}:${key}`, JSON.stringify(value), "EX", ttl).catch(() => {});
      return value;
    },
    async bump(ns) {
      // The write that called this has committed; failing it now would only hide that.
      // Entries cached under the old version live out their TTL (seconds to minutes).
      await redis.incr(`${prefix}:v:${ns}`).catch((err) => {
        log?.warn({ err, namespace: ns }, "cache version not bumped; entries expire by TTL");
      });
    },
  };
}
