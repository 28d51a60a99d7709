import { randomUUID } from "node:crypto";
import { webhookOutbox } from "@bazaar/db";
import { WEBHOOK_TEST_EVENT, WebhookEndpointIdInput, type WebhookTestResultDto } from "@bazaar/schemas";
import { invalidState } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { deliverWebhookEvent } from "./deliver-webhook";
import { findOwnedEndpoint, ownerOf } from "./owner";

/**
 * Sends a `webhook.test` event to one endpoint now, while the caller waits (at most the POST
 * time limit), and answers the attempt. It lands in the delivery log like any event and is
 * retried like one if it failed.
 */
export async function sendTestWebhook(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: WebhookEndpointIdInput,
): Promise<WebhookTestResultDto> {
  const input = WebhookEndpointIdInput.parse(raw);
  const endpoint = await findOwnedEndpoint(deps.db, ownerOf(actor), input.id);
  if (!endpoint.enabled)
    throw invalidState("webhook.endpoint_disabled", "Turn the endpoint back on before sending a test event");
  const now = deps.now();
  const [row] = await deps.db
    .insert(webhookOutbox)
    .values({
      webhookId: `msg_${randomUUID().replaceAll("-", "")}`,
      endpointId: endpoint.id,
      type: WEBHOOK_TEST_EVENT,
      payload: {
        type: WEBHOOK_TEST_EVENT,
        timestamp: now.toISOString(),
        data: { endpointId: endpoint.id, message: "A test event from Bazaar" },
      },
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + 24 * 3600_000),
      createdAt: now,
    })
    .returning();
  const delivery = await deliverWebhookEvent(deps, row!.id);
  return { delivery: delivery! };
}
