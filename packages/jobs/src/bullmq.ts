import { type ConnectionOptions, Queue, UnrecoverableError, Worker } from "bullmq";
import {
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

export type BullOptions = { url: string; prefix?: string; attempts?: number; backoffMs?: number };

export function createBullQueue(options: BullOptions): BullQueue {
  const connection = redisConnection(options.url);
  const queues = new Map<QueueName, Queue>();
  for (const name of queueNames) {
    queues.set(
      name,
      new Queue(name, {
        connection,
        prefix: options.prefix ?? "bazaar",
        defaultJobOptions: {
          attempts: options.attempts ?? 5,
          backoff: { type: "exponential", delay: options.backoffMs ?? 2000 },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        },
      }),
    );
  }
  return {
    async enqueue(name, payload, opts = {}) {
      const data = parsePayload(name, payload);
      const queue = queues.get(jobs[name].queue)!;
      await queue.add(name, data, {
        delay: opts.delayMs,
        // BullMQ refuses ':' in custom ids.
        jobId: opts.dedupeKey?.replaceAll(":", "-"),
      });
    },
    async every(name, payload, everyMs) {
      const data = parsePayload(name, payload);
      await queues.get(jobs[name].queue)!.upsertJobScheduler(name, { every: everyMs }, { name, data });
    },
    async ping() {
      await queues.values().next().value!.getJobCounts("waiting");
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
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
    worker.on("error", (err) => log.error({ err, queue }, "worker error"));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
