import { sql } from "drizzle-orm";
import {
  boolean,
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
import { users } from "./identity";
import { orderItems, orders, subOrders } from "./orders";
import { sellers } from "./sellers";

/**
 * requested → approved | rejected | cancelled; rejected → escalated (buyer, within 48 h)
 * → approved | rejected (admin, final); approved → received (seller) → refunded.
 */
export const returnStatusEnum = pgEnum("return_status", [
  "requested",
  "approved",
  "rejected",
  "escalated",
  "received",
  "refunded",
  "cancelled",
]);
export const returnReasonEnum = pgEnum("return_reason", [
  "damaged",
  "defective",
  "wrong_item",
  "not_as_described",
  "size_fit",
  "no_longer_needed",
]);
/** original: back through the gateway the buyer paid with; manual: an admin pays a COD buyer by UPI or bank. */
export const refundMethodEnum = pgEnum("refund_method", ["original", "manual"]);
export const returnRefundStatusEnum = pgEnum("return_refund_status", [
  "none",
  "pending",
  "owed",
  "paid",
  "failed",
]);

/** A buyer's request to send back units of one sub-order, and the refund it earns. */
export const returns = pgTable(
  "returns",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human-friendly, shown on emails and pages. */
    number: text().notNull(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    subOrderId: uuid()
      .notNull()
      .references(() => subOrders.id, { onDelete: "cascade" }),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    customerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    status: returnStatusEnum().notNull().default("requested"),
    comment: text(),
    /** Media ids of the buyer's photos, in the order given. */
    photoIds: jsonb().$type<string[]>().notNull().default([]),
    /** The seller's (or admin's) reason for a rejection, and the buyer's for an escalation. */
    rejectReason: text(),
    escalationNote: text(),
    decisionNote: text(),
    /** Paise: the units' share of what was paid, plus shipping when it is owed back. */
    itemsAmount: integer().notNull(),
    shippingAmount: integer().notNull().default(0),
    refundMethod: refundMethodEnum().notNull(),
    refundStatus: returnRefundStatusEnum().notNull().default("none"),
    /** COD refunds: where to pay (UPI id or bank account), AES-GCM encrypted; the label is what pages show. */
    refundAccountEncrypted: text(),
    refundAccountLabel: text(),
    refundReference: text(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    rejectedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("returns_number_key").on(t.number),
    index("returns_customer_idx").on(t.customerId, t.createdAt),
    index("returns_seller_idx").on(t.sellerId, t.status, t.createdAt),
    index("returns_sub_order_idx").on(t.subOrderId),
    index("returns_status_idx").on(t.status, t.createdAt),
    index("returns_refund_idx").on(t.refundMethod, t.refundStatus, t.createdAt),
    check("returns_money_nonneg", sql`${t.itemsAmount} >= 0 and ${t.shippingAmount} >= 0`),
  ],
);

/** The units of one order line a return sends back. */
export const returnLines = pgTable(
  "return_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    returnId: uuid()
      .notNull()
      .references(() => returns.id, { onDelete: "cascade" }),
    orderItemId: uuid()
      .notNull()
      .references(() => orderItems.id, { onDelete: "cascade" }),
    qty: integer().notNull(),
    reason: returnReasonEnum().notNull(),
    /** Paise refunded for these units. */
    amount: integer().notNull(),
    /** Chosen by the seller on receipt; null until then. */
    restock: boolean(),
  },
  (t) => [
    uniqueIndex("return_lines_item_key").on(t.returnId, t.orderItemId),
    index("return_lines_order_item_idx").on(t.orderItemId),
    check("return_lines_qty_positive", sql`${t.qty} > 0`),
    check("return_lines_amount_nonneg", sql`${t.amount} >= 0`),
  ],
);
