// zod schemas of seller payouts: requests, decisions, the bank export, DTOs.
import { z } from "zod";
import { Id, PageInput, safeText } from "./common";

/** requested → approved → paid; requested | approved → rejected (the money returns to available). */
export const PayoutStatus = z.enum(["requested", "approved", "paid", "rejected"], {
  message: "Status is requested, approved, paid or rejected",
});
export type PayoutStatus = z.infer<typeof PayoutStatus>;

// ---- inputs ----------------------------------------------------------------------------------

/** The seller asks for this much of their available balance. */
export const PayoutRequestInput = z.object({
  amount: z
    .number({ message: "Amount must be a number of paise" })
    .int("Amount is whole paise")
    .positive("Amount must be more than zero")
    .max(1_000_000_000, "Amount is at most ₹1 crore"),
});
export type PayoutRequestInput = z.input<typeof PayoutRequestInput>;

export const PayoutIdInput = z.object({ id: Id });
export type PayoutIdInput = z.input<typeof PayoutIdInput>;

/** The bank's transfer reference: NEFT 16, IMPS 12, RTGS 22 letters and digits. */
export const Utr = z
  .string({ message: "Enter the bank reference (UTR)" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{12,22}$/, "A UTR is 12 to 22 letters and digits");

export const PayoutMarkPaidInput = z.object({ id: Id, utr: Utr });
export type PayoutMarkPaidInput = z.input<typeof PayoutMarkPaidInput>;

export const PayoutRejectInput = z.object({
  id: Id,
  reason: safeText("Reason", { multiline: true })
    .min(5, "Give a reason of at least 5 characters")
    .max(500, "Keep the reason under 500 characters"),
});
export type PayoutRejectInput = z.input<typeof PayoutRejectInput>;

export const SellerPayoutsListInput = PageInput.extend({ status: PayoutStatus.optional() });
export type SellerPayoutsListInput = z.input<typeof SellerPayoutsListInput>;

/** The admin's queue: by status (oldest first when a status is chosen), optionally one seller's. */
export const AdminPayoutsListInput = PageInput.extend({
  status: PayoutStatus.optional(),
  sellerId: Id.optional(),
});
export type AdminPayoutsListInput = z.input<typeof AdminPayoutsListInput>;

/** Approved payouts as a bank upload file: these ids, or every approved payout when none are given. */
export const AdminPayoutsExportInput = z.object({
  ids: z.array(Id).max(500, "Export at most 500 payouts at a time").optional(),
});
export type AdminPayoutsExportInput = z.input<typeof AdminPayoutsExportInput>;

// ---- DTOs ------------------------------------------------------------------------------------

export type PayoutDto = {
  id: string;
  /** Human-friendly, e.g. `PO-20261207-7K3M`. */
  number: string;
  sellerId: string;
  shopName: string;
  /** Paise. */
  amount: number;
  status: PayoutStatus;
  /** Where the money goes, as it was when asked; the account number masked. */
  bank: { holder: string; ifsc: string; accountMasked: string };
  utr: string | null;
  rejectReason: string | null;
  requestedAt: Date;
  approvedAt: Date | null;
  paidAt: Date | null;
  rejectedAt: Date | null;
  createdAt: Date;
};

export type PayoutExportDto = {
  filename: string;
  /** text/csv, one row per payout: the columns a bank's bulk NEFT upload takes. */
  csv: string;
  count: number;
  /** Paise, the sum of the rows. */
  total: number;
  /** Payouts left out because the shop's bank account changed since the request. */
  skipped: { id: string; number: string; reason: string }[];
};
