import type {
  AdminReturnsListInput,
  RefundAccount,
  RefundMethod,
  ReturnReason,
  ReturnRefundStatus,
  ReturnStatus,
} from "@bazaar/schemas";
import { Id, ReturnStatus as ReturnStatusSchema } from "@bazaar/schemas";

// What an admin reads about returns: labels, tones and the list's filters.

const REASON: Record<ReturnReason, string> = {
  damaged: "Arrived damaged",
  defective: "Defective",
  wrong_item: "Wrong item sent",
  not_as_described: "Not as described",
  size_fit: "Size or fit",
  no_longer_needed: "No longer needed",
};
export const returnReasonLabel = (reason: ReturnReason) => REASON[reason] ?? reason;

const STATUS: Record<ReturnStatus, { label: string; tone: string }> = {
  requested: { label: "Requested", tone: "bz-tag--warning" },
  approved: { label: "Approved", tone: "bz-tag--info" },
  rejected: { label: "Rejected", tone: "bz-tag--danger" },
  escalated: { label: "Escalated", tone: "bz-tag--warning" },
  received: { label: "Received", tone: "bz-tag--info" },
  refunded: { label: "Refunded", tone: "bz-tag--accent" },
  cancelled: { label: "Cancelled", tone: "bz-tag--muted" },
};
export const returnStatusLabel = (s: ReturnStatus) => STATUS[s].label;
export const returnStatusTone = (s: ReturnStatus) => STATUS[s].tone;

const REFUND: Record<ReturnRefundStatus, { label: string; tone: string }> = {
  none: { label: "Not yet due", tone: "bz-tag--muted" },
  pending: { label: "Refund in progress", tone: "bz-tag--info" },
  owed: { label: "Refund owed", tone: "bz-tag--warning" },
  paid: { label: "Refund paid", tone: "bz-tag--accent" },
  failed: { label: "Refund failed", tone: "bz-tag--danger" },
};
export const refundStatusLabel = (s: ReturnRefundStatus) => REFUND[s].label;
export const refundStatusTone = (s: ReturnRefundStatus) => REFUND[s].tone;

export const refundMethodLabel = (m: RefundMethod) =>
  m === "manual" ? "Paid by Bazaar by hand (cash on delivery)" : "Back to the original online payment";

/** The list's tabs: escalations first (what waits for an admin), then each status, then all. */
export type ReturnTab = ReturnStatus | "all";
export const RETURN_TABS: readonly { value: ReturnTab; label: string }[] = [
  { value: "escalated", label: "Escalated" },
  ...(["requested", "approved", "rejected", "received", "refunded", "cancelled"] as const).map((value) => ({
    value,
    label: STATUS[value].label,
  })),
  { value: "all", label: "All" },
];

/** The tab in the address; escalations when it names nothing known. */
export function readReturnTab(params: URLSearchParams): ReturnTab {
  const raw = params.get("status");
  if (raw === "all") return "all";
  const parsed = ReturnStatusSchema.safeParse(raw);
  return parsed.success ? parsed.data : "escalated";
}

/** The list call for a tab, a searched return number and, from a seller's page, one shop. */
export function returnListInput(
  tab: ReturnTab,
  q: string,
  sellerId = "",
): Omit<AdminReturnsListInput, "limit" | "cursor"> {
  const query = q.trim();
  return {
    ...(tab === "escalated" ? { escalated: true } : tab !== "all" && { status: tab }),
    ...(query && { q: query }),
    ...(Id.safeParse(sellerId).success && { sellerId }),
  };
}

/** The full account to pay a COD refund into, as lines to copy: never shown once paid. */
export function refundAccountLines(account: RefundAccount): { label: string; value: string }[] {
  if (account.kind === "upi") return [{ label: "UPI id", value: account.upiId }];
  return [
    { label: "Account holder", value: account.holder },
    { label: "Account number", value: account.accountNumber },
    { label: "IFSC", value: account.ifsc },
  ];
}

/** "3 units" for a return's lines. */
export const unitCount = (n: number) => `${n} unit${n === 1 ? "" : "s"}`;

/** Paise owed over the refunds listed (integer sums: no rounding). */
export const owedTotal = (rows: readonly { refundAmount: number }[]) =>
  rows.reduce((sum, r) => sum + r.refundAmount, 0);
