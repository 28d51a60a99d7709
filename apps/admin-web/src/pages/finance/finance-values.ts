import type { FinanceSettings, LedgerBucket, LedgerEntryKind, PayoutStatus } from "@bazaar/schemas";
import { bpsToPercentText, paiseToRupeesText, parseRupees } from "@bazaar/ui";

/** The finance settings as typed: percentages and rupees. */
export type FinanceValues = {
  gatewayFeeBps: string;
  gatewayFeeGstBps: string;
  tcsBps: string;
  minPayout: string;
};

export const FINANCE_FIELDS = ["gatewayFeeBps", "gatewayFeeGstBps", "tcsBps", "minPayout"] as const;

export const financeValues = (s: FinanceSettings): FinanceValues => ({
  gatewayFeeBps: bpsToPercentText(s.gatewayFeeBps),
  gatewayFeeGstBps: bpsToPercentText(s.gatewayFeeGstBps),
  tcsBps: bpsToPercentText(s.tcsBps),
  minPayout: paiseToRupeesText(s.minPayout),
});

type Parsed = { ok: true; bps: number } | { ok: false; error: string };

/**
 * "1.5" → 150 basis points, 0 allowed (a fee waived), at most `maxBps`. String arithmetic,
 * so no float reaches the payload. (`parsePercent` refuses 0, right for a commission only.)
 */
export function parseRate(text: string, label: string, maxBps: number): Parsed {
  const cleaned = text.replace(/[%\s]/g, "");
  if (cleaned === "") return { ok: false, error: `Enter ${label}, 0 for none` };
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return { ok: false, error: `Enter ${label} as a percentage with at most two decimals, like 1.5` };
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (bps > maxBps)
    return {
      ok: false,
      error: `${label[0]?.toUpperCase()}${label.slice(1)} is at most ${bpsToPercentText(maxBps)}%`,
    };
  return { ok: true, bps };
}

/** The settings to save, or the problem beside each field (keyed like the API's field errors). */
export function financePayload(
  v: FinanceValues,
): { ok: true; settings: FinanceSettings } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const fee = parseRate(v.gatewayFeeBps, "the gateway fee", 1000);
  if (!fee.ok) errors.gatewayFeeBps = fee.error;
  const gst = parseRate(v.gatewayFeeGstBps, "the GST on the fee", 2800);
  if (!gst.ok) errors.gatewayFeeGstBps = gst.error;
  const tcs = parseRate(v.tcsBps, "TCS", 500);
  if (!tcs.ok) errors.tcsBps = tcs.error;
  const min = parseRupees(v.minPayout);
  if (!min.ok) errors.minPayout = min.error.replace("a price", "an amount");
  else if (min.paise < 100) errors.minPayout = "The minimum payout is at least ₹1";
  else if (min.paise > 10_000_000) errors.minPayout = "The minimum payout is at most ₹1,00,000";
  if (!fee.ok || !gst.ok || !tcs.ok || !min.ok || errors.minPayout) return { ok: false, errors };
  return {
    ok: true,
    settings: { gatewayFeeBps: fee.bps, gatewayFeeGstBps: gst.bps, tcsBps: tcs.bps, minPayout: min.paise },
  };
}

// ---- labels of the money domain, shared by the payouts queue and the seller's ledger ----------

export const PAYOUT_STATUS_TABS: readonly { value: PayoutStatus; label: string }[] = [
  { value: "requested", label: "Requested" },
  { value: "approved", label: "Approved" },
  { value: "paid", label: "Paid" },
  { value: "rejected", label: "Rejected" },
];

export const payoutStatusTone: Record<PayoutStatus, string> = {
  requested: "bz-tag--warning",
  approved: "bz-tag--info",
  paid: "bz-tag--accent",
  rejected: "bz-tag--danger",
};

const KIND_LABELS: Record<LedgerEntryKind, string> = {
  sale: "Sale",
  commission: "Commission",
  gateway_fee: "Gateway fee",
  tcs: "TCS",
  refund: "Refund",
  return: "Return",
  release: "Released",
  payout: "Payout held",
  payout_paid: "Payout paid",
  payout_rejected: "Payout returned",
  adjustment: "Adjustment",
};
export const ledgerKindLabel = (k: LedgerEntryKind) => KIND_LABELS[k];
export const LEDGER_KINDS = Object.keys(KIND_LABELS) as LedgerEntryKind[];

const BUCKET_LABELS: Record<LedgerBucket, string> = {
  pending: "Pending",
  available: "Available",
  in_payout: "In payout",
  paid_out: "Paid out",
};
export const ledgerBucketLabel = (b: LedgerBucket) => BUCKET_LABELS[b];
export const LEDGER_BUCKETS = Object.keys(BUCKET_LABELS) as LedgerBucket[];

/** An admin adjustment as typed, checked before it is sent: rupees to paise, a reason of 5+ characters. */
export function adjustPayload(v: {
  direction: string;
  amount: string;
  reason: string;
}):
  | { ok: true; direction: "credit" | "debit"; amount: number; reason: string }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (v.direction !== "credit" && v.direction !== "debit") errors.direction = "Choose credit or debit";
  const amount = parseRupees(v.amount);
  if (!amount.ok) errors.amount = amount.error.replace("a price", "an amount");
  else if (amount.paise <= 0) errors.amount = "The amount must be more than ₹0";
  else if (amount.paise > 100_000_000) errors.amount = "At most ₹10,00,000 per adjustment";
  const reason = v.reason.trim();
  if (reason.length < 5) errors.reason = "Give a reason of at least 5 characters";
  else if (reason.length > 500) errors.reason = "Keep the reason under 500 characters";
  if (Object.keys(errors).length > 0 || !amount.ok) return { ok: false, errors };
  return { ok: true, direction: v.direction as "credit" | "debit", amount: amount.paise, reason };
}

/**
 * A fresh v4 UUID for an adjustment's `requestKey`. `crypto.randomUUID` needs a secure
 * context (https or localhost); an admin on plain http over a LAN address gets one built
 * from `getRandomValues`, which works everywhere.
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
