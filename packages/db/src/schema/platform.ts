import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One JSON value per key, for settings the whole platform shares. Each key belongs to one
 * domain, which reads and writes it: `commission.defaultBps` (sellers), `checkout` (checkout),
 * `demo.seeded` (the server's demo seed, apps/server/src/seed.ts).
 */
export const settings = pgTable("settings", {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
