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
  // Wrong codes for an address with no live code: counted like a real code's attempts (5 in
  // its 10 minutes), so the answers do not tell which addresses have a sign-up pending.
  "otp.verify.decoy": { points: 5, duration: 10 * 60 },
  "otp.send.cooldown": { points: 1, duration: 60 },
  "otp.send.hourly": { points: 6, duration: 60 * 60 },
  "reset.request.ip": { points: 10, duration: 60 * 60 },
  "reset.request.account": { points: 3, duration: 60 * 60 },
  "reset.use.ip": { points: 20, duration: 15 * 60 },
  // Google sign-in: each try checks a token's signature and may create an account.
  "google.ip": { points: 30, duration: 15 * 60 },
  // Second-factor codes per account (#16): 10 guesses in 15 minutes of a million codes, however
  // many sign-in challenges they are spread over.
  "two_factor.account": { points: 10, duration: 15 * 60 },
  // Each try costs a bcrypt check: a batch of guesses must not slow everyone's sign-in.
  "password.change.account": { points: 5, duration: 15 * 60 },
  "password.change.ip": { points: 20, duration: 15 * 60 },
  // Coupon codes are guessable by volume: a shopper tries a few, a script thousands.
  "coupon.apply.ip": { points: 30, duration: 15 * 60 },
  "coupon.apply.cart": { points: 10, duration: 15 * 60 },
  // Questions and answers are public text and email the seller or the asker: a person asks a
  // handful an hour, a spammer hundreds.
  "question.ask.account": { points: 10, duration: 60 * 60 },
  "question.answer.account": { points: 30, duration: 60 * 60 },
  // Each report lands in the admins' queue: someone reports a few things a day, a grudge dozens.
  "report.create.account": { points: 20, duration: 60 * 60 },
  // A chat is quick back and forth, but every message notifies and may email the other side:
  // a person types a few a minute, a script hundreds.
  "message.send.account": { points: 30, duration: 60 },
  // Each seller API key on its own (issue #16): an integration syncing stock makes a few
  // requests a second at most; a runaway loop thousands.
  "api_key.request": { points: 600, duration: 60 },
  // Wrong API keys from one address: a misconfigured integration sends a few, a key guesser
  // millions. Once spent, every key from there waits, so a lucky guess gains nothing either.
  "api_key.invalid.ip": { points: 30, duration: 15 * 60 },
} as const;

export type LimitName = keyof typeof defaultLimits;
export type Limits = Record<LimitName, { points: number; duration: number }>;

export interface RateLimiter {
  /**
   * Counts one attempt and says how many are left; throws RATE_LIMITED with a retry-after
   * once the limit is spent.
   */
  consume(limit: LimitName, key: string): Promise<{ remaining: number }>;
  /** Throws RATE_LIMITED like `consume` when the points are already spent, without counting one. */
  check(limit: LimitName, key: string): Promise<void>;
  /** Forgets the attempts, e.g. after a successful login. */
  reset(limit: LimitName, key: string): Promise<void>;
}

/**
 * Redis-backed when a client is given (shared by every server), in-memory otherwise.
 * When Redis is unreachable, each limit falls back to an in-memory twin in this process
 * (rate-limiter-flexible's insurance limiter): limits keep holding per server, at the same
 * rates, instead of failing requests or letting everything through. Counts taken while
 * Redis was away are not merged back when it returns.
 */
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
            // Not connected: go straight to the insurance limiter rather than wait.
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix }),
          })
        : new RateLimiterMemory({ points, duration, keyPrefix }),
    );
  }
  return {
    async consume(limit, key) {
      try {
        const res = await limiters.get(limit)!.consume(key);
        return { remaining: res.remainingPoints };
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw rateLimited(`rate_limit.${limit}`, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        }
        throw error;
      }
    },
    async check(limit, key) {
      const res = await limiters.get(limit)!.get(key);
      if (res && res.consumedPoints >= limits[limit].points)
        throw rateLimited(`rate_limit.${limit}`, Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    },
    async reset(limit, key) {
      await limiters.get(limit)!.delete(key);
    },
  };
}
