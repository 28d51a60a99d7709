import { customerLinks, inr, sellerLinks } from "./links";
import type { NewNotification } from "./notify";

/**
 * Return updates, to whichever side did not make them: the shop hears of a request, a
 * cancellation or an escalation; the buyer of an approval, rejection, receipt or refund;
 * both of Bazaar's decision. Links open the return in the recipient's app.
 */
type Ret = { id: string; number: string };
type Event =
  | { type: "requested"; orderNumber: string; units: number }
  | { type: "cancelled" }
  | { type: "escalated"; note?: string | null }
  | { type: "decided"; decision: string; note?: string | null }
  | { type: "approved" }
  | { type: "rejected"; reason?: string | null }
  | { type: "received"; amount: number }
  | { type: "refunded"; amount: number };

function text(ret: Ret, e: Event, side: "customer" | "seller"): { title: string; body: string } {
  switch (e.type) {
    case "requested":
      return {
        title: `Return requested: ${ret.number}`,
        body: `A buyer asked to return ${e.units} unit(s) of order ${e.orderNumber}.`,
      };
    case "cancelled":
      return { title: `Return ${ret.number} cancelled`, body: "The buyer cancelled this return." };
    case "escalated":
      return {
        title: `Return ${ret.number} escalated`,
        body: `The buyer asked Bazaar to review your decision.${e.note ? ` "${e.note}"` : ""}`,
      };
    case "decided":
      return {
        title: `Bazaar decided return ${ret.number}`,
        body: `${side === "customer" ? "Your return" : "The return"} was ${e.decision}.${e.note ? ` ${e.note}` : ""}`,
      };
    case "approved":
      return {
        title: `Return ${ret.number} approved`,
        body: "The shop approved your return. Send the items back.",
      };
    case "rejected":
      return {
        title: `Return ${ret.number} rejected`,
        body: `${e.reason ? `${e.reason}. ` : ""}You can ask Bazaar to review it.`,
      };
    case "received":
      return {
        title: `Return ${ret.number} received`,
        body:
          e.amount > 0
            ? `The shop received your items. ${inr(e.amount)} is on its way to you.`
            : "The shop received your items.",
      };
    case "refunded":
      return { title: `Refund for return ${ret.number} sent`, body: `We refunded ${inr(e.amount)}.` };
  }
}

export function returnNotice(
  userId: string,
  side: "customer" | "seller",
  ret: Ret,
  event: Event,
): NewNotification {
  return {
    userId,
    category: "returns",
    type: `return.${event.type}`,
    ...text(ret, event, side),
    link: side === "customer" ? customerLinks.return(ret.id) : sellerLinks.return(ret.id),
  };
}
