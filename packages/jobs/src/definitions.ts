import { z } from "zod";

/**
 * Every job the system knows: its queue and its payload. Payloads carry ids only;
 * handlers reload state, so a retried or duplicated job sees the truth of the moment.
 */
export const jobs = {
  "email.send": { queue: "email", payload: z.object({ emailId: z.uuid() }) },
  "media.delete": { queue: "media", payload: z.object({ mediaId: z.uuid() }) },
  /** A sale event starts or ends: storefront prices and sorting catch up. */
  "promotions.sale-boundary": { queue: "promotions", payload: z.object({ saleEventId: z.uuid() }) },
  /** A verified Razorpay webhook, stored by event id, to act on. */
  "payments.webhook": { queue: "payments", payload: z.object({ eventId: z.string().min(1).max(100) }) },
  /** Asks the gateway about payments pending too long and settles them. */
  "payments.reconcile": { queue: "payments", payload: z.object({}) },
  /** Sends a pending refund to the gateway. */
  "payments.refund": { queue: "payments", payload: z.object({ refundId: z.uuid() }) },
  /** An online order's payment window closed: cancel it unless it was paid. */
  "orders.expire": { queue: "orders", payload: z.object({ orderId: z.uuid() }) },
  /** A delivered sub-order's return window closed: its pending money becomes available. */
  "ledger.release": { queue: "ledger", payload: z.object({ subOrderId: z.uuid() }) },
  /** A message may have waited unread 10 minutes: email that side (at most once an hour per conversation). */
  "messages.unread-email": {
    queue: "messages",
    payload: z.object({ conversationId: z.uuid(), side: z.enum(["customer", "seller"]) }),
  },
  /** One attempt to deliver one outbound webhook event (it schedules its own retries). */
  "webhooks.deliver": { queue: "webhooks", payload: z.object({ eventId: z.uuid() }) },
  /** Repeating, every few seconds: queues a delivery for each due outbound webhook event. */
  "webhooks.dispatch": { queue: "webhooks", payload: z.object({}) },
  /** Applies an uploaded catalog CSV; the file waits in its catalog_imports row. */
  "catalog.import": { queue: "catalog", payload: z.object({ importId: z.uuid() }) },
  /** Repeating, every few seconds: adds orders' units sold to the products' sold counts (short; beside the sweep). */
  "catalog.fold-sold": { queue: "maintenance", payload: z.object({}) },
  /** Repeating, every few seconds: adds the orders placed since the last run to the sales rollups. */
  "analytics.fold-pending": { queue: "maintenance", payload: z.object({}) },
  /** Repeating: finds work whose job was lost (expiries, emails, webhooks, refunds) and does it. */
  "maintenance.sweep": { queue: "maintenance", payload: z.object({}) },
} as const;

export type JobName = keyof typeof jobs;
export type JobPayload<N extends JobName> = z.infer<(typeof jobs)[N]["payload"]>;
export type QueueName = (typeof jobs)[JobName]["queue"];
export const queueNames = [...new Set(Object.values(jobs).map((j) => j.queue))] as QueueName[];

export type EnqueueOptions = {
  /** Run no sooner than this many milliseconds from now. */
  delayMs?: number;
  /** A job with the same key that is still known to the queue is not added again. */
  dedupeKey?: string;
};

/** The port use cases see: they only ever enqueue. */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: EnqueueOptions): Promise<void>;
}

export type JobContext = { attempt: number; jobId: string };
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

export type RunnerOptions = {
  handlers: JobHandlers;
  /** Errors for which a retry cannot help (a domain rule said no): fail at once. */
  isPermanent?: (error: unknown) => boolean;
  attempts?: number;
  backoffMs?: number;
  log?: JobLog;
};

export type JobLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export const silentLog: JobLog = { info() {}, warn() {}, error() {} };

export function parsePayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  return jobs[name].payload.parse(payload) as JobPayload<N>;
}
