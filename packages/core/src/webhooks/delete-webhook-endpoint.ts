import { webhookEndpoints } from "@bazaar/db";
import { WebhookEndpointIdInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { endpointNotFound, ownedBy, ownerOf } from "./owner";

/** Deletes an endpoint with its undelivered events and its log. */
export async function deleteWebhookEndpoint(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: WebhookEndpointIdInput,
): Promise<{ id: string }> {
  const input = WebhookEndpointIdInput.parse(raw);
  const owner = ownerOf(actor);
  const [row] = await deps.db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, input.id), ownedBy(owner)))
    .returning({ id: webhookEndpoints.id });
  if (!row) throw endpointNotFound();
  return row;
}
