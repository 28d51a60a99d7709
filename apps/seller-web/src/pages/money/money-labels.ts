// Words for the ledger and payouts, shared by the earnings, payouts and statements pages.
import type { LedgerBucket, LedgerEntryKind, PayoutStatus } from "@bazaar/schemas";

/** Money is read fresh each time a page opens (not from a 30-second cache): a release or a payout may have just moved it. */
export const FRESH = { staleTime: 0 } as const;

export const LEDGER_KIND_LABELS: Record<LedgerEntryKind, string> = {
  sale: "Sale",
  commission: "Commission",
  gateway_fee: "Payment gateway fee",
  tcs: "TCS (tax collected at source)",
  refund: "Refund",
  return: "Return",
  release: "Released to available",
  payout: "Payout held",
  payout_paid: "Payout paid",
  payout_rejected: "Payout returned",
  adjustment: "Adjustment by Bazaar",
};

/** The kinds a seller filters the ledger by, in the order money usually moves. */
export const LEDGER_KINDS = Object.keys(LEDGER_KIND_LABELS) as LedgerEntryKind[];

export const BUCKET_LABELS: Record<LedgerBucket, string> = {
  pending: "Pending",
  available: "Available",
  in_payout: "In payout",
  paid_out: "Paid out",
};

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  requested: "Requested",
  approved: "Approved",
  paid: "Paid",
  rejected: "Rejected",
};

export const PAYOUT_STATUS_TONES: Record<PayoutStatus, string> = {
  requested: "bz-tag--warning",
  approved: "bz-tag--info",
  paid: "bz-tag--accent",
  rejected: "bz-tag--danger",
};

/** What happens next to a payout, in the seller's words. */
export function payoutStatusNote(p: {
  status: PayoutStatus;
  utr: string | null;
  rejectReason: string | null;
}): string {
  switch (p.status) {
    case "requested":
      return "Waiting for Bazaar to approve it.";
    case "approved":
      return "Approved: the bank transfer is on its way.";
    case "paid":
      return p.utr ? `Paid, bank reference (UTR) ${p.utr}.` : "Paid.";
    case "rejected":
      return `Rejected${p.rejectReason ? `: ${sentence(p.rejectReason)}` : "."} The amount is back in your available balance.`;
  }
}

/** A reason typed by an admin, ended with a full stop when it has none. */
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
