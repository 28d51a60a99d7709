import { type Database, webhookEndpoints } from "@bazaar/db";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { forbidden, notFound } from "../errors";
import type { Actor } from "../platform/deps";

/**
 * Whose endpoints a caller manages: a seller their shop's, an admin the platform's
 * (`sellerId` null, hearing every shop). Nobody reaches another owner's endpoint: it is
 * not found, never forbidden, so ids of other shops' endpoints reveal nothing.
 */
export type WebhookOwner = { sellerId: string | null; userId: string };

export function ownerOf(actor: Actor & { sellerId?: string }): WebhookOwner {
  if (actor.role === "admin") return { sellerId: null, userId: actor.userId };
  if (actor.role === "seller" && actor.sellerId) return { sellerId: actor.sellerId, userId: actor.userId };
  throw forbidden("webhook.not_owner", "Only shops and admins have webhook endpoints");
}

export const ownedBy = (owner: WebhookOwner): SQL =>
  owner.sellerId ? eq(webhookEndpoints.sellerId, owner.sellerId) : isNull(webhookEndpoints.sellerId);

export const endpointNotFound = () => notFound("webhook.endpoint_not_found", "Webhook endpoint not found");

/** The owner's endpoint by id (locked for update when asked), or NOT_FOUND. */
export async function findOwnedEndpoint(db: Database, owner: WebhookOwner, id: string, lock = false) {
  const q = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), ownedBy(owner)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw endpointNotFound();
  return row;
}
