import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity";

/** `skipped`: the recipient turned this category's email off before it was sent. */
export const emailStatusEnum = pgEnum("email_status", ["pending", "sent", "failed", "skipped"]);

/**
 * Transactional outbox for email: the row is written in the same transaction as the
 * change that causes it, and the job that sends it carries only the row id. `payload`
 * may hold one-time secrets (an OTP, a reset link), so it is cleared once sent.
 */
export const emails = pgTable(
  "emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    template: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>(),
    subject: text(),
    status: emailStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    messageId: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("emails_status_idx").on(t.status, t.createdAt)],
);

/**
 * The in-app inbox. The row is written in the same transaction as the event it reports, so a
 * rolled-back change never notifies. `link` is a path inside the recipient's own app.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A preference category (orders, returns, messages, ...); see @bazaar/schemas. */
    category: text().notNull(),
    /** The event, e.g. `order.placed`, `message.received`. */
    type: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** A user's choice per category; a missing row means the defaults (both on). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text().notNull(),
    email: boolean().notNull().default(true),
    inApp: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);
