import type { OrderDto, PaymentStatus, SubOrderStatus } from "@bazaar/schemas";

export const STATUS_LABEL: Record<SubOrderStatus, string> = {
  placed: "Placed",
  confirmed: "Confirmed",
  packed: "Packed",
  shipped: "Shipped",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  cancelled: "Cancelled",
};

export const PAYMENT_LABEL: Record<PaymentStatus, string> = {
  pending: "Awaiting payment",
  paid: "Paid online",
  failed: "Payment failed",
  expired: "Payment window expired",
  cod_pending: "Cash on delivery",
  cod_collected: "Paid in cash",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
};

/** A timeline step: a status, or a return's step (`return.approved`). */
export const stepLabel = (to: string): string =>
  to.startsWith("return.")
    ? `Return ${to.slice(7).replace(/_/g, " ")}`
    : (STATUS_LABEL[to as SubOrderStatus] ?? to);

/** A buyer may cancel a part until the seller packs it. */
export const mayCancel = (status: SubOrderStatus) => status === "placed" || status === "confirmed";

export const canCancelOrder = (order: Pick<OrderDto, "subOrders">) => {
  const open = order.subOrders.filter((s) => s.status !== "cancelled");
  return open.length > 0 && open.every((s) => mayCancel(s.status));
};
