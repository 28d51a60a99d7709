import { createRequire } from "node:module";
import type { ConnectionOptions, Queue, Worker } from "bullmq";
import type { RedisOptions } from "ioredis";
import {
  type JobLog,
  type JobName,
  type JobPayload,
  type JobQueue,
  jobs,
  parsePayload,
  type QueueName,
  queueNames,
  type RunnerOptions,
  silentLog,
} from "./definitions";

// Loaded on first use: a process without Redis (the embedded default) never carries BullMQ
// and ioredis (~19 MB of RSS, and their load time at start).
const load = createRequire(import.meta.url);
const bullmq = () => load("bullmq") as typeof import("bullmq");
const ioredis = () => load("ioredis") as typeof import("ioredis");

/** ioredis options from a redis:// or rediss:// URL (BullMQ takes options, not URLs). */
export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === "rediss:" ? {} : undefined,
    // BullMQ workers block on Redis; ioredis must not give up on them.
    maxRetriesPerRequest: null,
  };
}

export type BullQueue = JobQueue & {
  /** A repeating job, scheduled once for the whole deployment however many processes ask. */
  every<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type BullOptions = {
  url: string;
  prefix?: string;
  attempts?: number;
  backoffMs?: number;
  /** Where connection errors are reported (once per outage). */
  log?: JobLog;
  /** An enqueue not accepted by Redis within this long fails (default 2 s). */
  enqueueTimeoutMs?: number;
};

/**
 * The producer side. Enqueueing happens on request paths after a commit, and every job
 * is backed by a row a sweep can re-drive, so with Redis away it fails fast (no offline
 * queue, a time limit) and the caller logs and moves on; it never holds the request.
 */
export function createBullQueue(options: BullOptions): BullQueue {
  const log = options.log ?? silentLog;
  const timeoutMs = options.enqueueTimeoutMs ?? 2_000;
  // One connection of our own for every queue, so its state is ours to watch.
  const connection = new (ioredis().Redis)({
    ...(redisConnection(options.url) as RedisOptions),
    enableOfflineQueue: false,
  });
  let down = false;
  // An 'error' event nobody hears would end the process.
  connection.on("error", (err) => {
    if (down) return;
    down = true;
    log.warn({ err }, "job queue cannot reach Redis; enqueues fail until it is back");
  });
  const queues = new Map<QueueName, Queue>();
  for (const name of queueNames) {
    const queue = new (bullmq().Queue)(name, {
      connection,
      prefix: options.prefix ?? "bazaar",
      defaultJobOptions: {
        attempts: options.attempts ?? 5,
        backoff: { type: "exponential", delay: options.backoffMs ?? 2000 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      },
    });
    queue.on("error", () => {}); // reported once above, from the shared connection
    queues.set(name, queue);
  }
  // Repeating jobs live in Redis: one restarted without persistence comes back without them.
  // So every schedule asked for is set again whenever the connection is (re)made.
  const schedules = new Map<JobName, { payload: unknown; everyMs: number }>();
  const upsert = (name: JobName, s: { payload: unknown; everyMs: number }) =>
    queues.get(jobs[name].queue)!.upsertJobScheduler(name, { every: s.everyMs }, { name, data: s.payload });
  connection.on("ready", () => {
    down = false;
    for (const [name, s] of schedules)
      upsert(name, s).catch((err) => log.warn({ err, job: name }, "could not restore a job schedule"));
  });
  return {
    async enqueue(name, payload, opts = {}) {
      const data = parsePayload(name, payload);
      const queue = queues.get(jobs[name].queue)!;
      await withTimeout(
        queue.add(name, data, {
          delay: opts.delayMs,
          // BullMQ refuses ':' in custom ids.
          jobId: opts.dedupeKey?.replaceAll(":", "-"),
        }),
        timeoutMs,
        `enqueue ${name}`,
      );
    },
    async every(name, payload, everyMs) {
      const schedule = { payload: parsePayload(name, payload), everyMs };
      schedules.set(name, schedule);
      await upsert(name, schedule);
    },
    async ping() {
      await withTimeout(queues.values().next().value!.getJobCounts("waiting"), timeoutMs, "queue ping");
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      connection.disconnect();
    },
  };
}

export type BullWorkers = { close(): Promise<void>; workers: Worker[] };

export function startBullWorkers(
  options: BullOptions & RunnerOptions & { concurrency?: number },
): BullWorkers {
  const { handlers, isPermanent = () => false, log = silentLog } = options;
  const connection = redisConnection(options.url);
  const workers = queueNames.map((queue) => {
    const { UnrecoverableError, Worker } = bullmq();
    const worker = new Worker(
      queue,
      async (job) => {
        const name = job.name as JobName;
        const handler = handlers[name] as
          | ((p: unknown, c: { attempt: number; jobId: string }) => Promise<void>)
          | undefined;
        if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
        try {
          await handler(parsePayload(name, job.data), { attempt: job.attemptsMade + 1, jobId: job.id ?? "" });
        } catch (error) {
          if (isPermanent(error)) {
            throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
          }
          throw error;
        }
      },
      { connection, prefix: options.prefix ?? "bazaar", concurrency: options.concurrency ?? 5 },
    );
    worker.on("failed", (job, err) =>
      log.warn({ job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err }, "job failed"),
    );
    // Redis going away surfaces here, once per retry: a warning, and the worker carries on
    // once its connection is back.
    worker.on("error", (err) => log.warn({ err, queue }, "worker error"));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: Redis did not answer in ${ms} ms`)), ms);
  });
  // The loser of the race must not surface as an unhandled rejection later.
  p.catch(() => {});
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
