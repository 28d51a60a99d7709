import { webhookOutbox } from "@bazaar/db";
import { and, asc, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { queueDelivery } from "./deliver-webhook";

/**
 * Job `webhooks.dispatch`, repeating (and part of the sweep): queues a delivery job for every
 * pending event that is due and not held by an attempt in flight. Events are written by the
 * changes' own transactions with nothing queued after commit, so this pass is how new events
 * start, and also how an event whose job was lost (a restart, Redis away) is picked up again.
 * Jobs are deduplicated by event and attempt count, so running it often or twice is harmless.
 * `graceMs` leaves events younger than that to the jobs already queued for them.
 */
export async function dispatchWebhooks(deps: Deps, graceMs = 0, limit = 500): Promise<number> {
  const now = deps.now();
  const due = await deps.db
    .select({ id: webhookOutbox.id, attempts: webhookOutbox.attempts, claim: webhookOutbox.lockedUntil })
    .from(webhookOutbox)
    .where(
      and(
        eq(webhookOutbox.status, "pending"),
        lte(webhookOutbox.nextAttemptAt, new Date(now.getTime() - graceMs)),
        or(isNull(webhookOutbox.lockedUntil), lt(webhookOutbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(webhookOutbox.nextAttemptAt))
    .limit(limit);
  for (const e of due) await queueDelivery(deps, e.id, e.attempts, now, e.claim);
  return due.length;
}
