import { join } from "node:path";
import { createDb, type DbHandle } from "@bazaar/db";
import {
  type BullQueue,
  createBullQueue,
  createInProcessQueue,
  type InProcessQueue,
  startBullWorkers,
} from "@bazaar/jobs";
import type { Config } from "./config";
import { isDomainError } from "./errors";
import { jobHandlers } from "./jobs";
import { createCloudinaryMediaStore, createLocalMediaStore } from "./media";
import { createOutboxMailer, createSmtpMailer } from "./notifications";
import { createPaymentGateway, createStripeGateway, receiveRazorpayWebhook } from "./payments";
import { type Cache, createMemoryCache } from "./platform/cache";
import { createTieredCache } from "./platform/cache-tiered";
import type { Deps } from "./platform/deps";
import { createMemoryLive, createRedisLive } from "./platform/live";
import type { Log } from "./platform/log";
import type { Mailer } from "./platform/mailer";
import { createRateLimiter } from "./platform/rate-limit";
import { connectRedis } from "./platform/redis";

export type Runtime = {
  deps: Deps;
  db: DbHandle;
  /** What /readyz checks: every backing service answers. */
  ready(): Promise<Record<string, "ok" | string>>;
  /** Waits for in-process jobs to finish (tests). */
  drainJobs(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Builds the services one process needs from config: PostgreSQL or embedded PGlite,
 * BullMQ or the in-process runner, SMTP or the .eml outbox, Redis or in-memory rate
 * limits. The same domain code runs on either side of each switch.
 */
export async function createRuntime(
  config: Config,
  log: Log,
  options: { mode: "server" | "worker" },
): Promise<Runtime> {
  const db = await openDatabase(config, log, options.mode);
  const redis = config.redisUrl
    ? await connectRedis(config.redisUrl, { commandTimeoutMs: config.redisCommandTimeoutMs, log })
    : undefined;
  const mailer = config.smtpUrl
    ? createSmtpMailer(config.smtpUrl)
    : createOutboxMailer(join(config.dataDir, "outbox"), log);
  // With Redis, entries shared by every process behind one in-process tier each.
  const tiered = redis ? createTieredCache(redis, { log }) : undefined;
  const deps = buildDeps(config, log, { db, redis, mailer, cache: tiered ?? createMemoryCache() });
  const { inProcess, bullQueue, closeWorkers } = await startJobs(config, log, deps, options.mode);

  return {
    deps,
    db,
    async ready() {
      const status: Record<string, string> = {};
      const check = async (name: string, fn: () => Promise<unknown>) => {
        try {
          await withTimeout(fn(), 2000);
          status[name] = "ok";
        } catch (e) {
          status[name] = e instanceof Error ? e.message : String(e);
        }
      };
      await check("database", () => db.ping());
      if (bullQueue) await check("queue", () => bullQueue.ping());
      if (redis) await check("redis", () => redis.ping());
      return status;
    },
    drainJobs: async () => inProcess?.drain(),
    async close() {
      await closeWorkers?.();
      await inProcess?.close();
      await bullQueue?.close();
      await deps.live.close();
      tiered?.close();
      redis?.disconnect();
      await mailer.close();
      await db.close();
    },
  };
}

/** PostgreSQL when DATABASE_URL is set, else PGlite under the data dir; migrated either way. */
async function openDatabase(config: Config, log: Log, mode: "server" | "worker"): Promise<DbHandle> {
  const db = config.databaseUrl
    ? await createDb({
        url: config.databaseUrl,
        poolSize: config.databasePoolSize,
        applicationName: `bazaar-${mode}`,
        timeouts: config.databaseTimeouts,
        // The requests using a broken connection fail on their own and answer 503.
        // Only what says why: the error also drags the whole client object along.
        onClientError: (err) =>
          log.warn(
            { code: (err as { code?: string }).code, reason: err.message },
            "database connection lost",
          ),
      })
    : await createDb({ dataDir: join(config.dataDir, "pglite") });
  await db.migrate();
  return db;
}

/** The ports every use case gets; jobs are wired in by startJobs once the queue exists. */
function buildDeps(
  config: Config,
  log: Log,
  services: {
    db: DbHandle;
    redis: Awaited<ReturnType<typeof connectRedis>> | undefined;
    mailer: Mailer;
    cache: Cache;
  },
): Deps {
  const { db, redis, mailer, cache } = services;
  const deps: Deps = {
    db: db.db,
    jobs: { enqueue: async () => {} },
    now: () => new Date(),
    mailer,
    mediaStore: config.cloudinary
      ? createCloudinaryMediaStore(config.cloudinary)
      : createLocalMediaStore(config.mediaDir, `${config.publicApiUrl}/media`),
    limiter: createRateLimiter({ redis }),
    cache,
    log,
    auth: { secret: new TextEncoder().encode(config.authSecret), bcryptCost: config.bcryptCost },
    urls: config.urls,
    mailFrom: config.mailFrom,
    payments: createPaymentGateway(config, {
      // Dev refunds settle later, as Razorpay's do: deliver them as the webhook would.
      onDevWebhook: (w) =>
        void receiveRazorpayWebhook(deps, {
          rawBody: w.body,
          signature: w.signature,
          eventId: w.eventId,
        }).catch((err) => log.error({ err }, "dev webhook not accepted")),
    }),
    ...(config.stripe && { stripe: createStripeGateway(config.stripe) }),
    live: redis ? createRedisLive(redis) : createMemoryLive(),
    orders: {
      paymentTimeoutMs: config.orders.paymentTimeoutMs,
      reconcileAfterMs: config.orders.reconcileAfterMs,
    },
    sweepGraceMs: config.sweepGraceMs,
    liveRecheckMs: config.liveRecheckMs,
    webhooks: config.webhooks,
    ...(config.google && { google: config.google }),
    publicApiUrl: config.publicApiUrl,
    unsubscribe: {
      ...(config.unsubscribeSecret && { secret: new TextEncoder().encode(config.unsubscribeSecret) }),
      ...(config.unsubscribeMailto && { mailto: config.unsubscribeMailto }),
    },
  };
  return deps;
}

/**
 * The job queue (in-process, or BullMQ producers), the BullMQ workers in a worker process,
 * and the repeating schedules where this process owns them.
 */
async function startJobs(config: Config, log: Log, deps: Deps, mode: "server" | "worker") {
  const isPermanent = isDomainError;
  let inProcess: InProcessQueue | undefined;
  let bullQueue: BullQueue | undefined;
  let closeWorkers: (() => Promise<void>) | undefined;
  if (config.runJobsInProcess) {
    inProcess = createInProcessQueue({ handlers: jobHandlers(deps), isPermanent, log });
    deps.jobs = inProcess;
  } else {
    bullQueue = createBullQueue({ url: config.redisUrl!, log });
    deps.jobs = bullQueue;
  }
  if (mode === "worker" && deps.payments.kind === "dev")
    log.warn(
      {},
      "no Razorpay keys: the dev payment gateway lives in the API process, so this worker cannot see its payments (refunds and reconciliation fail). Use Razorpay test keys with a separate worker.",
    );
  if (mode === "worker" && !config.runJobsInProcess) {
    const workers = startBullWorkers({
      url: config.redisUrl!,
      handlers: jobHandlers(deps),
      isPermanent,
      log,
    });
    closeWorkers = workers.close;
  }
  if (mode === "worker" || config.runJobsInProcess) {
    // One schedule each for the deployment (BullMQ upserts them), or one per process in-process.
    const queue = (inProcess ?? bullQueue)!;
    await queue.every("payments.reconcile", {}, config.orders.reconcileEveryMs);
    await queue.every("maintenance.sweep", {}, config.sweepEveryMs);
    await queue.every("webhooks.dispatch", {}, config.webhooks.dispatchEveryMs);
    await queue.every("catalog.fold-sold", {}, config.soldCountsEveryMs);
    await queue.every("analytics.fold-pending", {}, config.analyticsFoldEveryMs);
    // Whatever the last run left behind (an in-process queue loses its delayed jobs at
    // exit) is picked up now rather than one sweep interval from now.
    await queue.enqueue("maintenance.sweep", {}).catch((err) => {
      log.warn({ err }, "could not queue the start-up sweep; the schedule will run it");
    });
  }
  return { inProcess, bullQueue, closeWorkers };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
