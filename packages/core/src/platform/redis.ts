import type { Redis } from "ioredis";
import type { Log } from "./log";

/**
 * The Redis connection behind caching, rate limits and live events. Everything it serves
 * has a fallback (the database, an in-memory limiter, best-effort delivery), so it is set
 * to fail fast rather than wait: no queue of commands while disconnected, a short timeout
 * per command, one retry. It reconnects on its own, with a capped backoff, forever.
 * BullMQ keeps its own connections with its own rules (see @bazaar/jobs).
 */
export async function connectRedis(
  url: string,
  options: { commandTimeoutMs: number; log: Log; readyWithinMs?: number },
): Promise<Redis> {
  // Loaded here: without REDIS_URL the process never carries ioredis.
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
    // Commands issued in the same tick (an order's live events, cache drops) go in one write.
    enableAutoPipelining: true,
  });
  // One line when the connection goes and one when it is back, not one per retry.
  let down = false;
  redis.on("error", (err) => {
    if (down) return;
    down = true;
    options.log.warn({ err }, "Redis unreachable: cache skipped, rate limits held in memory");
  });
  redis.on("ready", () => {
    if (!down) return;
    down = false;
    options.log.info({}, "Redis is back");
  });
  // Commands are refused until the first connect completes: wait for it briefly, so a
  // healthy start does not begin on the fallbacks, but never block start-up on Redis.
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, options.readyWithinMs ?? 2_000);
    redis.once("ready", () => {
      clearTimeout(t);
      resolve();
    });
  });
  return redis;
}
