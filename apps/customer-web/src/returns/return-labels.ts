import { formatDate, formatDateTime, formatRupees } from "@bazaar/client/format";
import type { ReturnDto, ReturnReason, ReturnRefundStatus, ReturnStatus } from "@bazaar/schemas";
import { timeLeftText } from "./time-left";

/** The closed list of reasons, in the order the form offers them, with what a buyer reads. */
export const RETURN_REASONS: readonly { value: ReturnReason; label: string }[] = [
  { value: "damaged", label: "Arrived damaged" },
  { value: "defective", label: "Defective or does not work" },
  { value: "wrong_item", label: "Wrong item sent" },
  { value: "not_as_described", label: "Not as described" },
  { value: "size_fit", label: "Size or fit is wrong" },
  { value: "no_longer_needed", label: "No longer needed" },
];

export const returnReasonLabel = (reason: ReturnReason) =>
  RETURN_REASONS.find((r) => r.value === reason)?.label ?? reason;

const STATUS: Record<ReturnStatus, { label: string; tone: string }> = {
  requested: { label: "Requested", tone: "bz-tag--warning" },
  approved: { label: "Approved", tone: "bz-tag--info" },
  rejected: { label: "Rejected", tone: "bz-tag--danger" },
  escalated: { label: "With Bazaar", tone: "bz-tag--warning" },
  received: { label: "Received", tone: "bz-tag--info" },
  refunded: { label: "Refunded", tone: "bz-tag--accent" },
  cancelled: { label: "Cancelled", tone: "bz-tag--muted" },
};
export const returnStatusLabel = (s: ReturnStatus) => STATUS[s].label;
export const returnStatusTone = (s: ReturnStatus) => STATUS[s].tone;

/** The statuses the returns list filters by, "All" first. */
export const RETURN_TABS: readonly { value: ReturnStatus | ""; label: string }[] = [
  { value: "", label: "All" },
  ...(["requested", "approved", "rejected", "escalated", "received", "refunded", "cancelled"] as const).map(
    (value) => ({ value, label: STATUS[value].label }),
  ),
];

/** "7-day returns" / "No returns": the product page's line under the price. */
export const returnWindowLabel = (days: number) => (days <= 0 ? "No returns" : `${days}-day returns`);

/**
 * What an order line says about returning it: "Return 2 by 14 Mar 2026 (3 days left)".
 * null when nothing can be returned now (so no button shows).
 */
export function lineReturnText(
  line: { returnableQty: number; returnableUntil: Date | null },
  now: Date,
): string | null {
  if (line.returnableQty <= 0 || !line.returnableUntil) return null;
  const left = timeLeftText(line.returnableUntil, now);
  if (!left) return null;
  const units = line.returnableQty === 1 ? "" : ` up to ${line.returnableQty}`;
  return `Return${units} by ${formatDate(line.returnableUntil)} (${left})`;
}

/** "You can ask Bazaar to review this until 9 Mar 2026, 6:30 pm (47 hours left)", or null. */
export function escalationText(escalateUntil: Date | null, now: Date): string | null {
  if (!escalateUntil) return null;
  const left = timeLeftText(escalateUntil, now);
  if (!left) return null;
  return `You can ask Bazaar to review this until ${formatDateTime(escalateUntil)} (${left}).`;
}

export type StepState = "done" | "current" | "todo" | "stopped";
export type ReturnStep = { key: string; label: string; state: StepState };

/**
 * The path a return walks, for the detail page's steps: the happy path
 * requested → approved → received → refunded, with a rejection (and an escalation) or a
 * cancellation shown where the return left it.
 */
export function returnSteps(r: Pick<ReturnDto, "status" | "decidedAt" | "escalatedAt">): ReturnStep[] {
  const s = r.status;
  const step = (key: string, label: string, state: StepState): ReturnStep => ({ key, label, state });
  if (s === "cancelled")
    return [step("requested", "Requested", "done"), step("cancelled", "Cancelled", "stopped")];
  if (s === "rejected") {
    const escalatedBefore = r.escalatedAt !== null;
    return [
      step("requested", "Requested", "done"),
      ...(escalatedBefore ? [step("escalated", "Reviewed by Bazaar", "done")] : []),
      step("rejected", "Rejected", "stopped"),
    ];
  }
  if (s === "escalated")
    return [
      step("requested", "Requested", "done"),
      step("rejected", "Rejected by the shop", "done"),
      step("escalated", "Bazaar is reviewing", "current"),
    ];
  const order: ReturnStatus[] = ["requested", "approved", "received", "refunded"];
  const labels = ["Requested", "Approved", "Received by the shop", "Refunded"];
  const at = order.indexOf(s);
  return order.map((key, i) =>
    step(key, labels[i]!, i < at || s === "refunded" ? "done" : i === at ? "current" : "todo"),
  );
}

/**
 * Where the money stands, in one sentence: the return's refund status read for a buyer,
 * with the amount, the masked account of a cash-on-delivery refund and its reference.
 */
export function refundText(
  r: Pick<
    ReturnDto,
    "refundStatus" | "refundMethod" | "refundAmount" | "refundAccountLabel" | "refundReference" | "refundedAt"
  >,
): string {
  const amount = formatRupees(r.refundAmount);
  const to = r.refundAccountLabel ? ` to ${r.refundAccountLabel}` : "";
  const texts: Record<ReturnRefundStatus, string> = {
    none:
      r.refundMethod === "manual"
        ? `${amount} will be refunded${to} once the shop receives the items.`
        : `${amount} will be refunded to your original payment method once the shop receives the items.`,
    pending: `A refund of ${amount} is on its way to your original payment method.`,
    owed: `Bazaar owes you ${amount} and will pay it${to}.`,
    paid: `${amount} was ${r.refundMethod === "manual" ? `paid${to}` : "refunded to your original payment method"}${r.refundedAt ? ` on ${formatDate(r.refundedAt)}` : ""}${
      r.refundReference ? ` (reference ${r.refundReference})` : ""
    }.`,
    failed: `The refund of ${amount} did not go through. Bazaar will retry it or contact you.`,
  };
  return texts[r.refundStatus];
}

const REFUND_STATUS: Record<ReturnRefundStatus, string> = {
  none: "Not yet due",
  pending: "Refund in progress",
  owed: "Refund owed",
  paid: "Refunded",
  failed: "Refund failed",
};
export const refundStatusLabel = (s: ReturnRefundStatus) => REFUND_STATUS[s];

/** Why a delivered line has no Return button, or null when it has one (or nothing to say). */
export function lineNoReturnText(
  line: { qty: number; returnedQty: number; returnableQty: number; returnableUntil: Date | null },
  now: Date,
): string | null {
  if (line.returnableQty > 0 && line.returnableUntil && line.returnableUntil > now) return null;
  if (line.returnedQty >= line.qty) return "Returned";
  if (!line.returnableUntil) return "This shop does not take returns";
  if (line.returnableUntil <= now) return `Return window closed on ${formatDate(line.returnableUntil)}`;
  return null;
}
