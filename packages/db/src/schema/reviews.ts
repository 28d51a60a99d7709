import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { users } from "./identity";
import { orderItems } from "./orders";
import { sellers } from "./sellers";

/** Published content shows on the storefront; hidden was taken down by an admin. */
export const contentStatusEnum = pgEnum("content_status", ["published", "hidden"]);

/** A verified buyer's review of a product: one per buyer and product. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    customerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The delivered line that makes this a verified purchase. */
    orderItemId: uuid().references(() => orderItems.id, { onDelete: "set null" }),
    rating: smallint().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** Media ids, at most five. */
    photoIds: jsonb().$type<string[]>().notNull().default([]),
    status: contentStatusEnum().notNull().default("published"),
    helpfulCount: integer().notNull().default(0),
    sellerReply: text(),
    sellerRepliedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reviews_product_customer_key").on(t.productId, t.customerId),
    index("reviews_product_helpful_idx").on(t.productId, t.status, t.helpfulCount, t.createdAt, t.id),
    index("reviews_product_created_idx").on(t.productId, t.status, t.createdAt, t.id),
    index("reviews_product_rating_idx").on(t.productId, t.status, t.rating, t.createdAt, t.id),
    // "Lowest first" runs stars upwards but keeps newest first within a star: without this,
    // every page sorts the product's whole lowest group (8 ms at 512 one-star reviews).
    index("reviews_product_lowest_idx").on(
      t.productId,
      t.status,
      t.rating,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("reviews_seller_idx").on(t.sellerId, t.createdAt),
    index("reviews_customer_idx").on(t.customerId, t.createdAt),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
    check("reviews_helpful_nonneg", sql`${t.helpfulCount} >= 0`),
  ],
);

/** One helpful vote per signed-in user and review. */
export const reviewVotes = pgTable(
  "review_votes",
  {
    reviewId: uuid()
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);
