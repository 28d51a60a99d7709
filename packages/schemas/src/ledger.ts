// zod schemas of the seller ledger: finance settings, entries, balances, statements, adjustments.
import { z } from "zod";
import { Cursor, dateTime, Id, safeText } from "./common";

// ---- enums and constants ---------------------------------------------------------------------

/**
 * What moved a seller's money. sale: a delivered sub-order's total; commission, gateway_fee,
 * tcs: the marketplace's deductions (negative when a return gives part of them back, see
 * `return`); return: a refunded return clawed back; refund: reserved for refunds without a
 * return; release: pending → available once the return window closes (a pair); payout,
 * payout_paid, payout_rejected: a withdrawal held, paid or given back; adjustment: an admin's.
 */
export const LedgerEntryKind = z.enum(
  [
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
  ],
  { message: "Choose a kind of entry" },
);
export type LedgerEntryKind = z.infer<typeof LedgerEntryKind>;

/** Where an entry's amount sits; a bucket's balance is the sum of its entries. */
export const LedgerBucket = z.enum(["pending", "available", "in_payout", "paid_out"], {
  message: "Choose pending, available, in_payout or paid_out",
});
export type LedgerBucket = z.infer<typeof LedgerBucket>;

/** Basis points: 100 = 1%. */
const Bps = (label: string, max: number) =>
  z
    .number({ message: `${label} must be a number of basis points (100 = 1%)` })
    .int(`${label} is a whole number of basis points (100 = 1%)`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} is at most ${max} basis points (${max / 100}%)`);

/**
 * The money rules every delivered sub-order is settled by. Stored under the settings key
 * `finance`; a sub-order is settled by the rules of the moment it is delivered.
 */
export const FinanceSettings = z.object({
  /** The payment gateway's fee on online orders, in bps of the sub-order total. */
  gatewayFeeBps: Bps("Gateway fee", 1000),
  /** GST charged on the gateway fee, in bps of the fee (18%). */
  gatewayFeeGstBps: Bps("GST on the gateway fee", 2800),
  /** Tax collected at source, in bps of the net taxable value (total minus its GST). */
  tcsBps: Bps("TCS", 500),
  /** The smallest payout a seller may ask for, in paise. */
  minPayout: z
    .number({ message: "Minimum payout must be an amount in paise" })
    .int("Minimum payout is whole paise")
    .min(100, "Minimum payout is at least ₹1")
    .max(10_000_000, "Minimum payout is at most ₹1,00,000"),
});
export type FinanceSettings = z.infer<typeof FinanceSettings>;

/** 2% gateway fee + 18% GST on it, 1% TCS, ₹500 minimum payout. */
export const DEFAULT_FINANCE_SETTINGS: FinanceSettings = {
  gatewayFeeBps: 200,
  gatewayFeeGstBps: 1800,
  tcsBps: 100,
  minPayout: 50_000,
};

export const SetFinanceSettingsInput = FinanceSettings.partial().refine(
  (v) => Object.values(v).some((x) => x !== undefined),
  "Nothing to update",
);
export type SetFinanceSettingsInput = z.input<typeof SetFinanceSettingsInput>;

/** A calendar month in India time, `YYYY-MM`. */
export const StatementMonth = z
  .string({ message: "Month must be text like 2026-11" })
  .regex(/^20\d\d-(0[1-9]|1[0-2])$/, "Month must look like 2026-11 (years 2000 to 2099)");

// ---- inputs ----------------------------------------------------------------------------------

const LedgerFilters = z.object({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: Cursor.optional(),
  kind: LedgerEntryKind.optional(),
  bucket: LedgerBucket.optional(),
  /** Entries at or after this instant. */
  from: dateTime("From").optional(),
  /** Entries before this instant. */
  to: dateTime("To").optional(),
});
const fromBeforeTo = (v: { from?: Date; to?: Date }) => !v.from || !v.to || v.from < v.to;
const fromBeforeToError = { message: "From must be before To", path: ["to"] };

/** The seller's own ledger, newest first. */
export const LedgerListInput = LedgerFilters.refine(fromBeforeTo, fromBeforeToError);
export type LedgerListInput = z.input<typeof LedgerListInput>;

/** An admin reads one seller's ledger. */
export const AdminLedgerListInput = LedgerFilters.extend({ sellerId: Id }).refine(
  fromBeforeTo,
  fromBeforeToError,
);
export type AdminLedgerListInput = z.input<typeof AdminLedgerListInput>;

export const StatementInput = z.object({ month: StatementMonth });
export type StatementInput = z.input<typeof StatementInput>;
export const AdminStatementInput = z.object({ sellerId: Id, month: StatementMonth });
export type AdminStatementInput = z.input<typeof AdminStatementInput>;

/** An admin credits or debits a seller's available balance, saying why. */
export const LedgerAdjustInput = z.object({
  sellerId: Id,
  direction: z.enum(["credit", "debit"], { message: "Choose credit or debit" }),
  amount: z
    .number({ message: "Amount must be a number of paise" })
    .int("Amount is whole paise")
    .positive("Amount must be more than zero")
    .max(100_000_000, "Amount is at most ₹10,00,000 per adjustment"),
  reason: safeText("Reason", { multiline: true })
    .min(5, "Give a reason of at least 5 characters")
    .max(500, "Keep the reason under 500 characters"),
  /** The form's own id: a retried submit with the same key posts once. */
  requestKey: Id.optional(),
});
export type LedgerAdjustInput = z.input<typeof LedgerAdjustInput>;

// ---- DTOs ------------------------------------------------------------------------------------

export type LedgerEntryDto = {
  id: string;
  kind: LedgerEntryKind;
  bucket: LedgerBucket;
  /** Paise, signed: positive credits the bucket, negative debits it. */
  amount: number;
  description: string;
  orderId: string | null;
  subOrderId: string | null;
  /** The sub-order's number (e.g. `BZ-…-1`), when the entry is about one. */
  subOrderNumber: string | null;
  returnId: string | null;
  payoutId: string | null;
  payoutNumber: string | null;
  createdAt: Date;
};

/** A delivered sub-order whose money is still pending, and when it becomes available. */
export type PendingReleaseDto = {
  subOrderId: string;
  subOrderNumber: string;
  /** Net paise still pending for it (sale less deductions and clawbacks). */
  amount: number;
  deliveredAt: Date | null;
  releaseAt: Date;
};

export type SellerBalancesDto = {
  sellerId: string;
  /** Paise waiting for return windows to close. */
  pending: number;
  /** Paise the seller may withdraw; may be negative after a late return. */
  available: number;
  /** Paise held by an open payout request. */
  inPayout: number;
  paidOut: number;
  /** Every sale credited, before deductions. */
  lifetimeSales: number;
  minPayout: number;
  /** What a payout request may ask for now (0 when an open request exists or below the minimum). */
  withdrawable: number;
  openPayoutId: string | null;
  /** The soonest releases first (up to 50). */
  releases: PendingReleaseDto[];
};

export type StatementLineDto = {
  at: Date;
  kind: LedgerEntryKind;
  description: string;
  /** The sub-order or payout number the line is about. */
  reference: string | null;
  credit: number;
  debit: number;
  /** The balance after this line. */
  balance: number;
};

/**
 * One month of a seller's money in India time. The balance is what Bazaar holds for the
 * seller (pending + available + in payout); moves between those (releases, payout holds
 * and their return) are not lines, a payout paid to the bank is a debit.
 * opening + credits − debits = closing.
 */
export type StatementDto = {
  sellerId: string;
  shopName: string;
  month: string;
  /** The month's first instant and the next month's, in UTC. */
  from: Date;
  to: Date;
  opening: number;
  credits: number;
  debits: number;
  closing: number;
  /** The buckets at the month's end; they add up to `closing`. */
  closingBuckets: { pending: number; available: number; inPayout: number };
  /** Credits and debits of the month by kind. */
  byKind: { kind: LedgerEntryKind; credits: number; debits: number }[];
  lines: StatementLineDto[];
};
