import { refunds, webhookEvents } from "@bazaar/db";
import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import type { Deps } from "../platform/deps";

/** Older than this, the work is left for a person (the logs said why, many times). */
const WINDOW_MS = 7 * 24 * 3600_000;

/**
 * Sweep: hands stored webhook events that were never acted on, and booked refunds never
 * sent to the gateway, back to their jobs. Both are written before their job is enqueued,
 * so a lost enqueue (Redis down, a crash between the two) leaves them here. The jobs are
 * idempotent and deduplicated by id, so re-driving one still queued does nothing twice.
 */
export async function redrivePaymentWork(deps: Deps, options: { limit?: number } = {}) {
  const now = deps.now().getTime();
  const [newest, oldest] = [new Date(now - deps.sweepGraceMs), new Date(now - WINDOW_MS)];
  const limit = options.limit ?? 200;
  const events = await deps.db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        isNull(webhookEvents.processedAt),
        lt(webhookEvents.receivedAt, newest),
        gt(webhookEvents.receivedAt, oldest),
      ),
    )
    .orderBy(asc(webhookEvents.receivedAt))
    .limit(limit);
  for (const e of events)
    await deps.jobs.enqueue("payments.webhook", { eventId: e.id }, { dedupeKey: `webhook:${e.id}` });
  const stalled = await deps.db
    .select({ id: refunds.id })
    .from(refunds)
    .where(
      and(
        eq(refunds.status, "pending"),
        isNull(refunds.providerRefundId),
        lt(refunds.createdAt, newest),
        gt(refunds.createdAt, oldest),
      ),
    )
    .orderBy(asc(refunds.createdAt))
    .limit(limit);
  for (const r of stalled)
    await deps.jobs.enqueue("payments.refund", { refundId: r.id }, { dedupeKey: `refund:${r.id}` });
  return { webhooks: events.length, refunds: stalled.length };
}
