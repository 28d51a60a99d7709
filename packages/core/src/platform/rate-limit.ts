import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { rateLimited } from "../errors";

/** Each limit: how many points in how many seconds. Counted per key (an IP or an email). */
export const defaultLimits = {
  "login.ip": { points: 30, duration: 15 * 60 },
  "login.account": { points: 10, duration: 15 * 60 },
  "register.ip": { points: 20, duration: 60 * 60 },
  "otp.verify.ip": { points: 30, duration: 15 * 60 },
  "otp.send.cooldown": { points: 1, duration: 60 },
  "otp.send.hourly": { points: 6, duration: 60 * 60 },
  "reset.request.ip": { points: 10, duration: 60 * 60 },
  "reset.request.account": { points: 3, duration: 60 * 60 },
  "reset.use.ip": { points: 20, duration: 15 * 60 },
  // Coupon codes are guessable by volume: a shopper tries a few, a script thousands.
  "coupon.apply.ip": { points: 30, duration: 15 * 60 },
  "coupon.apply.cart": { points: 10, duration: 15 * 60 },
} as const;

export type LimitName = keyof typeof defaultLimits;
export type Limits = Record<LimitName, { points: number; duration: number }>;

export interface RateLimiter {
  /** Counts one attempt; throws RATE_LIMITED with a retry-after once the limit is spent. */
  consume(limit: LimitName, key: string): Promise<void>;
  /** Forgets the attempts, e.g. after a successful login. */
  reset(limit: LimitName, key: string): Promise<void>;
}

/** Redis-backed when a client is given (shared by every server), in-memory otherwise. */
export function createRateLimiter(
  options: { redis?: Redis; limits?: Partial<Limits>; prefix?: string } = {},
): RateLimiter {
  const limits: Limits = { ...defaultLimits, ...options.limits };
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const [name, { points, duration }] of Object.entries(limits) as [LimitName, Limits[LimitName]][]) {
    const keyPrefix = `${options.prefix ?? "bazaar:rl"}:${name}`;
    limiters.set(
      name,
      options.redis
        ? new RateLimiterRedis({
            storeClient: options.redis,
            points,
            duration,
            keyPrefix,
            useRedisPackage: false,
          })
        : new RateLimiterMemory({ points, duration, keyPrefix }),
    );
  }
  return {
    async consume(limit, key) {
      try {
        await limiters.get(limit)!.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw rateLimited(`rate_limit.${limit}`, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        }
        throw error;
      }
    },
    async reset(limit, key) {
      await limiters.get(limit)!.delete(key);
    },
  };
}
