import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { sellers } from "./sellers";

/**
 * A seller's API key for integrations (an ERP, a warehouse system). The key is
 * `bz_live_<prefix>_<secret>`: `prefix` is stored in the clear to find the row and to let
 * the seller tell keys apart; only a SHA-256 of the 32 random bytes of `secret` is kept
 * (a slow hash buys nothing against 256 bits of entropy). `scopes` are `area:read|write`.
 * `lastUsedAt` is refreshed at most once a minute, so a busy key is not a write per request.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    prefix: text().notNull().unique(),
    secretHash: text().notNull(),
    scopes: text().array().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("api_keys_seller_idx").on(t.sellerId, t.createdAt)],
);
