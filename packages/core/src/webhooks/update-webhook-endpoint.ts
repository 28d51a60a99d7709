import { webhookEndpoints } from "@bazaar/db";
import { type WebhookEndpointDto, WebhookEndpointUpdateInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { endpointDto } from "./dto";
import { findOwnedEndpoint, ownerOf } from "./owner";
import { checkWebhookUrl, policyOf } from "./url-policy";

/**
 * Changes an endpoint's URL, events, description, threshold or switch. Turning it back on
 * clears the failing mark (a fresh 3-day window); turning it off records that its owner did.
 */
export async function updateWebhookEndpoint(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: WebhookEndpointUpdateInput,
): Promise<WebhookEndpointDto> {
  const input = WebhookEndpointUpdateInput.parse(raw);
  const owner = ownerOf(actor);
  const url = input.url === undefined ? undefined : checkWebhookUrl(policyOf(deps), input.url).toString();
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const current = await findOwnedEndpoint(tx, owner, input.id, true);
    const switched = input.enabled !== undefined && input.enabled !== current.enabled;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...(url !== undefined && { url }),
        ...(input.events !== undefined && { events: input.events }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.lowStockThreshold !== undefined && { lowStockThreshold: input.lowStockThreshold }),
        ...(switched &&
          (input.enabled
            ? { enabled: true, disabledReason: null, failingSince: null }
            : { enabled: false, disabledReason: "manual" })),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    return endpointDto(row!, now);
  });
}
