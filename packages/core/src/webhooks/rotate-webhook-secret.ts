import { webhookEndpoints } from "@bazaar/db";
import { WebhookEndpointIdInput, type WebhookSecretDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { endpointDto } from "./dto";
import { findOwnedEndpoint, ownerOf } from "./owner";
import { encryptSecret, newWebhookSecret } from "./secrets";

/** How long the rotated-out secret keeps signing beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

/**
 * A new secret, answered this once. For 24 h every delivery carries a signature with each
 * secret, so the receiver can switch whenever it likes within the window. Rotating again
 * within the window drops the oldest secret (only the last one is kept as previous).
 */
export async function rotateWebhookSecret(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: WebhookEndpointIdInput,
): Promise<WebhookSecretDto> {
  const input = WebhookEndpointIdInput.parse(raw);
  const owner = ownerOf(actor);
  const secret = newWebhookSecret();
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const current = await findOwnedEndpoint(tx, owner, input.id, true);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        secretEncrypted: encryptSecret(deps, secret),
        previousSecretEncrypted: current.secretEncrypted,
        previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    return row!;
  });
  return { endpoint: endpointDto(row, now), secret };
}
