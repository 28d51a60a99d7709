import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { productVariants } from "./catalog";
import { users } from "./identity";
import { sellers } from "./sellers";

export const couponKindEnum = pgEnum("coupon_kind", ["percent", "fixed"]);

/**
 * A code a customer types at the cart. Platform coupons have no seller and apply across
 * shops; a seller coupon only ever discounts that seller's own lines.
 */
export const coupons = pgTable(
  "coupons",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored upper-case: codes are matched case-insensitively. */
    code: text().notNull(),
    description: text().notNull().default(""),
    sellerId: uuid().references(() => sellers.id, { onDelete: "cascade" }),
    kind: couponKindEnum().notNull(),
    /** Percent coupons: basis points off (1000 = 10%). */
    percentBps: integer(),
    /** Fixed coupons: paise off. */
    amountOff: integer(),
    /** Percent coupons: the most it may take off, in paise. */
    maxDiscount: integer(),
    minSubtotal: integer().notNull().default(0),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }),
    usageLimit: integer(),
    perCustomerLimit: integer(),
    firstOrderOnly: boolean().notNull().default(false),
    categoryIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    productIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean().notNull().default(true),
    /** Redemptions by placed orders, less those returned by cancellations and expiries. */
    usedCount: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("coupons_code_key").on(t.code),
    index("coupons_seller_idx").on(t.sellerId, t.createdAt),
    check(
      "coupons_kind_values",
      sql`(${t.kind} = 'percent' and ${t.percentBps} between 1 and 10000 and ${t.amountOff} is null)
        or (${t.kind} = 'fixed' and ${t.amountOff} > 0 and ${t.percentBps} is null and ${t.maxDiscount} is null)`,
    ),
    check(
      "coupons_used_within_limit",
      sql`${t.usedCount} >= 0 and (${t.usageLimit} is null or ${t.usedCount} <= ${t.usageLimit})`,
    ),
    check("coupons_window", sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
  ],
);

/** One use of a coupon by one order; `releasedAt` marks a use given back (cancel, expiry). */
export const couponRedemptions = pgTable(
  "coupon_redemptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    couponId: uuid()
      .notNull()
      .references(() => coupons.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orderId: uuid().notNull(),
    discount: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("coupon_redemptions_order_key").on(t.couponId, t.orderId),
    index("coupon_redemptions_user_idx").on(t.couponId, t.userId),
  ],
);

/** A seller's time-limited sale: chosen variants sell at `salePrice` between start and end. */
export const saleEvents = pgTable(
  "sale_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sale_events_seller_idx").on(t.sellerId, t.startsAt),
    check("sale_events_window", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const saleEventItems = pgTable(
  "sale_event_items",
  {
    saleEventId: uuid()
      .notNull()
      .references(() => saleEvents.id, { onDelete: "cascade" }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    /** Paise. */
    salePrice: integer().notNull(),
  },
  (t) => [
    uniqueIndex("sale_event_items_key").on(t.saleEventId, t.variantId),
    index("sale_event_items_variant_idx").on(t.variantId),
    check("sale_event_items_price_positive", sql`${t.salePrice} > 0`),
  ],
);
