import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const emailStatusEnum = pgEnum("email_status", ["pending", "sent", "failed"]);

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
