import { sql } from "drizzle-orm";
import {
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
import { products, productVariants } from "./catalog";
import { users } from "./identity";
import { coupons } from "./promotions";
import { type PickupAddress, sellers } from "./sellers";

export const paymentMethodEnum = pgEnum("payment_method", ["razorpay", "cod", "stripe"]);
/** The parent order's money state; each sub-order carries its own fulfilment state. */
export const paymentStatusEnum = pgEnum("payment_status", [
  "pending",
  "paid",
  "failed",
  "expired",
  "cod_pending",
  "cod_collected",
  "refunded",
  "partially_refunded",
]);
export const subOrderStatusEnum = pgEnum("sub_order_status", [
  "placed",
  "confirmed",
  "packed",
  "shipped",
  "out_for_delivery",
  "delivered",
  "cancelled",
]);

export type AddressSnapshot = {
  name: string;
  phone: string;
  line1: string;
  line2: string | null;
  landmark: string | null;
  city: string;
  state: string;
  pincode: string;
};
export type SellerSnapshot = {
  shopName: string;
  slug: string;
  gstin: string | null;
  pan: string | null;
  address: PickupAddress;
};

/** One checkout: what the customer pays, once, for every seller's part together. */
export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human-friendly, shown on emails and invoices. */
    number: text().notNull(),
    customerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    idempotencyKey: text().notNull(),
    paymentMethod: paymentMethodEnum().notNull(),
    paymentStatus: paymentStatusEnum().notNull(),
    shippingAddress: jsonb().$type<AddressSnapshot>().notNull(),
    couponId: uuid().references(() => coupons.id, { onDelete: "set null" }),
    couponCode: text(),
    subtotal: integer().notNull(),
    itemDiscount: integer().notNull(),
    couponDiscount: integer().notNull(),
    shipping: integer().notNull(),
    gstIncluded: integer().notNull(),
    total: integer().notNull(),
    refundedAmount: integer().notNull().default(0),
    /** Online orders not paid by then are cancelled and their stock released. */
    expiresAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_number_key").on(t.number),
    uniqueIndex("orders_idempotency_key").on(t.customerId, t.idempotencyKey),
    index("orders_customer_idx").on(t.customerId, t.createdAt),
    index("orders_created_idx").on(t.createdAt),
    index("orders_pending_idx").on(t.paymentStatus, t.expiresAt),
    check(
      "orders_money_nonneg",
      sql`${t.subtotal} >= 0 and ${t.itemDiscount} >= 0 and ${t.couponDiscount} >= 0 and ${t.shipping} >= 0 and ${t.total} >= 0 and ${t.refundedAmount} between 0 and ${t.total}`,
    ),
  ],
);

/** One seller's part of an order: fulfilled, tracked, invoiced and cancelled on its own. */
export const subOrders = pgTable(
  "sub_orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    number: text().notNull(),
    status: subOrderStatusEnum().notNull(),
    seller: jsonb().$type<SellerSnapshot>().notNull(),
    subtotal: integer().notNull(),
    itemDiscount: integer().notNull(),
    couponDiscount: integer().notNull(),
    shipping: integer().notNull(),
    gstIncluded: integer().notNull(),
    total: integer().notNull(),
    commissionBps: integer().notNull(),
    refundedAmount: integer().notNull().default(0),
    carrier: text(),
    trackingNumber: text(),
    cancelReason: text(),
    invoiceNumber: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    /** When the sale's pending money becomes available: delivery plus the return window. */
    fundsReleaseAt: timestamp({ withTimezone: true }),
    fundsReleasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sub_orders_number_key").on(t.number),
    uniqueIndex("sub_orders_invoice_key").on(t.invoiceNumber),
    index("sub_orders_order_idx").on(t.orderId),
    index("sub_orders_seller_idx").on(t.sellerId, t.status, t.createdAt),
    index("sub_orders_status_idx").on(t.status, t.createdAt),
    index("sub_orders_funds_release_idx")
      .on(t.fundsReleaseAt)
      .where(sql`${t.fundsReleaseAt} is not null and ${t.fundsReleasedAt} is null`),
  ],
);

/** What was bought, frozen at checkout: later catalogue edits never change an order. */
export const orderItems = pgTable(
  "order_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    subOrderId: uuid()
      .notNull()
      .references(() => subOrders.id, { onDelete: "cascade" }),
    variantId: uuid().references(() => productVariants.id, { onDelete: "set null" }),
    productId: uuid().references(() => products.id, { onDelete: "set null" }),
    title: text().notNull(),
    variantLabel: text().notNull(),
    sku: text().notNull(),
    imageUrl: text(),
    hsnCode: text(),
    gstRateBps: integer().notNull(),
    qty: integer().notNull(),
    unitPrice: integer().notNull(),
    effectiveUnitPrice: integer().notNull(),
    itemDiscount: integer().notNull(),
    couponDiscount: integer().notNull(),
    lineTotal: integer().notNull(),
    gstIncluded: integer().notNull(),
    /** The line's place in the cart, so the order reads in the order it was bought. */
    position: integer().notNull().default(0),
    /** Units in returns that are open or done (not rejected or cancelled); never above qty. */
    returnedQty: integer().notNull().default(0),
    /** Paise given back for this line by returns; never above lineTotal. */
    refundedAmount: integer().notNull().default(0),
  },
  (t) => [
    index("order_items_sub_order_idx").on(t.subOrderId),
    index("order_items_order_idx").on(t.orderId),
    index("order_items_product_idx").on(t.productId),
    check("order_items_returned_qty", sql`${t.returnedQty} between 0 and ${t.qty}`),
    check("order_items_refunded_amount", sql`${t.refundedAmount} between 0 and ${t.lineTotal}`),
  ],
);

/** The timeline: every status change of a sub-order, who made it and why. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    subOrderId: uuid().references(() => subOrders.id, { onDelete: "cascade" }),
    fromStatus: text(),
    toStatus: text().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorRole: text().notNull(),
    note: text(),
    /** Set when the step is one of a return's (toStatus `return.<status>`); see returns.ts. */
    returnId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Steps written in one instant (placed, then confirmed) keep their order. */
    seq: integer().generatedAlwaysAsIdentity(),
  },
  (t) => [
    index("order_events_sub_order_idx").on(t.subOrderId, t.createdAt),
    index("order_events_order_idx").on(t.orderId, t.createdAt),
  ],
);
