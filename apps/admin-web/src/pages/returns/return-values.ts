import type { AdminReturnsListInput, RefundAccount, RefundMethod, ReturnStatus } from "@bazaar/schemas";
import { Id, ReturnStatus as ReturnStatusSchema } from "@bazaar/schemas";
import { returnStatusLabel } from "@bazaar/ui";

// What only an admin's pages say about returns: the list's filters, the refund method, the
// account to pay. The names of reasons, statuses and refund states are @bazaar/ui's, the same
// words the buyer and the shop read.

export const refundMethodLabel = (m: RefundMethod) =>
  m === "manual" ? "Paid by Bazaar by hand (cash on delivery)" : "Back to the original online payment";

/** The list's tabs: escalations first (what waits for an admin), then each status, then all. */
export type ReturnTab = ReturnStatus | "all";
export const RETURN_TABS: readonly { value: ReturnTab; label: string }[] = [
  { value: "escalated", label: "Escalated" },
  ...(["requested", "approved", "rejected", "received", "refunded", "cancelled"] as const).map((value) => ({
    value,
    label: returnStatusLabel(value),
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
