import { formatRupees } from "@bazaar/client/format";
import type { ReturnAction, ReturnDto, ReturnLineDto, ReturnReason, ReturnStatus } from "@bazaar/schemas";

export type SellerReturnAction = "approve" | "receive" | "reject";

export type SellerReturnButton = {
  action: SellerReturnAction;
  label: string;
  variant: "primary" | "danger";
};

const BUTTONS: Record<SellerReturnAction, Omit<SellerReturnButton, "action">> = {
  approve: { label: "Approve return", variant: "primary" },
  receive: { label: "Mark received", variant: "primary" },
  reject: { label: "Reject", variant: "danger" },
};
const ORDER: readonly SellerReturnAction[] = ["approve", "receive", "reject"];

/**
 * The buttons for what the server says the seller may do now (`actions`), the way forward
 * first and rejecting last; anything else (an admin's or the buyer's move) is never offered.
 */
export function sellerReturnButtons(actions: readonly ReturnAction[]): SellerReturnButton[] {
  return ORDER.filter((a) => actions.includes(a)).map((action) => ({ action, ...BUTTONS[action] }));
}

/** The board's tabs: every return, or those in one state, the ones waiting on the seller first. */
export const RETURN_TABS: { value: ReturnStatus | ""; label: string }[] = [
  { value: "", label: "All" },
  { value: "requested", label: "To decide" },
  { value: "approved", label: "Awaiting parcel" },
  { value: "received", label: "Received" },
  { value: "refunded", label: "Refunded" },
  { value: "rejected", label: "Rejected" },
  { value: "escalated", label: "Escalated" },
  { value: "cancelled", label: "Cancelled" },
];

/** What an empty tab says. */
export function emptyReturnsText(status: ReturnStatus | ""): string {
  if (status === "") return "No returns yet. When a customer asks to return something, it shows here.";
  if (status === "requested") return "No returns wait for your decision.";
  if (status === "approved") return "No approved returns are on their way back.";
  return "No returns here.";
}

/**
 * Whether a unit sent back is put on sale again by default: not when it came back broken,
 * otherwise yes. The seller checks each line before confirming.
 */
export const defaultRestock = (reason: ReturnReason): boolean =>
  reason !== "damaged" && reason !== "defective";

export type RestockChoices = Record<string, boolean>;

export const initialRestock = (lines: readonly Pick<ReturnLineDto, "orderItemId" | "reason">[]) =>
  Object.fromEntries(lines.map((l) => [l.orderItemId, defaultRestock(l.reason)])) as RestockChoices;

/** `seller.returns.receive`'s input: one choice for every line of the return. */
export function receivePayload(
  id: string,
  lines: readonly Pick<ReturnLineDto, "orderItemId" | "reason">[],
  choices: RestockChoices,
) {
  return {
    id,
    lines: lines.map((l) => ({
      orderItemId: l.orderItemId,
      restock: choices[l.orderItemId] ?? defaultRestock(l.reason),
    })),
  };
}

/** "3 units go back on sale, 1 does not." for the receive dialog. */
export function restockSummary(
  lines: readonly Pick<ReturnLineDto, "orderItemId" | "reason" | "qty">[],
  choices: RestockChoices,
): string {
  let back = 0;
  let not = 0;
  for (const l of lines) {
    if (choices[l.orderItemId] ?? defaultRestock(l.reason)) back += l.qty;
    else not += l.qty;
  }
  const units = (n: number) => `${n} unit${n === 1 ? "" : "s"}`;
  if (not === 0) return `${units(back)} go${back === 1 ? "es" : ""} back on sale.`;
  if (back === 0) return `Nothing goes back on sale (${units(not)}).`;
  return `${units(back)} go${back === 1 ? "es" : ""} back on sale, ${not} ${not === 1 ? "does" : "do"} not.`;
}

/** Where the money stands, in the seller's words. */
export function refundNote(r: Pick<ReturnDto, "status" | "refundMethod" | "refundStatus">): string {
  const cod = r.refundMethod === "manual";
  switch (r.refundStatus) {
    case "pending":
      return "The refund is on its way back to the customer's original payment.";
    case "owed":
      return "Cash on delivery: Bazaar pays the customer by UPI or bank transfer.";
    case "paid":
      return "The customer has been refunded.";
    case "failed":
      return "The refund failed. Bazaar is looking into it.";
    case "none":
      if (r.status === "requested" || r.status === "approved" || r.status === "escalated")
        return cod
          ? "When you mark it received, Bazaar pays this to the customer by UPI or bank transfer."
          : "When you mark it received, this is refunded to the customer's original payment.";
      return "No refund.";
  }
}

/** The notice after a step, naming the return (and, once received, how the money goes back). */
export function doneNotice(
  action: SellerReturnAction,
  r: Pick<ReturnDto, "number" | "refundAmount" | "refundMethod">,
): string {
  if (action === "approve") return `${r.number} approved. The customer has been asked to send it back.`;
  if (action === "reject") return `${r.number} rejected. The customer has been told why.`;
  const money = formatRupees(r.refundAmount);
  return r.refundMethod === "manual"
    ? `${r.number} received. Bazaar pays the customer ${money} by UPI or bank transfer.`
    : `${r.number} received. ${money} is being refunded to the customer's original payment.`;
}

const NOW: Record<ReturnStatus, string> = {
  requested: "waiting for a decision",
  approved: "approved",
  rejected: "rejected",
  escalated: "escalated to Bazaar",
  received: "received",
  refunded: "refunded",
  cancelled: "cancelled by the customer",
};

/**
 * A refused step because the return moved meanwhile (the buyer cancelled, another tab
 * approved it) reads as what happened, not as the state machine's wording; the detail is
 * re-read at the same time, so the buttons already match.
 */
export function explainReturnError<
  E extends { reason: string | null; message: string; details: Record<string, unknown> },
>(e: E): E {
  if (e.reason !== "return.invalid_transition") return e;
  const from = e.details.from;
  const now = typeof from === "string" && from in NOW ? NOW[from as ReturnStatus] : "changed";
  return { ...e, message: `This return has moved on: it is ${now} now. The buttons show what you can do.` };
}
