import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orders, subOrders } from "./orders";
import { returns } from "./returns";

export const paymentProviderEnum = pgEnum("payment_provider", ["razorpay", "dev", "stripe"]);
export const paymentAttemptStatusEnum = pgEnum("payment_attempt_status", ["created", "paid", "failed"]);

/** One provider order per online checkout; the provider's ids are unique so nothing is paid twice. */
export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    provider: paymentProviderEnum().notNull(),
    providerOrderId: text().notNull(),
    providerPaymentId: text(),
    amount: integer().notNull(),
    status: paymentAttemptStatusEnum().notNull().default("created"),
    failureReason: text(),
    paidAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_provider_order_key").on(t.providerOrderId),
    uniqueIndex("payments_provider_payment_key").on(t.providerPaymentId),
    uniqueIndex("payments_order_key").on(t.orderId),
    index("payments_pending_idx").on(t.status, t.createdAt),
  ],
);

export const refundStatusEnum = pgEnum("refund_status", ["pending", "processed", "failed"]);

/** Money given back for a cancelled sub-order or a return; the key makes a retried refund a no-op. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    subOrderId: uuid().references(() => subOrders.id, { onDelete: "set null" }),
    /** Set when the refund pays back a return rather than a cancellation. */
    returnId: uuid().references(() => returns.id, { onDelete: "set null" }),
    amount: integer().notNull(),
    idempotencyKey: text().notNull(),
    providerRefundId: text(),
    status: refundStatusEnum().notNull().default("pending"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("refunds_idempotency_key").on(t.idempotencyKey),
    uniqueIndex("refunds_provider_key").on(t.providerRefundId),
    index("refunds_order_idx").on(t.orderId),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** Every webhook event id ever accepted: a replay finds its id here and is ignored. */
export const webhookEvents = pgTable("webhook_events", {
  id: text().primaryKey(),
  provider: text().notNull(),
  event: text().notNull(),
  payload: jsonb().$type<unknown>().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp({ withTimezone: true }),
});
