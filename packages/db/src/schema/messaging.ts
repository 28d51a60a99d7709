import { sql } from "drizzle-orm";
import {
  bigint,
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
import { products } from "./catalog";
import { users } from "./identity";
import { subOrders } from "./orders";
import { sellers } from "./sellers";

export const conversationSubjectEnum = pgEnum("conversation_subject", ["product", "sub_order"]);
export const messageSenderEnum = pgEnum("message_sender", ["customer", "seller"]);

/**
 * One buyer and one shop talking about one subject (a product or a sub-order). Unread counters
 * and read marks live on the row so the inbox lists and the bell read one row per conversation
 * instead of counting messages.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    subjectType: conversationSubjectEnum().notNull(),
    productId: uuid().references(() => products.id, { onDelete: "set null" }),
    subOrderId: uuid().references(() => subOrders.id, { onDelete: "set null" }),
    /** The subject's id, kept even if the product or sub-order goes: the uniqueness key. */
    subjectId: uuid().notNull(),
    lastMessageAt: timestamp({ withTimezone: true }),
    lastMessageSeq: bigint({ mode: "number" }),
    lastMessagePreview: text(),
    customerUnread: integer().notNull().default(0),
    sellerUnread: integer().notNull().default(0),
    /** Read receipts: the highest message seq each side has read. */
    customerReadSeq: bigint({ mode: "number" }).notNull().default(0),
    sellerReadSeq: bigint({ mode: "number" }).notNull().default(0),
    /** The last "you have an unread message" email to each side (at most one an hour). */
    customerEmailedAt: timestamp({ withTimezone: true }),
    sellerEmailedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversations_subject_key").on(t.customerId, t.sellerId, t.subjectType, t.subjectId),
    index("conversations_customer_idx").on(t.customerId, t.lastMessageAt),
    index("conversations_seller_idx").on(t.sellerId, t.lastMessageAt),
    // An inbox's newest message seq, read under the inbox lock on every send (the stream's `prev`).
    index("conversations_customer_seq_idx").on(t.customerId, t.lastMessageSeq),
    index("conversations_seller_seq_idx").on(t.sellerId, t.lastMessageSeq),
    check("conversations_unread_nonneg", sql`${t.customerUnread} >= 0 and ${t.sellerUnread} >= 0`),
  ],
);

/**
 * `seq` is one global, ever-increasing number: a reconnecting client asks for everything after
 * the last seq it saw, which has no gaps or duplicates the way a timestamp cursor could.
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    senderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    senderRole: messageSenderEnum().notNull(),
    body: text().notNull(),
    /** Media ids, at most four. */
    imageIds: jsonb().$type<string[]>().notNull().default([]),
    /** Set when an admin takes the message down after a report. */
    hiddenAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_seq_key").on(t.seq),
    index("messages_conversation_seq_idx").on(t.conversationId, t.seq),
    check("messages_body_len", sql`char_length(${t.body}) <= 2000`),
  ],
);
