import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { sellers } from "./sellers";

/**
 * An outbound webhook endpoint. `sellerId` null is the platform's own endpoint (managed by
 * admins, hears every shop's events). Secrets are encrypted at rest (AES-256-GCM under a key
 * derived from the auth secret) and shown to the owner once; during a rotation the previous
 * secret signs too until `previousSecretExpiresAt`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    sellerId: uuid().references(() => sellers.id, { onDelete: "cascade" }),
    /** Who registered it: the platform endpoint's owner to email when it is disabled. */
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    url: text().notNull(),
    description: text().notNull().default(""),
    events: text().array().notNull(),
    /** stock.low fires when a variant's stock falls from at or above this to below it. */
    lowStockThreshold: integer().notNull().default(5),
    secretEncrypted: text().notNull(),
    previousSecretEncrypted: text(),
    previousSecretExpiresAt: timestamp({ withTimezone: true }),
    enabled: boolean().notNull().default(true),
    /** `manual` (the owner turned it off) or `failing` (3 days of failed deliveries). */
    disabledReason: text(),
    /** The first failed attempt since the last success; null while healthy. */
    failingSince: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_endpoints_seller_idx").on(t.sellerId, t.createdAt),
    check("webhook_endpoints_threshold", sql`${t.lowStockThreshold} >= 1`),
  ],
);

/**
 * The outbound outbox (`webhook_events` is taken by inbound Razorpay events): one row per endpoint and event, written in the transaction of the change, so a
 * rolled-back change sends nothing. `webhookId` is the Standard Webhooks message id, the same
 * on every attempt and redelivery so receivers can deduplicate; `payload` is the JSON body
 * as it was at the event.
 */
export const webhookOutbox = pgTable(
  "webhook_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    webhookId: text().notNull().unique(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** pending (to deliver), delivered, failed (gave up after 24 h, or the endpoint is off). */
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Retries stop here: 24 h after the event (or after a manual redelivery). */
    giveUpAt: timestamp({ withTimezone: true }).notNull(),
    /** An attempt in flight holds the row until then; a crashed one is retried after it. */
    lockedUntil: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_outbox_endpoint_idx").on(t.endpointId, t.createdAt, t.id),
    index("webhook_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** Every attempt to deliver an event: the delivery log owners read. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => webhookOutbox.id, { onDelete: "cascade" }),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    /** succeeded (2xx) or failed. */
    status: text().notNull(),
    responseStatus: integer(),
    durationMs: integer().notNull(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_deliveries_event_idx").on(t.eventId, t.attempt)],
);
