import { webhookEvents } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";

/**
 * The part every gateway's webhook shares once its signature checks out: store the event under
 * its id (a redelivery finds the id taken and is not acted on twice) and hand the work to a job,
 * so the gateway gets its 2xx fast.
 */
export async function storeWebhookEvent(
  deps: Pick<Deps, "db" | "jobs" | "log" | "now">,
  event: { id: string; provider: string; type: string; payload: unknown },
): Promise<{ accepted: boolean; duplicate: boolean }> {
  const inserted = await deps.db
    .insert(webhookEvents)
    .values({
      id: event.id,
      provider: event.provider,
      event: event.type,
      payload: event.payload,
      receivedAt: deps.now(),
    })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  const duplicate = inserted.length === 0;
  if (duplicate) {
    // Stored before, but maybe never acted on: the enqueue after the first delivery can fail
    // (Redis away), and the gateway's retry is the fastest second chance it gets.
    const [stored] = await deps.db
      .select({ processedAt: webhookEvents.processedAt })
      .from(webhookEvents)
      .where(eq(webhookEvents.id, event.id));
    if (stored?.processedAt) return { accepted: true, duplicate };
  }
  // Stored is accepted: if the job cannot be queued now, the sweep queues it later.
  await deps.jobs
    .enqueue("payments.webhook", { eventId: event.id }, { dedupeKey: `webhook:${event.id}` })
    .catch((err) =>
      deps.log.error({ err, eventId: event.id }, "webhook stored but not queued; the sweep will"),
    );
  return { accepted: true, duplicate };
}
