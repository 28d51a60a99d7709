import type { Database } from "@bazaar/db";
import type { WebhookEventType } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import { preparedStatement } from "../platform/prepared";

/** One event to send: its type, the shop it belongs to (null: the platform's alone) and its data. */
export type WebhookEmit = {
  type: WebhookEventType | "webhook.test";
  sellerId: string | null;
  data: Record<string, unknown>;
};

/**
 * Writes outbound webhook events into the outbox inside the caller's transaction, so a change
 * that rolls back sends nothing. One statement whatever the count: a multi-row insert … select
 * over the enabled endpoints subscribed to each type, the shop's own and the platform's (a
 * shop's endpoint never gets another shop's event). The body is snapshotted now, in the
 * Standard Webhooks shape `{ type, timestamp, data }`, with a `msg_…` id that stays the same
 * through every retry and redelivery. Delivery is a job per row (`webhooks.deliver`), queued by
 * the repeating `webhooks.dispatch` pass, so callers need nothing after commit.
 */
export async function emitWebhookEvent(tx: Database, events: WebhookEmit | WebhookEmit[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  await insertOutbox(tx, { json: webhookEventsJson(list) });
}

/** The events as one JSON array, so the text is fixed and the statement stays prepared. */
export const webhookEventsJson = (list: WebhookEmit[]) =>
  JSON.stringify(list.map((e) => ({ type: e.type, seller_id: e.sellerId, data: e.data })));

const insertOutbox = preparedStatement<never, { json: string }>("webhooks_emit", () =>
  webhookOutboxInsert(sql`${sql.placeholder("json")}`),
);

/**
 * `emitWebhookEvent`'s insert, for a caller that writes it together with other rows in one
 * statement (checkout); `json` stands for `webhookEventsJson`'s text.
 */
export const webhookOutboxInsert = (json: SQL) =>
  sql`insert into webhook_outbox (webhook_id, endpoint_id, type, payload, give_up_at)
        select 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.id, v.type,
               jsonb_build_object(
                 'type', v.type,
                 'timestamp', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'data', v.data),
               now() + interval '24 hours'
        from jsonb_to_recordset(${json}::jsonb) as v(type text, seller_id uuid, data jsonb)
        join webhook_endpoints e
          on e.enabled and v.type = any (e.events)
         and (e.seller_id is null or e.seller_id = v.seller_id)`;
