import { formatDate, formatDateTime, formatRupees } from "@bazaar/client/format";
import type { ReturnDto, ReturnRefundStatus, ReturnStatus } from "@bazaar/schemas";
import { returnStatusLabel } from "@bazaar/ui";
import { timeLeftText } from "./time-left";

// What only the buyer's pages say about returns; the names of reasons, statuses and refund
// states are @bazaar/ui's, the same words the shop and Bazaar read.

/** The statuses the returns list filters by, "All" first. */
export const RETURN_TABS: readonly { value: ReturnStatus | ""; label: string }[] = [
  { value: "", label: "All" },
  ...(["requested", "approved", "rejected", "escalated", "received", "refunded", "cancelled"] as const).map(
    (value) => ({ value, label: returnStatusLabel(value) }),
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
