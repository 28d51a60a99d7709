import { sql } from "drizzle-orm";
import {
  bigint,
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
import { users } from "./identity";
import { orders, subOrders } from "./orders";
import { returns } from "./returns";
import { sellers } from "./sellers";

/**
 * What moved a seller's money. sale: a delivered sub-order's total; commission, gateway_fee,
 * tcs: the marketplace's deductions from it; refund/return: clawbacks; release: pending
 * money becoming available once the return window closes (a pair of entries); payout,
 * payout_paid, payout_rejected: a withdrawal held, paid, or given back; adjustment: an admin's.
 */
export const ledgerEntryKindEnum = pgEnum("ledger_entry_kind", [
  "sale",
  "commission",
  "gateway_fee",
  "tcs",
  "refund",
  "return",
  "release",
  "payout",
  "payout_paid",
  "payout_rejected",
  "adjustment",
]);
/** Where an entry's amount sits: the balance of a bucket is the sum of its entries. */
export const ledgerBucketEnum = pgEnum("ledger_bucket", ["pending", "available", "in_payout", "paid_out"]);
export const payoutStatusEnum = pgEnum("payout_status", ["requested", "approved", "paid", "rejected"]);

/** A seller's request to withdraw available money to their bank account. */
export const payouts = pgTable(
  "payouts",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    /** Paise. */
    amount: integer().notNull(),
    status: payoutStatusEnum().notNull().default("requested"),
    /** Where the money goes, as it was when asked: holder, IFSC and the last four digits. */
    bank: jsonb().$type<{ holder: string; ifsc: string; last4: string }>().notNull(),
    /** The bank's transfer reference (UTR), set when paid. */
    utr: text(),
    rejectReason: text(),
    decidedById: uuid().references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    rejectedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payouts_number_key").on(t.number),
    // One open request per seller: a second one waits until the first is paid or rejected.
    uniqueIndex("payouts_one_open_key").on(t.sellerId).where(sql`${t.status} in ('requested', 'approved')`),
    index("payouts_seller_idx").on(t.sellerId, t.createdAt),
    index("payouts_status_idx").on(t.status, t.createdAt),
    check("payouts_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** Append-only (a trigger refuses updates and deletes): every paisa that moved for a seller. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    kind: ledgerEntryKindEnum().notNull(),
    bucket: ledgerBucketEnum().notNull(),
    /** Paise, signed: a credit to the bucket is positive, a debit negative. */
    amount: integer().notNull(),
    /** Makes writing an entry idempotent: `sale:<subOrderId>`, `release:<subOrderId>:pending`... */
    idempotencyKey: text().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: "restrict" }),
    subOrderId: uuid().references(() => subOrders.id, { onDelete: "restrict" }),
    returnId: uuid().references(() => returns.id, { onDelete: "restrict" }),
    payoutId: uuid().references(() => payouts.id, { onDelete: "restrict" }),
    description: text().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Entries written in one instant keep their order in statements. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    uniqueIndex("ledger_entries_idempotency_key").on(t.idempotencyKey),
    index("ledger_entries_seller_idx").on(t.sellerId, t.createdAt, t.seq),
    index("ledger_entries_seller_kind_idx").on(t.sellerId, t.kind, t.createdAt),
    index("ledger_entries_sub_order_idx").on(t.subOrderId),
  ],
);

/** Each seller's balances, updated in the transaction that writes the entries they sum. */
export const sellerBalances = pgTable(
  "seller_balances",
  {
    sellerId: uuid()
      .primaryKey()
      .references(() => sellers.id, { onDelete: "restrict" }),
    pending: integer().notNull().default(0),
    available: integer().notNull().default(0),
    inPayout: integer().notNull().default(0),
    paidOut: integer().notNull().default(0),
    /** Everything ever credited for sales, before deductions. */
    lifetimeSales: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("seller_balances_hold_nonneg", sql`${t.inPayout} >= 0 and ${t.paidOut} >= 0`)],
);
