import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { OrderDto, SubOrderStatus } from "@bazaar/schemas";
import { paymentStatusLabel } from "@bazaar/ui";

/** A buyer may cancel a part until the seller packs it. */
export const customerMayCancel = (status: SubOrderStatus) => status === "placed" || status === "confirmed";

/**
 * Which cancel buttons the order page shows: the whole order while every part still open
 * may be cancelled, and each such part on its own when the order has more than one open.
 */
export function cancelOptions(order: Pick<OrderDto, "subOrders">): {
  wholeOrder: boolean;
  parts: string[];
} {
  const open = order.subOrders.filter((s) => s.status !== "cancelled");
  const cancellable = open.filter((s) => customerMayCancel(s.status));
  return {
    wholeOrder: open.length > 0 && cancellable.length === open.length,
    parts: open.length > 1 ? cancellable.map((s) => s.id) : [],
  };
}

export type PaymentBanner = {
  tone: "success" | "warning" | "info" | "error";
  title: string;
  text: string;
  /** An online order still waiting for its money: offer to pay. */
  canPay: boolean;
};

/** The banner at the top of an order: how it is paid for, and what the buyer should do. */
export function paymentBanner(
  order: Pick<OrderDto, "paymentStatus" | "total" | "refundedAmount" | "expiresAt" | "paidAt"> & {
    subOrders: readonly Pick<OrderDto["subOrders"][number], "status" | "total">[];
  },
): PaymentBanner {
  const title = paymentStatusLabel(order.paymentStatus);
  const total = formatRupees(order.total);
  const open = order.subOrders.filter((s) => s.status !== "cancelled");
  switch (order.paymentStatus) {
    case "pending":
      return {
        tone: "warning",
        title,
        text: order.expiresAt
          ? `Pay ${total} by ${formatDateTime(order.expiresAt)}, or the order is cancelled and nothing is charged.`
          : `Pay ${total} to confirm your order.`,
        canPay: true,
      };
    case "paid":
      return {
        tone: "success",
        title,
        text: order.paidAt
          ? `${total} paid online on ${formatDateTime(order.paidAt)}.`
          : `${total} paid online.`,
        canPay: false,
      };
    case "failed":
      return { tone: "error", title, text: "The payment did not go through.", canPay: false };
    case "expired":
      return {
        tone: "info",
        title,
        text: "The order was cancelled before it was paid for. Nothing was charged.",
        canPay: false,
      };
    case "cod_pending": {
      // Cancelled parts are not paid for; each shop's courier collects for its own parcel.
      if (open.length === 0)
        return { tone: "info", title: "Nothing to pay", text: "The order was cancelled.", canPay: false };
      const due = formatRupees(open.reduce((sum, s) => sum + s.total, 0));
      return {
        tone: "info",
        title,
        text:
          open.length === 1
            ? `Pay ${due} in cash when your order arrives.`
            : `Pay ${due} in cash on delivery: each shop's courier collects for its own parcel.`,
        canPay: false,
      };
    }
    case "cod_collected":
      return { tone: "success", title, text: `${total} paid in cash on delivery.`, canPay: false };
    case "refunded":
      return {
        tone: "info",
        title,
        text: `${formatRupees(order.refundedAmount)} refunded to the way you paid. Banks take 5 to 7 working days to show it.`,
        canPay: false,
      };
    case "partially_refunded":
      return {
        tone: "info",
        title,
        text: `${formatRupees(order.refundedAmount)} of ${total} refunded to the way you paid, for the cancelled items.`,
        canPay: false,
      };
  }
}

/** Refusals at checkout that mean "look at your cart again": the customer goes back there. */
const BACK_TO_CART = new Set([
  "checkout.cart_changed",
  "checkout.cart_empty",
  "checkout.out_of_stock",
  "checkout.unavailable_items",
]);
export const sendsBackToCart = (reason: string | null) =>
  reason !== null && (BACK_TO_CART.has(reason) || reason.startsWith("coupon."));

/**
 * One key per checkout attempt, so a double click or a retried request places one order.
 * `crypto.randomUUID` needs a secure context; plain http on a LAN address falls back.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ck-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** What cancelling the whole order, or one shop's part of it, means for the buyer's money. */
export function cancelSummary(
  order: Pick<OrderDto, "number" | "paymentStatus" | "subOrders">,
  subOrderId?: string,
): { title: string; intro: string; done: string } {
  const parts = subOrderId
    ? order.subOrders.filter((s) => s.id === subOrderId)
    : order.subOrders.filter((s) => s.status !== "cancelled");
  const amount = formatRupees(parts.reduce((sum, s) => sum + s.total, 0));
  const shop = parts[0]?.seller.shopName ?? "this shop";
  const paid = order.paymentStatus === "paid" || order.paymentStatus === "partially_refunded";
  const money = paid
    ? `${amount} will be refunded to the way you paid.`
    : `Nothing has been charged for ${subOrderId ? "them" : "it"}.`;
  return subOrderId
    ? {
        title: `Cancel the items from ${shop}?`,
        intro: `The rest of order ${order.number} goes ahead. ${money}`,
        done: `The items from ${shop} are cancelled. ${money}`,
      }
    : {
        title: `Cancel order ${order.number}?`,
        intro: `Every item in the order is cancelled. ${money}`,
        done: `Order ${order.number} is cancelled. ${money}`,
      };
}

/** The tracking QR code, served by the API (proxied under the app's origin, like `/api`). */
export const trackingQrSrc = (trackingCode: string) => `/track/${encodeURIComponent(trackingCode)}/qr.svg`;
