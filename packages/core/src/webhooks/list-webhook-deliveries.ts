import { webhookDeliveries, webhookOutbox } from "@bazaar/db";
import { type Page, WebhookDeliveriesInput, type WebhookDeliveryDto } from "@bazaar/schemas";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { deliveryDto } from "./dto";
import { findOwnedEndpoint, ownerOf } from "./owner";

// Rows keep microseconds, cursors carry a JavaScript date: pages are cut on milliseconds.
const ms = sql`date_trunc('milliseconds', ${webhookOutbox.createdAt})`;

/** An endpoint's delivery log, newest event first (cursor pages), each with its attempts. */
export async function listWebhookDeliveries(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: WebhookDeliveriesInput,
): Promise<Page<WebhookDeliveryDto>> {
  const input = WebhookDeliveriesInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const endpoint = await findOwnedEndpoint(deps.db, ownerOf(actor), input.endpointId);
  const rows = await deps.db
    .select()
    .from(webhookOutbox)
    .where(
      and(
        eq(webhookOutbox.endpointId, endpoint.id),
        cursor &&
          sql`(${ms}, ${webhookOutbox.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
      ),
    )
    .orderBy(desc(ms), desc(webhookOutbox.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = page(rows, input.limit);
  const attempts =
    items.length === 0
      ? []
      : await deps.db
          .select()
          .from(webhookDeliveries)
          .where(
            inArray(
              webhookDeliveries.eventId,
              items.map((i) => i.id),
            ),
          );
  return {
    items: items.map((e) =>
      deliveryDto(
        e,
        attempts.filter((a) => a.eventId === e.id),
      ),
    ),
    nextCursor,
  };
}
