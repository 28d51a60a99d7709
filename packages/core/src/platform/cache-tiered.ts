import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import {
  type Cache,
  createMemoryTier,
  createRedisTier,
  MEMORY_BOUNDS,
  type MemoryBounds,
  type Notice,
} from "./cache";
import type { Log } from "./log";

/** What one process tells the others: a namespace bumped, or tags invalidated. `o`: who sent it. */
type Change = { o: string; b?: string; i?: string; t?: string[] };

export type TieredCache = Cache & {
  /** Whether reads may be answered in this process now: its subscriber hears every change. */
  readonly local: boolean;
  close(): void;
};

/**
 * Half the memory cache's bounds: behind the first tier Redis keeps every entry, so the
 * first tier needs only the pages asked again within seconds. At the memory cache's 16 MB the
 * API's RSS on PostgreSQL with Redis peaked at 157–164 MB under the memory bench's load (the
 * goal is < 150 MB; bench/memory.ts), the Redis connections' buffers coming on top of it.
 */
const FIRST_TIER_BOUNDS: MemoryBounds = {
  max: MEMORY_BOUNDS.max / 2,
  maxTags: MEMORY_BOUNDS.maxTags / 2,
  maxBytes: MEMORY_BOUNDS.maxBytes / 2,
};

/**
 * The cache with Redis: an in-process first tier (createMemoryTier, with half the memory
 * cache's bounds) in front of the Redis store every process shares. A hit in the first tier costs
 * what the memory cache's does, no round trip and no parse; a miss there reads Redis, and
 * a miss in Redis loads from the database, one load per key at a time at either tier.
 *
 * Every process's first tier hears of every change over one pub/sub channel: `bump` and
 * `invalidate` write Redis with the message in the same transaction (so it is heard only
 * once the write is visible), then apply to this process's first tier (read-your-writes);
 * other processes apply it when the message arrives. A message that lands while a load
 * runs still wins over what the load read, as in the memory cache, since it stamps the
 * first tier the same way a local invalidation does.
 *
 * A process that may have missed a message must not answer from its first tier: it does
 * only while its subscriber connection is up and subscribed, and forgets everything the
 * first tier held when the connection goes and again once it is back (the usual rule of
 * client-side caching). Meanwhile reads go to Redis and the database as with
 * createRedisCache, and with Redis away to the database, never to an error.
 */
export function createTieredCache(
  redis: Redis,
  options: { prefix?: string; log?: Log; bounds?: MemoryBounds; connectionName?: string } = {},
): TieredCache {
  const prefix = options.prefix ?? "bazaar:cache";
  // Channels span a server's databases; the keys do not, so neither do their messages.
  const channel = `${prefix}:${redis.options.db ?? 0}:changed`;
  const origin = randomUUID();
  const l1 = createMemoryTier(options.bounds ?? FIRST_TIER_BOUNDS);
  const l2 = createRedisTier(redis, prefix, options.log);
  const subscriber = redis.duplicate({
    lazyConnect: false,
    connectionName: options.connectionName ?? "bazaar-cache-l1",
  });
  let subscribed = false;
  // Counts connections, so a subscription confirmed for one that has since gone counts for nothing.
  let attempt = 0;
  let closed = false;
  const local = () => subscribed && subscriber.status === "ready";
  const drop = () => {
    attempt++;
    if (!subscribed) return;
    subscribed = false;
    l1.clear();
  };
  const subscribe = (mine: number) => {
    subscriber.subscribe(channel).then(
      () => {
        if (mine !== attempt || subscriber.status !== "ready") return;
        l1.clear();
        l2.forget();
        subscribed = true;
      },
      () => {
        // Refused or timed out on a live connection: ask again shortly.
        if (mine === attempt && !closed) setTimeout(() => subscribe(mine), 500).unref();
      },
    );
  };
  // The command connection reports outages; this one only must not crash on them.
  subscriber.on("error", () => {});
  subscriber.on("close", drop);
  subscriber.on("end", drop);
  subscriber.on("ready", () => subscribe(++attempt));
  subscriber.on("message", (ch: string, raw: string) => {
    if (ch !== channel) return;
    let change: Change;
    try {
      change = JSON.parse(raw) as Change;
    } catch {
      change = { o: "" };
    }
    if (change.o === origin) return;
    // Nobody arriving from now on may join a load that may have read the old state.
    l2.forget();
    if (typeof change.b === "string") l1.bump(change.b);
    else if (typeof change.i === "string" && Array.isArray(change.t)) l1.invalidate(change.i, change.t);
    // A message this version cannot read: whatever it changed, nothing here is trusted.
    else l1.clear();
  });
  const notice = (change: Omit<Change, "o">): Notice => [channel, JSON.stringify({ o: origin, ...change })];
  return {
    get local() {
      return local();
    },
    wrap(ns, key, ttl, load, wrapOptions) {
      if (!local()) return l2.wrap(ns, key, ttl, load, wrapOptions).then((r) => r.value);
      return l1.wrap(ns, key, () => l2.wrap(ns, key, ttl, load, wrapOptions), wrapOptions);
    },
    // Redis first, then this process: applied the other way round, a read in between could
    // fill the first tier again from a Redis entry not yet invalidated.
    async bump(ns) {
      await l2.bump(ns, notice({ b: ns }));
      l1.bump(ns);
    },
    async invalidate(ns, tags) {
      if (tags.length === 0) return;
      await l2.invalidate(ns, tags, notice({ i: ns, t: tags }));
      l1.invalidate(ns, tags);
    },
    close() {
      closed = true;
      drop();
      subscriber.disconnect();
    },
  };
}
