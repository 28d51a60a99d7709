import { webhookEndpoints } from "@bazaar/db";
import type { WebhookEndpointDto } from "@bazaar/schemas";
import { asc } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { endpointDto } from "./dto";
import { ownedBy, ownerOf } from "./owner";

/** The caller's endpoints (at most 10), oldest first. Secrets are never shown again. */
export async function listWebhookEndpoints(
  deps: Deps,
  actor: Actor & { sellerId?: string },
): Promise<WebhookEndpointDto[]> {
  const owner = ownerOf(actor);
  const rows = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(ownedBy(owner))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  const now = deps.now();
  return rows.map((r) => endpointDto(r, now));
}
