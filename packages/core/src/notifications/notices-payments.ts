import { customerLinks, inr } from "./links";
import type { NewNotification } from "./notify";

/**
 * The buyer's in-app notifications about money: a payment taken, a payment attempt that
 * failed, a refund that reached them.
 */
type Order = { id: string; number: string; customerId: string };

export function paymentReceivedNotice(order: Order, amount: number): NewNotification {
  return {
    userId: order.customerId,
    category: "payments",
    type: "payment.received",
    title: `Payment received for ${order.number}`,
    body: `We received ${inr(amount)}. Your order is confirmed.`,
    link: customerLinks.order(order.id),
  };
}

export function paymentFailedNotice(order: Order, reason: string | null): NewNotification {
  return {
    userId: order.customerId,
    category: "payments",
    type: "payment.failed",
    title: `Payment for ${order.number} did not go through`,
    body: `${reason ? `${reason}. ` : ""}Your items are held for a while: you can try paying again from the order.`,
    link: customerLinks.order(order.id),
  };
}

export function refundSettledNotice(order: Order, amount: number): NewNotification {
  return {
    userId: order.customerId,
    category: "payments",
    type: "refund.settled",
    title: `Refund of ${inr(amount)} sent`,
    body: `We refunded ${inr(amount)} for order ${order.number}. Banks usually show it within 5–7 working days.`,
    link: customerLinks.order(order.id),
  };
}
