import { randomUUID } from "node:crypto";
import {
  type EnqueueOptions,
  type JobName,
  type JobPayload,
  type JobQueue,
  parsePayload,
  type RunnerOptions,
  silentLog,
} from "./definitions";

export type InProcessQueue = JobQueue & {
  /** A repeating job while this process runs. */
  every<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void>;
  /** Resolves when nothing is running or due without a delay (tests, shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The embedded-default runner: jobs run in this process with the same retry and
 * permanent-failure rules as the BullMQ worker. Jobs still pending at exit are lost,
 * which is why the outbox rows they point at stay 'pending' and can be re-driven.
 */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function createInProcessQueue(options: RunnerOptions): InProcessQueue {
  const { handlers, isPermanent = () => false, attempts = 5, backoffMs = 1000, log = silentLog } = options;
  const timers = new Set<NodeJS.Timeout>();
  const intervals = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const known = new Set<string>();
  let closed = false;

  const schedule = (fn: () => Promise<void>, delay: number) => {
    if (delay <= 0) {
      const p = fn().finally(() => running.delete(p));
      running.add(p);
      return;
    }
    // Node fires a timeout longer than ~24.8 days after 1 ms instead: wait in steps.
    const step = Math.min(delay, MAX_TIMEOUT_MS);
    const t = setTimeout(() => {
      timers.delete(t);
      if (closed) return;
      if (delay > step) return schedule(fn, delay - step);
      const p = fn().finally(() => running.delete(p));
      running.add(p);
    }, step);
    timers.add(t);
  };

  const run = async <N extends JobName>(name: N, payload: JobPayload<N>, jobId: string, attempt: number) => {
    // Let the caller's transaction and response finish first, as a real queue would.
    await new Promise((r) => setImmediate(r));
    try {
      await (handlers[name] as (p: JobPayload<N>, c: { attempt: number; jobId: string }) => Promise<void>)(
        payload,
        { attempt, jobId },
      );
      known.delete(jobId);
    } catch (error) {
      const permanent = isPermanent(error);
      if (permanent || attempt >= attempts || closed) {
        known.delete(jobId);
        log.error({ err: error, job: name, jobId, attempt }, "job failed");
        return;
      }
      const delay = backoffMs * 2 ** (attempt - 1);
      log.warn({ err: error, job: name, jobId, attempt, retryInMs: delay }, "job failed, will retry");
      schedule(() => run(name, payload, jobId, attempt + 1), delay);
    }
  };

  return {
    async enqueue(name, payload, opts: EnqueueOptions = {}) {
      if (closed) throw new Error("job queue is closed");
      const data = parsePayload(name, payload);
      const jobId = opts.dedupeKey ?? randomUUID();
      if (known.has(jobId)) return;
      known.add(jobId);
      schedule(() => run(name, data, jobId, 1), opts.delayMs ?? 0);
    },
    async every(name, payload, everyMs) {
      const data = parsePayload(name, payload);
      // One schedule per job name, as BullMQ's scheduler keeps: setting it again replaces it.
      clearInterval(intervals.get(name));
      const t = setInterval(() => {
        // One run at a time: a slow run is not stacked with the next.
        const jobId = `every:${name}`;
        if (closed || known.has(jobId)) return;
        known.add(jobId);
        schedule(() => run(name, data, jobId, 1), 0);
      }, everyMs);
      t.unref();
      intervals.set(name, t);
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      for (const t of intervals.values()) clearInterval(t);
      timers.clear();
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
