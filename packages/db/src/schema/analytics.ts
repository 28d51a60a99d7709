import { bigint, date, index, integer, pgTable, primaryKey, smallint, uuid } from "drizzle-orm/pg-core";

// Rollups for the dashboards (core/src/analytics). Figures are defined in @bazaar/schemas
// analytics.ts. Every sale is booked on the India date its order was placed (`day`).
//
// Two fact tables hold what each sub-order and each order line currently contributes; a change
// to an order recomputes its facts from the raw rows and adds the difference to the daily
// rollups, in the same transaction (analytics/refresh-sales.ts); a new order only books its
// sub-orders in analytics_pending, folded in a few seconds later or before a dashboard is read.
// `rebuildAnalytics` recomputes everything from raw rows. No foreign keys: facts follow the raw
// rows, never block them.

/** Product and category ids of lines whose product (or its category) is gone. */
export const NO_ID = "00000000-0000-0000-0000-000000000000";

/** What one sub-order contributes now; zeros while its order does not count (unpaid online). */
export const analyticsSubOrderFacts = pgTable(
  "analytics_sub_order_facts",
  {
    subOrderId: uuid().primaryKey(),
    orderId: uuid().notNull(),
    sellerId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    /** Spreads the platform's rows of a day over a few keys, so checkouts do not queue on one row. */
    shard: smallint().notNull(),
    cod: integer().notNull(),
    /** 1 when the order was paid through Stripe (neither cod nor stripe: Razorpay). */
    stripe: integer().notNull().default(0),
    gross: bigint({ mode: "number" }).notNull(),
    cancelled: bigint({ mode: "number" }).notNull(),
    refunded: bigint({ mode: "number" }).notNull(),
    commission: bigint({ mode: "number" }).notNull(),
    /** 1 when this sub-order counts and is not cancelled. */
    orders: integer().notNull(),
    /** 1 on one sub-order of each counted order (the lowest id): the platform's order count. */
    checkouts: integer().notNull(),
    units: integer().notNull(),
    deliveredUnits: integer().notNull(),
    returnedUnits: integer().notNull(),
  },
  (t) => [index("analytics_sub_order_facts_order_idx").on(t.orderId)],
);

/** What one order line contributes now, for the product and category rankings. */
export const analyticsLineFacts = pgTable(
  "analytics_line_facts",
  {
    orderItemId: uuid().primaryKey(),
    subOrderId: uuid().notNull(),
    sellerId: uuid().notNull(),
    productId: uuid().notNull(),
    /** The product's category when the line was first counted. */
    categoryId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    revenue: bigint({ mode: "number" }).notNull(),
    units: integer().notNull(),
    lines: integer().notNull(),
  },
  (t) => [index("analytics_line_facts_sub_order_idx").on(t.subOrderId)],
);

const sellerFigures = {
  gross: bigint({ mode: "number" }).notNull().default(0),
  cancelled: bigint({ mode: "number" }).notNull().default(0),
  refunded: bigint({ mode: "number" }).notNull().default(0),
  commission: bigint({ mode: "number" }).notNull().default(0),
  orders: integer().notNull().default(0),
  checkouts: integer().notNull().default(0),
  units: integer().notNull().default(0),
  deliveredUnits: integer().notNull().default(0),
  returnedUnits: integer().notNull().default(0),
};

/**
 * Rollups keyed by a shop, a product or a category are sharded like the platform's: an order
 * adds to the row of its own shard (its facts' `shard`), so a shop's concurrent checkouts do not
 * queue on one row until each commits. Readers add the shards up; rows migrated from before
 * sharding are shard 0.
 */
const shard = () => smallint().notNull();

/** One shop's day, in a few shards. */
export const analyticsSellerDaily = pgTable(
  "analytics_seller_daily",
  { sellerId: uuid().notNull(), day: date({ mode: "string" }).notNull(), shard: shard(), ...sellerFigures },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.day, t.shard] }),
    index("analytics_seller_daily_day_idx").on(t.day),
  ],
);

/**
 * The platform's day, in a few shards; `cod` figures are the cash-on-delivery part, `stripe` the
 * part paid through Stripe (the rest went through Razorpay).
 */
export const analyticsPlatformDaily = pgTable(
  "analytics_platform_daily",
  {
    day: date({ mode: "string" }).notNull(),
    shard: smallint().notNull(),
    ...sellerFigures,
    codGross: bigint({ mode: "number" }).notNull().default(0),
    codCheckouts: integer().notNull().default(0),
    stripeGross: bigint({ mode: "number" }).notNull().default(0),
    stripeCheckouts: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.shard] })],
);

/** One product's day, in a few shards (its seller kept beside it for the shop's ranking). */
export const analyticsProductDaily = pgTable(
  "analytics_product_daily",
  {
    sellerId: uuid().notNull(),
    productId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    shard: shard(),
    revenue: bigint({ mode: "number" }).notNull().default(0),
    units: integer().notNull().default(0),
    lines: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.day, t.productId, t.shard] })],
);

/** One category's day, in a few shards. */
export const analyticsCategoryDaily = pgTable(
  "analytics_category_daily",
  {
    day: date({ mode: "string" }).notNull(),
    categoryId: uuid().notNull(),
    shard: shard(),
    revenue: bigint({ mode: "number" }).notNull().default(0),
    units: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.categoryId, t.shard] })],
);

/**
 * Sign-ups per India date, counted by triggers on insert into users (any account but an
 * admin's) and sellers (a shop applied for); migration 0012 backfills it.
 */
export const analyticsSignupsDaily = pgTable("analytics_signups_daily", {
  day: date({ mode: "string" }).primaryKey(),
  customers: integer().notNull().default(0),
  sellers: integer().notNull().default(0),
});

/**
 * One shop's month (first day of the IST month), in a few shards: lets a ranking over years read
 * months, not days.
 */
export const analyticsSellerMonthly = pgTable(
  "analytics_seller_monthly",
  {
    sellerId: uuid().notNull(),
    month: date({ mode: "string" }).notNull(),
    shard: shard(),
    gross: bigint({ mode: "number" }).notNull().default(0),
    cancelled: bigint({ mode: "number" }).notNull().default(0),
    refunded: bigint({ mode: "number" }).notNull().default(0),
    commission: bigint({ mode: "number" }).notNull().default(0),
    orders: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.month, t.shard] }),
    index("analytics_seller_monthly_month_idx").on(t.month),
  ],
);

/**
 * Sub-orders placed since the rollups last caught up (analytics/fold-pending-sales.ts). The
 * rollups a checkout would update are one row per shop, day and shard: every order of a busy
 * shop queued on them, and the refresh was the dearest statement of an order. Checkout appends
 * here instead (no index, no key, nothing to wait on); a fold refreshes many orders at once.
 */
export const analyticsPending = pgTable("analytics_pending", {
  subOrderId: uuid().notNull(),
});
