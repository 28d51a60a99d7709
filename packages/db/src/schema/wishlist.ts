import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { products, productVariants } from "./catalog";
import { users } from "./identity";

/** A customer's saved products, one row per product. */
export const wishlistItems = pgTable(
  "wishlist_items",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** The variant the customer was looking at, if the product has several. */
    variantId: uuid().references(() => productVariants.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("wishlist_items_key").on(t.userId, t.productId),
    index("wishlist_items_user_idx").on(t.userId, t.createdAt),
  ],
);

/** A public, revocable link to one customer's wishlist. */
export const wishlistShares = pgTable(
  "wishlist_shares",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("wishlist_shares_token_key").on(t.token)],
);
