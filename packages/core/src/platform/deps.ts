import type { Database } from "@bazaar/db";
import type { JobQueue } from "@bazaar/jobs";
import type { Role } from "@bazaar/schemas";
import type { Cache } from "./cache";
import type { LiveEvents } from "./live";
import type { Log } from "./log";
import type { Mailer } from "./mailer";
import type { MediaStore } from "./media-store";
import type { PaymentGateway, StripeGateway } from "./payment-gateway";
import type { RateLimiter } from "./rate-limit";

/**
 * Everything a use case may touch. `db` may be a transaction. Every port is a type in
 * platform/, so any domain can take `Deps` without importing another domain; the adapters
 * live with the domain that owns the concept (mailers in notifications, stores in media,
 * gateways in payments) and are wired in runtime.ts.
 */
export type Deps = {
  db: Database;
  jobs: JobQueue;
  now: () => Date;
  mailer: Mailer;
  mediaStore: MediaStore;
  limiter: RateLimiter;
  cache: Cache;
  log: Log;
  auth: { secret: Uint8Array; bcryptCost: number };
  urls: { customer: string; seller: string; admin: string };
  mailFrom: string;
  payments: PaymentGateway;
  /** Stripe, the second gateway, when configured; orders paid by `stripe` go through it. */
  stripe?: StripeGateway;
  live: LiveEvents;
  /**
   * An open live stream re-checks its session this often (and before each event), so a
   * revoked session or a suspended account stops hearing events within this long.
   */
  liveRecheckMs: number;
  orders: {
    /** An online order not paid within this long is cancelled and its stock released. */
    paymentTimeoutMs: number;
    /** A payment still pending after this long is asked about at the gateway. */
    reconcileAfterMs: number;
  };
  /**
   * The sweep leaves work younger than this to its own job. Re-driving sooner is safe (jobs
   * are deduplicated by id and idempotent), only wasted.
   */
  sweepGraceMs: number;
  /** The API's public origin, for links such as the dev gateway's page. */
  publicApiUrl: string;
  /**
   * One-click unsubscribe links in email: signed with `secret` (UNSUBSCRIBE_SECRET; unset, a
   * key derived from the auth secret); `mailto` adds a mailto: to List-Unsubscribe.
   */
  unsubscribe?: { secret?: Uint8Array; mailto?: string };
  /**
   * "Sign in with Google": ID tokens must be for `clientId` and signed by a key published at
   * `jwksUrl`. Unset: Google sign-in is off.
   */
  google?: { clientId: string; jwksUrl: string };
  /**
   * Outbound webhooks: http to loopback only when `allowHttpLoopback` (dev, tests); internal
   * addresses refused when `blockPrivateAddresses` (production); each POST's time limit;
   * the first retry's delay (doubling up to 6 h). Unset: https only, 10 s, 30 s.
   */
  webhooks?: {
    allowHttpLoopback?: boolean;
    blockPrivateAddresses?: boolean;
    timeoutMs?: number;
    retryBaseMs?: number;
  };
};

/** A signed-in caller, as established from a verified access token and a live session. */
export type Actor = { userId: string; role: Role; sessionId: string };

/** A signed-in seller whose shop is approved and not suspended. */
export type SellerActor = Actor & { sellerId: string };

/** Where an anonymous request came from: used for rate limits and the sessions list. */
export type Origin = {
  ip: string | null;
  userAgent: string | null;
  /** A remember-this-device token the client presented (cookie or `x-bazaar-device`): skips a second factor. */
  trustedDevice?: string | null;
};
