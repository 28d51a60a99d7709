import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { productVariants } from "./catalog";
import { users } from "./identity";
import { coupons } from "./promotions";

/**
 * A customer's cart, or a guest's. A guest proves ownership with a secret token whose
 * hash is kept here; a signed-in customer owns at most one cart.
 */
export const carts = pgTable(
  "carts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    guestTokenHash: text(),
    couponId: uuid().references(() => coupons.id, { onDelete: "set null" }),
    /** Guest carts only: pushed 30 days ahead by every use. */
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("carts_user_key").on(t.userId),
    uniqueIndex("carts_guest_token_key").on(t.guestTokenHash),
    index("carts_expires_idx").on(t.expiresAt),
    check("carts_one_owner", sql`(${t.userId} is null) <> (${t.guestTokenHash} is null)`),
  ],
);

export const cartItems = pgTable(
  "cart_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    qty: integer().notNull(),
    /** The unit price the customer last saw, so a later change can be pointed out. */
    seenUnitPrice: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cart_items_variant_key").on(t.cartId, t.variantId),
    check("cart_items_qty_positive", sql`${t.qty} > 0`),
  ],
);
