import { webhookEndpoints } from "@bazaar/db";
import { WebhookEndpointCreateInput, type WebhookSecretDto } from "@bazaar/schemas";
import { count, sql } from "drizzle-orm";
import { conflict } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { endpointDto } from "./dto";
import { ownedBy, ownerOf } from "./owner";
import { encryptSecret, newWebhookSecret } from "./secrets";
import { checkWebhookUrl, policyOf } from "./url-policy";

/** A shop (or the platform) keeps at most this many endpoints. */
export const MAX_ENDPOINTS = 10;

/**
 * Registers an endpoint for the caller's shop (an admin: the platform's). The URL must be
 * HTTPS (see url-policy). The secret is answered this once and stored only encrypted.
 */
export async function createWebhookEndpoint(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: WebhookEndpointCreateInput,
): Promise<WebhookSecretDto> {
  const input = WebhookEndpointCreateInput.parse(raw);
  const owner = ownerOf(actor);
  const url = checkWebhookUrl(policyOf(deps), input.url);
  const secret = newWebhookSecret();
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    // Two creates at once could both pass a plain count: the owner's count is taken under a
    // transaction-scoped advisory lock on the owner.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`webhook-endpoints:${owner.sellerId ?? "platform"}`}))`,
    );
    const [n] = await tx.select({ n: count() }).from(webhookEndpoints).where(ownedBy(owner));
    if ((n?.n ?? 0) >= MAX_ENDPOINTS)
      throw conflict("webhook.too_many_endpoints", `You can have at most ${MAX_ENDPOINTS} webhook endpoints`);
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        sellerId: owner.sellerId,
        createdBy: owner.userId,
        url: url.toString(),
        description: input.description ?? "",
        events: input.events,
        lowStockThreshold: input.lowStockThreshold ?? 5,
        secretEncrypted: encryptSecret(deps, secret),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return row!;
  });
  return { endpoint: endpointDto(row, now), secret };
}
