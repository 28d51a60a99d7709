import { webhookEndpoints, webhookOutbox } from "@bazaar/db";
import { type WebhookDeliveryDto, WebhookRedeliverInput } from "@bazaar/schemas";
import { and, eq, isNull, lt, ne, or } from "drizzle-orm";
import { invalidState, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { queueDelivery } from "./deliver-webhook";
import { deliveryDto } from "./dto";
import { ownedBy, ownerOf } from "./owner";

/**
 * Sends an event again, with the same `webhook-id` (receivers deduplicate on it) and a fresh
 * 24 h of retries. Idempotent: while the event is already waiting to be sent (a double click,
 * or it never stopped retrying), or once another request has sent it again since this one
 * read it, nothing more is queued. The endpoint must be on.
 */
export async function redeliverWebhookEvent(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: WebhookRedeliverInput,
): Promise<WebhookDeliveryDto> {
  const input = WebhookRedeliverInput.parse(raw);
  const owner = ownerOf(actor);
  // Taken before reading: a delivery that completes after this moment answers this request too.
  const now = deps.now();
  const [found] = await deps.db
    .select({ event: webhookOutbox, enabled: webhookEndpoints.enabled })
    .from(webhookOutbox)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookOutbox.endpointId))
    .where(and(eq(webhookOutbox.id, input.eventId), ownedBy(owner)));
  if (!found) throw notFound("webhook.event_not_found", "Webhook event not found");
  if (!found.enabled)
    throw invalidState("webhook.endpoint_disabled", "Turn the endpoint back on before redelivering");
  const [queued] = await deps.db
    .update(webhookOutbox)
    .set({
      status: "pending",
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + 24 * 3600_000),
      lockedUntil: null,
    })
    // As the caller found it: of two requests at once, one redelivers; the other finds it
    // queued, or sent again since it began (a later attempt or delivery), and leaves it be.
    .where(
      and(
        eq(webhookOutbox.id, found.event.id),
        ne(webhookOutbox.status, "pending"),
        eq(webhookOutbox.attempts, found.event.attempts),
        or(isNull(webhookOutbox.deliveredAt), lt(webhookOutbox.deliveredAt, now)),
      ),
    )
    .returning();
  if (queued) await queueDelivery(deps, queued.id, queued.attempts, now);
  // Already waiting: the event as it stands now (the other click's attempt may have run).
  const [current] = queued
    ? [queued]
    : await deps.db.select().from(webhookOutbox).where(eq(webhookOutbox.id, found.event.id));
  return deliveryDto(current ?? found.event, []);
}
