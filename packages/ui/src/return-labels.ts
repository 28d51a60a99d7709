import type { ReturnReason, ReturnRefundStatus, ReturnStatus } from "@bazaar/schemas";

// The one wording of returns, read the same by the buyer, the shop and Bazaar's admins: a
// reason the buyer picked must read to the shop exactly as the buyer saw it.

/** Every return status, in the order a return goes through them (the dead ends last). */
export const RETURN_STATUSES: readonly ReturnStatus[] = [
  "requested",
  "approved",
  "received",
  "refunded",
  "rejected",
  "escalated",
  "cancelled",
];

const STATUS: Record<ReturnStatus, { label: string; tone: string }> = {
  requested: { label: "Requested", tone: "bz-tag--warning" },
  approved: { label: "Approved", tone: "bz-tag--info" },
  rejected: { label: "Rejected", tone: "bz-tag--danger" },
  escalated: { label: "Escalated to Bazaar", tone: "bz-tag--warning" },
  received: { label: "Received", tone: "bz-tag--info" },
  refunded: { label: "Refunded", tone: "bz-tag--accent" },
  cancelled: { label: "Cancelled", tone: "bz-tag--muted" },
};

export const returnStatusLabel = (status: ReturnStatus) => STATUS[status].label;
export const returnStatusTone = (status: ReturnStatus) => STATUS[status].tone;

const REASON: Record<ReturnReason, string> = {
  damaged: "Arrived damaged",
  defective: "Defective or not working",
  wrong_item: "Wrong item sent",
  not_as_described: "Not as described",
  size_fit: "Size or fit",
  no_longer_needed: "No longer needed",
};

/** The reasons as a select's options, in the schema's order. */
export const RETURN_REASON_OPTIONS = (Object.keys(REASON) as ReturnReason[]).map((value) => ({
  value,
  label: REASON[value],
}));
export const returnReasonLabel = (reason: ReturnReason) => REASON[reason];

const REFUND: Record<ReturnRefundStatus, { label: string; tone: string }> = {
  none: { label: "Not yet due", tone: "bz-tag--muted" },
  pending: { label: "Refund in progress", tone: "bz-tag--info" },
  owed: { label: "Refund owed", tone: "bz-tag--warning" },
  paid: { label: "Refund paid", tone: "bz-tag--accent" },
  failed: { label: "Refund failed", tone: "bz-tag--danger" },
};

export const refundStatusLabel = (status: ReturnRefundStatus) => REFUND[status].label;
export const refundStatusTone = (status: ReturnRefundStatus) => REFUND[status].tone;
