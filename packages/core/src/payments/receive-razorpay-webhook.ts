import { createHash } from "node:crypto";
import { webhookEvents } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { DomainError } from "../errors";
import type { Deps } from "../platform/deps";
import { parseWebhookEvent } from "./razorpay-entities";

/**
 * `POST /webhooks/razorpay`: verify the signature over the raw bytes, store the event under
 * its id (a replay finds the id taken and is ignored), and hand the work to a job so the
 * answer is fast. Razorpay retries anything but a 2xx, so only a forged or malformed
 * delivery is refused.
 */
export async function receiveRazorpayWebhook(
  deps: Pick<Deps, "db" | "payments" | "jobs" | "log" | "now">,
  input: { rawBody: Buffer | string; signature: string | null; eventId: string | null },
): Promise<{ accepted: boolean; duplicate: boolean }> {
  if (!input.signature || !deps.payments.verifyWebhookSignature(input.rawBody, input.signature)) {
    deps.log.warn({ eventId: input.eventId }, "webhook with a bad signature refused");
    throw new DomainError("FORBIDDEN", "webhook.bad_signature", "Bad webhook signature");
  }
  const event = parseWebhookEvent(input.rawBody);
  // Razorpay sends x-razorpay-event-id; without it, the body itself identifies the delivery.
  const id = input.eventId ?? `sha256:${createHash("sha256").update(input.rawBody).digest("hex")}`;
  const inserted = await deps.db
    .insert(webhookEvents)
    .values({
      id,
      provider: "razorpay",
      event: event.event,
      payload: JSON.parse(input.rawBody.toString()),
      receivedAt: deps.now(),
    })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  const duplicate = inserted.length === 0;
  if (duplicate) {
    // Stored before, but maybe never acted on: the enqueue after the first delivery can
    // fail (Redis away), and Razorpay's retry is the fastest second chance it gets.
    const [stored] = await deps.db
      .select({ processedAt: webhookEvents.processedAt })
      .from(webhookEvents)
      .where(eq(webhookEvents.id, id));
    if (stored?.processedAt) return { accepted: true, duplicate };
  }
  // Stored is accepted: if the job cannot be queued now, the sweep queues it later.
  await deps.jobs
    .enqueue("payments.webhook", { eventId: id }, { dedupeKey: `webhook:${id}` })
    .catch((err) => deps.log.error({ err, eventId: id }, "webhook stored but not queued; the sweep will"));
  return { accepted: true, duplicate };
}
