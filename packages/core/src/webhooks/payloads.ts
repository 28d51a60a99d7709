import type { WebhookEmit } from "./emit-webhook-event";

/**
 * The `data` of each event: ids, numbers, amounts (integer paise, INR) and statuses, never a
 * buyer's contact details or address; receivers fetch more through the API with their key.
 * Each event belongs to one shop: an order event is one per shop's part of the order.
 */
type Order = { id: string; number: string };
type Sub = { id: string; number: string; sellerId: string; total: number };

export function orderWebhookEvents(
  type: "order.placed" | "order.paid" | "order.cancelled" | "sub_order.status_changed",
  order: Order,
  subs: Sub[],
  extra: Record<string, unknown> = {},
): WebhookEmit[] {
  return subs.map((s) => ({
    type,
    sellerId: s.sellerId,
    data: {
      orderId: order.id,
      orderNumber: order.number,
      subOrderId: s.id,
      subOrderNumber: s.number,
      sellerId: s.sellerId,
      total: s.total,
      currency: "INR",
      ...extra,
    },
  }));
}

type Return = { id: string; number: string; orderId: string; subOrderId: string; sellerId: string };

export function returnWebhookEvent(
  type: "return.requested" | "return.approved" | "return.rejected" | "return.received" | "return.refunded",
  ret: Return,
  extra: Record<string, unknown> = {},
): WebhookEmit {
  return {
    type,
    sellerId: ret.sellerId,
    data: {
      returnId: ret.id,
      returnNumber: ret.number,
      orderId: ret.orderId,
      subOrderId: ret.subOrderId,
      sellerId: ret.sellerId,
      ...extra,
    },
  };
}

export function productWebhookEvent(
  type: "product.approved" | "product.rejected",
  p: { id: string; sellerId: string; title: string },
  extra: Record<string, unknown> = {},
): WebhookEmit {
  return {
    type,
    sellerId: p.sellerId,
    data: { productId: p.id, sellerId: p.sellerId, title: p.title, ...extra },
  };
}

export function payoutWebhookEvent(
  p: { id: string; sellerId: string; amount: number; number?: string },
  utr: string,
): WebhookEmit {
  return {
    type: "payout.paid",
    sellerId: p.sellerId,
    data: {
      payoutId: p.id,
      payoutNumber: p.number ?? null,
      sellerId: p.sellerId,
      amount: p.amount,
      currency: "INR",
      utr,
    },
  };
}
